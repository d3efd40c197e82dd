/** Camera helpers for following, focusing and publishing what this person sees. */
import { coverRects, fitBesideCovers } from '../canvas/covers.ts'
import { MAX_SCALE, visibleRect, type Rect } from '../canvas/viewport.ts'
import type { Editor } from '../editor/editor.ts'

/**
 * Shows `rect` (board coordinates) whole, centred; `w` alone for a view with unknown height
 * (someone else's view, shown as wide as it was, the same whatever lies over this screen). A
 * thing to look at (`clear`: a poster) is fitted beside the overlays, none of it under them.
 */
export function showRect(
  editor: Editor,
  rect: { x: number; y: number; w: number; h?: number },
  clear = false,
) {
  const { size } = editor.view.get()
  if (size.width < 1 || size.height < 1) return
  const h = rect.h ?? (rect.w * size.height) / size.width
  const covers = clear ? coverRects() : []
  editor.setCamera(
    fitBesideCovers({ x: rect.x, y: rect.y, w: rect.w, h }, size, 0, MAX_SCALE, covers),
  )
}

/** What this person sees, in board coordinates. */
export function currentView(editor: Editor): Rect {
  const { camera, size } = editor.view.get()
  return visibleRect(camera, size)
}

export const contains = (r: Rect, p: { x: number; y: number }) =>
  p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h
