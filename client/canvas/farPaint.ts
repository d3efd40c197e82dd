/**
 * Far-zoom drawing of items in one pass: posters as tinted boxes with lane lines and a title
 * large enough to read on a projector, post-its as plain coloured boxes (dashed when missing).
 */
import { FRAME_TITLE_HEIGHT, laneRect } from '../../shared/geometry/index.ts'
import type { Item } from '../../shared/schema/index.ts'
import { BREAK_INK, FONT_FAMILY, FRAME_FILL, INK, NOTE_FILL } from './palette.ts'

export function paintFar(
  c: CanvasRenderingContext2D,
  items: readonly Item[],
  highlight: string | null,
  scale: number,
): void {
  let fill = ''
  for (const item of items) {
    if (item.kind === 'frame') {
      c.globalAlpha = 1
      c.fillStyle = FRAME_FILL[item.color]
      c.fillRect(item.x, item.y, item.w, item.h)
      c.strokeStyle = '#c4cad3'
      c.lineWidth = 2 / scale
      c.strokeRect(item.x, item.y, item.w, item.h)
      for (let i = 1; i < item.lanes.length; i++) {
        const r = laneRect(item, i)
        c.beginPath()
        c.moveTo(r.x, r.y)
        c.lineTo(r.x, r.y + r.h)
        c.stroke()
      }
      // A title of at least 14 screen pixels, so posters can be told apart from afar.
      const size = Math.max(26, 14 / scale)
      const bar = Math.max(FRAME_TITLE_HEIGHT, size * 1.5)
      c.fillStyle = 'rgba(0,0,0,0.05)'
      c.fillRect(item.x, item.y, item.w, bar)
      c.save()
      c.beginPath()
      c.rect(item.x, item.y, item.w, bar)
      c.clip()
      c.fillStyle = INK
      c.font = `bold ${size}px ${FONT_FAMILY}`
      c.textBaseline = 'middle'
      const pad = size * 0.6
      c.fillText(fitTitle(c, item.title, item.w - 2 * pad), item.x + pad, item.y + bar / 2)
      c.restore()
      fill = ''
    } else if (item.kind === 'image') {
      // Far out a picture is a grey box of its size: its pixels would be a blur anyway.
      c.globalAlpha = 1
      c.fillStyle = '#c4cad3'
      c.fillRect(item.x, item.y, item.w, item.h)
      fill = ''
    } else if (item.kind === 'note') {
      const dim = highlight !== null && !item.tags.includes(highlight)
      c.globalAlpha = dim ? 0.2 : 1
      const next = NOTE_FILL[item.color]
      if (next !== fill) c.fillStyle = fill = next
      c.fillRect(item.x, item.y, item.w, item.h)
      if (item.step === 'missing') {
        c.strokeStyle = BREAK_INK
        c.lineWidth = Math.max(3, 1.5 / scale)
        c.strokeRect(item.x, item.y, item.w, item.h)
      }
    }
  }
  c.globalAlpha = 1
}

const fitted = new Map<string, string>()
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** A title cut to `max` (in the context's font), ending in "…"; remembered per font and width. */
function fitTitle(c: CanvasRenderingContext2D, title: string, max: number): string {
  const key = `${c.font}|${Math.round(max)}|${title}`
  let out = fitted.get(key)
  if (out !== undefined) return out
  out = title
  if (c.measureText(title).width > max) {
    const parts = [...graphemes.segment(title)].map((g) => g.segment)
    while (parts.length && c.measureText(parts.join('').trimEnd() + '…').width > max) parts.pop()
    out = parts.length ? parts.join('').trimEnd() + '…' : ''
  }
  if (fitted.size > 5000) fitted.clear()
  fitted.set(key, out)
  return out
}
