/**
 * What changed since this device last looked: coloured rings over the canvas (an overlay of its
 * own, so shapes stay untouched) and a bar with "next change" and "mark all seen".
 */
import { useSyncExternalStore } from 'react'
import type { Editor } from '../editor/editor.ts'
import { t, type MessageKey } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import type { CatchUpStore } from './catchUpStore.ts'
import { formatTime } from './time.ts'
import { showBox } from './walk.ts'

/** Rings drawn at most; far more than anyone walks through, few enough to stay smooth. */
const MAX_RINGS = 300

export function CatchUpRings({ editor, store }: { editor: Editor; store: CatchUpStore }) {
  const { changes, current } = useSyncExternalStore(store.subscribe, store.get)
  const camera = useStore(editor.view, (s) => s.camera)
  return (
    <div className="catchup-rings" aria-hidden="true">
      {changes.slice(0, MAX_RINGS).map((c, i) => {
        // A comment's ring sits outside its target's, which may be highlighted as well.
        const comment = c.collection === 'comments'
        const pad = comment ? 16 : 6
        return (
          <div
            key={c.id}
            className={`catchup-ring catchup-ring--${comment ? 'comment' : c.status} ${i === current ? 'catchup-ring--current' : ''}`}
            data-testid="catchup-ring"
            data-status={c.status}
            data-id={c.id}
            style={{
              left: c.box.x * camera.scale + camera.x - pad,
              top: c.box.y * camera.scale + camera.y - pad,
              width: c.box.w * camera.scale + 2 * pad,
              height: c.box.h * camera.scale + 2 * pad,
            }}
          >
            <span className="catchup-tag">
              {t(`catchup-${c.collection === 'comments' ? 'comment' : c.status}` as MessageKey)}
            </span>
          </div>
        )
      })}
    </div>
  )
}

export function CatchUpBar({ editor, store }: { editor: Editor; store: CatchUpStore }) {
  const { changes, current, since } = useSyncExternalStore(store.subscribe, store.get)
  if (since === null || changes.length === 0) return null
  const walk = (step: number) => {
    const change = store.next(step)
    if (change) showBox(editor, change.box)
  }
  return (
    <div
      className="catchup-bar"
      role="region"
      aria-label={t('catchup-title')}
      data-testid="catchup-bar"
    >
      <span className="catchup-count" data-testid="catchup-count" data-count={changes.length}>
        {t('catchup-count', changes.length, formatTime(since))}
      </span>
      {current >= 0 && (
        <span className="catchup-position">
          {t('catchup-position', current + 1, changes.length)}
        </span>
      )}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => walk(-1)}
        data-testid="catchup-prev"
      >
        {t('catchup-prev')}
      </button>
      <button type="button" className="button" onClick={() => walk(1)} data-testid="catchup-next">
        {t('catchup-next')}
      </button>
      <button
        type="button"
        className="link-button"
        onClick={() => store.markAllSeen()}
        data-testid="catchup-seen"
      >
        {t('catchup-mark-seen')}
      </button>
    </div>
  )
}
