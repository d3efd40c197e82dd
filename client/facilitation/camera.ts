/** Camera helpers for following, focusing and publishing what this person sees. */
import { visibleRect, type Rect } from '../canvas/viewport.ts'
import type { Editor } from '../editor/editor.ts'

/** Shows `rect` (board coordinates) whole, centred; `w` alone for a view with unknown height. */
export function showRect(editor: Editor, rect: { x: number; y: number; w: number; h?: number }) {
  const { size } = editor.view.get()
  if (size.width < 1 || size.height < 1) return
  const h = rect.h ?? (rect.w * size.height) / size.width
  const scale = Math.min(size.width / rect.w, size.height / h)
  editor.setCamera({
    scale,
    x: size.width / 2 - (rect.x + rect.w / 2) * scale,
    y: size.height / 2 - (rect.y + h / 2) * scale,
  })
}

/** What this person sees, in board coordinates. */
export function currentView(editor: Editor): Rect {
  const { camera, size } = editor.view.get()
  return visibleRect(camera, size)
}

export const contains = (r: Rect, p: { x: number; y: number }) =>
  p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h
