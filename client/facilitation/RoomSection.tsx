/**
 * The room: locks and hidden posters on the selection, bringing people to the facilitator's
 * view or back to the plenary, and an overview of every poster with who is there.
 */
import { useSyncExternalStore } from 'react'
import { updateItems } from '../../shared/doc/index.ts'
import { formatCountdown, remainingMs } from '../../shared/facilitation/timer.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import { contains, currentView, showRect } from './camera.ts'
import type { FacilitationClient } from './facilitationClient.ts'
import { isFrame } from '../../shared/schema/index.ts'
import { useNow } from './useNow.ts'

const ORIGIN = 'facilitation-ui'

export function RoomSection({ editor, fac }: { editor: Editor; fac: FacilitationClient }) {
  const selection = useStore(editor.view, (v) => v.selection)
  useSyncExternalStore(editor.items.subscribe, editor.items.getVersion)
  const items = editor.items.all()
  const peers = useStore(editor.presence, (p) => p)
  const timer = useStore(fac.state, (s) => s.facilitation.timer)
  const now = useNow(fac.now, 1000)
  const selected = items.filter((i) => selection.has(i.id))
  const frames = items.filter(isFrame)

  const setLocked = (locked: boolean) =>
    updateItems(fac.doc, new Map(selected.map((i) => [i.id, { locked }])), ORIGIN)
  const setHidden = (hidden: boolean) =>
    updateItems(fac.doc, new Map(selected.filter(isFrame).map((f) => [f.id, { hidden }])), ORIGIN)
  const bring = (frameId: string | null) => {
    const v = currentView(editor)
    fac.write({ focus: { at: Math.round(fac.now()), x: v.x, y: v.y, w: v.w, frameId } })
  }
  const plenary = () => {
    const all = items
    if (all.length === 0) return
    const x = Math.min(...all.map((i) => i.x))
    const y = Math.min(...all.map((i) => i.y))
    const w = Math.max(...all.map((i) => i.x + i.w)) - x
    fac.write({
      focus: { at: Math.round(fac.now()), x: x - 40, y: y - 40, w: w + 80, frameId: null },
    })
  }

  return (
    <div className="fac-section">
      <h3>{t('fac-selection')}</h3>
      <div className="fac-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={!selected.length}
          onClick={() => setLocked(true)}
          data-testid="lock"
        >
          {t('fac-lock')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={!selected.length}
          onClick={() => setLocked(false)}
        >
          {t('fac-unlock')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={!selected.some(isFrame)}
          onClick={() => setHidden(true)}
        >
          {t('fac-hide-poster')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={!selected.some(isFrame)}
          onClick={() => setHidden(false)}
        >
          {t('fac-show-poster')}
        </button>
      </div>
      <h3>{t('fac-everyone')}</h3>
      <div className="fac-row">
        <button
          type="button"
          className="button"
          onClick={() => bring(null)}
          data-testid="bring-everyone"
        >
          {t('fac-bring-everyone')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={plenary}
          data-testid="plenary"
        >
          {t('fac-plenary')}
        </button>
      </div>
      <h3>{t('fac-overview')}</h3>
      <ul className="fac-overview" data-testid="overview">
        {frames.map((f) => {
          const rect = { x: f.x, y: f.y, w: f.w, h: f.h }
          const here = peers.filter((p) => {
            const v = p.viewport
            const at = p.cursor ?? (v ? { x: v.x + v.w / 2, y: v.y + v.w / 3 } : null)
            return at !== null && contains(rect, at)
          })
          const last = Math.max(
            f.updatedAt,
            ...items.filter((i) => i.parentId === f.id).map((i) => i.updatedAt),
          )
          const ago = Math.max(0, Math.round((Date.now() - last) / 60_000))
          return (
            <li key={f.id} data-testid="overview-poster">
              <button
                type="button"
                className="fac-link"
                onClick={() => showRect(editor, rect, true)}
              >
                {f.title || t('fac-untitled-item')}
              </button>
              {f.hidden && <span className="badge">{t('fac-hidden')}</span>}
              {f.locked && <span className="badge">{t('fac-locked')}</span>}
              <div className="fac-muted">
                {here.length ? here.map((p) => p.user.name).join(', ') : t('fac-nobody')} ·{' '}
                {t('fac-activity', ago)} · {t('fac-left', formatCountdown(remainingMs(timer, now)))}
              </div>
              <button type="button" className="fac-small" onClick={() => bring(f.id)}>
                {t('fac-bring-group')}
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
