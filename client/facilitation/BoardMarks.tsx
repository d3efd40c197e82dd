/**
 * Marks drawn over the canvas in board coordinates: hidden posters covered for everyone but
 * facilitators, locks, this person's own dots, and post-its added after the last vote's reveal.
 */
import { useMemo, useSyncExternalStore } from 'react'
import { dots } from '../../shared/doc/index.ts'
import type { Item } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import type { FacilitationClient } from './facilitationClient.ts'

export function BoardMarks({ editor, fac }: { editor: Editor; fac: FacilitationClient }) {
  useSyncExternalStore(editor.items.subscribe, editor.items.getVersion)
  const camera = useStore(editor.view, (v) => v.camera)
  const lastReveal = useStore(fac.state, (s) =>
    Math.max(0, ...s.rounds.map((r) => (r.state === 'revealed' ? (r.revealedAt ?? 0) : 0))),
  )
  const myDots = useStore(fac.state, (s) => {
    const open = s.rounds.findLast((r) => r.state === 'open')
    const mine = open ? s.myVotes[open.id]?.dots : undefined
    return (mine ?? []).map((d) => d.itemId).join(',')
  })
  const roomDots = useRoomDots(editor, fac)
  const facilitator = editor.user.role === 'facilitator'
  const dotsOn = new Map<string, number>()
  for (const id of myDots ? myDots.split(',') : []) dotsOn.set(id, (dotsOn.get(id) ?? 0) + 1)

  const box = (i: Item) => ({
    left: i.x * camera.scale + camera.x,
    top: i.y * camera.scale + camera.y,
    width: i.w * camera.scale,
    height: i.h * camera.scale,
  })
  const marks = []
  for (const i of editor.items.all()) {
    if (i.kind === 'frame' && i.hidden) {
      marks.push(
        <div
          key={`h-${i.id}`}
          className={facilitator ? 'fac-mark-hidden fac-mark-hidden--seen' : 'fac-mark-hidden'}
          style={box(i)}
          data-testid="hidden-poster"
        >
          <span>{t('fac-hidden-poster')}</span>
        </div>,
      )
      continue
    }
    const badges: string[] = []
    if (i.locked) badges.push(t('fac-locked'))
    if (lastReveal > 0 && i.kind === 'note' && i.createdAt > lastReveal)
      badges.push(t('fac-after-vote'))
    const dots = dotsOn.get(i.id) ?? 0
    const everyones = roomDots.get(i.id) ?? 0
    if (badges.length === 0 && dots === 0 && everyones === 0) continue
    const b = box(i)
    marks.push(
      <div
        key={`b-${i.id}`}
        className="fac-mark"
        style={{ left: b.left + b.width, top: b.top - 10 }}
      >
        {badges.map((text) => (
          <span key={text} className="badge fac-mark-badge">
            {text}
          </span>
        ))}
        {everyones > 0 && (
          <span
            className="fac-mark-dots fac-mark-dots--room"
            data-testid="board-dots"
            data-count={everyones}
            title={t('fac-board-dots', everyones)}
          >
            {Array.from({ length: Math.min(everyones, 10) }, (_, k) => (
              <span key={k} className="fac-dot" />
            ))}
            {everyones > 10 && <span className="fac-dot-count">{everyones}</span>}
          </span>
        )}
        {dots > 0 && (
          <span className="fac-mark-dots" data-testid="own-dots" title={t('fac-your-dots', dots)}>
            {Array.from({ length: Math.min(dots, 10) }, (_, k) => (
              <span key={k} className="fac-dot" />
            ))}
          </span>
        )}
      </div>,
    )
  }
  return <div className="fac-marks">{marks}</div>
}

/**
 * Everyone's dots per post-it in the latest round, as the board holds them: every dot once it
 * is revealed, and live ones in named rounds that do not hide them. The same for the projector.
 */
function useRoomDots(editor: Editor, fac: FacilitationClient): Map<string, number> {
  const latest = useStore(fac.state, (s) => s.rounds.at(-1)?.id ?? null)
  const key = useSyncExternalStore(
    (cb) => {
      const map = dots(editor.doc).map
      map.observeDeep(cb)
      return () => map.unobserveDeep(cb)
    },
    () => {
      const counts = new Map<string, number>()
      if (latest)
        for (const d of dots(editor.doc).all())
          if (d.roundId === latest) counts.set(d.itemId, (counts.get(d.itemId) ?? 0) + 1)
      return JSON.stringify([...counts])
    },
  )
  return useMemo(() => new Map<string, number>(JSON.parse(key) as [string, number][]), [key])
}
