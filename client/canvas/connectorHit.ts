/**
 * How far a point is from a connector as connectorDraw paints it: its line (with its width) and
 * its mark. For hit tests where the connector has no hit region of its own (far zoom).
 */
import type { Point } from '../../shared/geometry/index.ts'
import type { ConnectorRecord } from '../../shared/schema/index.ts'
import { LINE_WIDTH, markRadius } from './connectorDraw.ts'

/** Distance from `p` to the segment from `a` to `b`. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const len2 = dx * dx + dy * dy
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2))
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
}

/**
 * Board units from `p` to the nearest painted part of a connector drawn from `start` to `end` at
 * mark scale `k`: 0 on its line or its mark, more beside them.
 */
export function connectorDistance(
  p: Point,
  start: Point,
  end: Point,
  marker: ConnectorRecord['marker'],
  k: number,
): number {
  const line = Math.max(0, distanceToSegment(p, start, end) - (LINE_WIDTH * k) / 2)
  if (marker === 'none') return line
  const len = Math.hypot(end.x - start.x, end.y - start.y)
  const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }
  const mark = Math.max(0, Math.hypot(p.x - mid.x, p.y - mid.y) - markRadius(len, k))
  return Math.min(line, mark)
}
