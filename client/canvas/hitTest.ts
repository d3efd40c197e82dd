/**
 * Hit tests from the spatial indexes, for when shapes are not on the canvas to be hit: far zoom,
 * where post-its and arrows are drawn in one pass without hit regions.
 */
import { compareDrawOrder } from '../../shared/doc/index.ts'
import { connectorPath, type Point } from '../../shared/geometry/index.ts'
import type { ConnectorRecord, Item } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'
import { markScale, MARK_RADIUS } from './connectorDraw.ts'
import { connectorDistance } from './connectorHit.ts'

/** Screen pixels beside an arrow that still count as on it: a thin line stays easy to click. */
export const ARROW_SLOP_PX = 6

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

/**
 * The arrow nearest `p` among those drawn within a few screen pixels of it at zoom `scale`
 * (the top-most on a tie), or null. Only arrows the connector index puts near `p` are measured.
 */
export function connectorAtPoint(editor: Editor, p: Point, scale: number): ConnectorRecord | null {
  const k = markScale(scale)
  const slop = ARROW_SLOP_PX / scale
  // Marks reach beyond an arrow's box by up to their radius.
  const reach = slop + MARK_RADIUS * k
  const ids = editor.connectorIndex.query({
    x: p.x - reach,
    y: p.y - reach,
    w: 2 * reach,
    h: 2 * reach,
  })
  const boxOf = (id: string) => editor.items.get(id)
  let best: ConnectorRecord | null = null
  let bestDistance = Infinity
  for (const id of ids) {
    const c = editor.connectors.get(id)
    if (!c) continue
    const { start, end } = connectorPath(c, boxOf)
    const d = connectorDistance(p, start, end, c.marker, k)
    if (d > slop) continue
    if (d < bestDistance || (d === bestDistance && best && compareDrawOrder(c, best) > 0)) {
      best = c
      bestDistance = d
    }
  }
  return best
}

/**
 * What a click at `p` picks when nothing has a hit region: a post-it or label under the point,
 * else an arrow near it (arrows are drawn above posters), else the poster.
 */
export function recordAtPoint(
  editor: Editor,
  p: Point,
  scale: number,
): Item | ConnectorRecord | null {
  const item = itemAtPoint(editor, p)
  if (item && item.kind !== 'frame') return item
  return connectorAtPoint(editor, p, scale) ?? item
}
