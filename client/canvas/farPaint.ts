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
      c.textBaseline = 'middle'
      // Narrow posters (a phone's whole board) get a title down to 11 screen pixels, then "…".
      const title = fitTitle(c, item.title, item.w, size, Math.max(26, 11 / scale))
      c.font = `bold ${title.size}px ${FONT_FAMILY}`
      c.fillText(title.text, item.x + title.size * 0.6, item.y + bar / 2)
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

const fitted = new Map<string, { text: string; size: number }>()
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * A title for a poster `w` wide: at `size`, or smaller down to `least` when that makes it fit,
 * else cut and ending in "…" (always with a margin either side). Remembered per title and sizes.
 */
function fitTitle(
  c: CanvasRenderingContext2D,
  title: string,
  w: number,
  size: number,
  least: number,
): { text: string; size: number } {
  const key = `${Math.round(w)}|${Math.round(size)}|${Math.round(least)}|${title}`
  let out = fitted.get(key)
  if (out) return out
  c.font = `bold ${size}px ${FONT_FAMILY}`
  const width = c.measureText(title).width
  const room = w - 1.2 * size
  let at = size
  // The size at which the title and its margins take the poster's width exactly.
  if (width > room) at = Math.max(least, Math.min(size, w / (width / size + 1.2)))
  c.font = `bold ${at}px ${FONT_FAMILY}`
  const max = w - 1.2 * at
  let text = title
  if (c.measureText(title).width > max) {
    const parts = [...graphemes.segment(title)].map((g) => g.segment)
    while (parts.length && c.measureText(parts.join('').trimEnd() + '…').width > max) parts.pop()
    text = parts.length ? parts.join('').trimEnd() + '…' : ''
  }
  out = { text, size: at }
  if (fitted.size > 5000) fitted.clear()
  fitted.set(key, out)
  return out
}
