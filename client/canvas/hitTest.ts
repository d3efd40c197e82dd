/**
 * Hit tests from the spatial index, for when shapes are not on the canvas to be hit: far zoom,
 * where post-its are drawn in one pass without hit regions.
 */
import { compareDrawOrder } from '../../shared/doc/index.ts'
import type { Point } from '../../shared/geometry/index.ts'
import type { Item } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'

/** The top-most item (post-its before frames) whose box holds `p`, or null. */
export function itemAtPoint(editor: Editor, p: Point): Item | null {
  const ids = editor.items.index.query({ x: p.x, y: p.y, w: 0.001, h: 0.001 })
  let best: Item | null = null
  for (const id of ids) {
    const item = editor.items.get(id)
    if (!item) continue
    const better =
      !best ||
      (item.kind !== 'frame' && best.kind === 'frame') ||
      ((item.kind === 'frame') === (best.kind === 'frame') && compareDrawOrder(item, best) > 0)
    if (better) best = item
  }
  return best
}
