/** Bringing the view to a record: its box fitted into the canvas, never zoomed in too far. */
import { comments } from '../../shared/doc/index.ts'
import type { Editor } from '../editor/editor.ts'
import { fitBounds, type Rect } from '../canvas/viewport.ts'

export function showBox(editor: Editor, box: Rect): void {
  const { size } = editor.view.get()
  const pad = Math.max(box.w, box.h) * 0.6 + 40
  const grown = { x: box.x - pad, y: box.y - pad, w: box.w + 2 * pad, h: box.h + 2 * pad }
  editor.setCamera(fitBounds(grown, size, 48, 1.2))
}

/** The box of an item or connector on the board now, or null when it is gone. */
export function boxOfRecord(editor: Editor, id: string): Rect | null {
  const item = editor.items.get(id)
  if (item) return { x: item.x, y: item.y, w: item.w, h: item.h }
  const c = editor.connectors.get(id)
  if (!c) return null
  const x = Math.min(c.from.x, c.to.x)
  const y = Math.min(c.from.y, c.to.y)
  return { x, y, w: Math.abs(c.from.x - c.to.x) + 1, h: Math.abs(c.from.y - c.to.y) + 1 }
}

/** A short human label for a record: a post-it's text, a poster's title, an arrow's label. */
export function recordLabel(editor: Editor, id: string): string {
  const item = editor.items.get(id)
  const text =
    item?.kind === 'frame'
      ? item.title
      : item?.kind === 'image'
        ? item.alt
        : item
          ? item.text
          : (editor.connectors.get(id)?.label ?? comments(editor.doc).get(id)?.text ?? '')
  const line = text.trim().split('\n')[0] ?? ''
  return line.length > 48 ? `${line.slice(0, 47)}…` : line
}
