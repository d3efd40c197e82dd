/**
 * Pure geometry of the board: where connectors meet items, which frame and lane a point is in,
 * and how a lane is tidied. Shared by the canvas, the exports and the tests.
 */
import type { ConnectorEnd, ConnectorRecord, FrameRecord, Lane } from '../schema/index.ts'

export interface Point {
  x: number
  y: number
}
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** Height of a frame's title bar, above its lanes. */
export const FRAME_TITLE_HEIGHT = 56
/** Height of a lane heading under the title bar. */
export const LANE_HEADING_HEIGHT = 40

export const center = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 })

export const contains = (r: Rect, p: Point): boolean =>
  p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h

export const containsRect = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h

export const intersects = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/** The smallest rectangle around all the given ones, or null for none. */
export function bounds(rects: Iterable<Rect>): Rect | null {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const r of rects) {
    minX = Math.min(minX, r.x)
    minY = Math.min(minY, r.y)
    maxX = Math.max(maxX, r.x + r.w)
    maxY = Math.max(maxY, r.y + r.h)
  }
  return minX === Infinity ? null : { x: minX, y: minY, w: maxX - minX, h: maxY - minY }
}

/**
 * Where the line from the centre of `r` towards `toward` leaves the rectangle, plus a small gap
 * so that arrowheads do not disappear under the note.
 */
export function borderPoint(r: Rect, toward: Point, gap = 0): Point {
  const c = center(r)
  const dx = toward.x - c.x
  const dy = toward.y - c.y
  if (dx === 0 && dy === 0) return c
  const hw = r.w / 2 + gap
  const hh = r.h / 2 + gap
  const scale = Math.min(
    dx === 0 ? Infinity : hw / Math.abs(dx),
    dy === 0 ? Infinity : hh / Math.abs(dy),
  )
  return scale >= 1 ? { ...toward } : { x: c.x + dx * scale, y: c.y + dy * scale }
}

export interface ConnectorPath {
  start: Point
  end: Point
  mid: Point
  /** True for an end whose item no longer exists; it is drawn where it was last. */
  danglingStart: boolean
  danglingEnd: boolean
}

/**
 * Resolves a connector's ends against the items they attach to. An attached end sits on its
 * item's border facing the other end; a free or dangling end sits at its stored point.
 */
export function connectorPath(
  c: Pick<ConnectorRecord, 'from' | 'to'>,
  itemById: (id: string) => Rect | undefined,
  gap = 4,
): ConnectorPath {
  const fromBox = c.from.itemId ? itemById(c.from.itemId) : undefined
  const toBox = c.to.itemId ? itemById(c.to.itemId) : undefined
  const fromRef = fromBox ? center(fromBox) : { x: c.from.x, y: c.from.y }
  const toRef = toBox ? center(toBox) : { x: c.to.x, y: c.to.y }
  const start = fromBox ? borderPoint(fromBox, toRef, gap) : fromRef
  const end = toBox ? borderPoint(toBox, fromRef, gap) : toRef
  return {
    start,
    end,
    mid: { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 },
    danglingStart: Boolean(c.from.itemId && !fromBox),
    danglingEnd: Boolean(c.to.itemId && !toBox),
  }
}

/** The end as stored after a move: attached ends remember where they were last drawn. */
export const endAt = (end: ConnectorEnd, p: Point): ConnectorEnd => ({ ...end, x: p.x, y: p.y })

/** Rectangle of lane `index` of a frame, below the title bar. Lanes split the width evenly. */
export function laneRect(frame: Rect & { lanes: readonly Lane[] }, index: number): Rect {
  const n = Math.max(1, frame.lanes.length)
  const w = frame.w / n
  return {
    x: frame.x + w * index,
    y: frame.y + FRAME_TITLE_HEIGHT,
    w,
    h: frame.h - FRAME_TITLE_HEIGHT,
  }
}

/** The lane of `frame` that contains point `p`, or null when the frame has no lanes or misses. */
export function laneAt(frame: FrameRecord, p: Point): Lane | null {
  if (!frame.lanes.length || !contains(frame, p)) return null
  const index = Math.min(
    frame.lanes.length - 1,
    Math.max(0, Math.floor(((p.x - frame.x) / frame.w) * frame.lanes.length)),
  )
  return frame.lanes[index] ?? null
}

/**
 * The frame an item belongs to when its centre is at `p`: the topmost frame containing that
 * point, excluding the item itself. Frames are never nested.
 */
export function frameAt(
  frames: readonly FrameRecord[],
  p: Point,
  excludeId?: string,
): FrameRecord | null {
  let best: FrameRecord | null = null
  for (const f of frames) {
    if (f.id === excludeId || !contains(f, p)) continue
    if (!best || f.z > best.z || (f.z === best.z && f.id > best.id)) best = f
  }
  return best
}

/** Where a dropped item belongs: its frame and lane, from where its centre is. */
export function membership(
  item: Rect & { id: string },
  frames: readonly FrameRecord[],
): { parentId: string | null; laneId: string | null } {
  const c = center(item)
  const frame = frameAt(frames, c, item.id)
  return { parentId: frame?.id ?? null, laneId: frame ? (laneAt(frame, c)?.id ?? null) : null }
}

/**
 * Positions for the notes of one lane laid out in a grid, in their current reading order (top to
 * bottom, then left to right), keeping each note's size.
 */
export function tidyLane(
  frame: FrameRecord,
  laneId: string | null,
  notes: readonly (Rect & { id: string })[],
  spacing = 16,
): Map<string, Point> {
  const index = laneId ? frame.lanes.findIndex((l) => l.id === laneId) : 0
  const area = laneId && index >= 0 ? laneRect(frame, index) : laneRect({ ...frame, lanes: [] }, 0)
  const top = area.y + (frame.lanes.length ? LANE_HEADING_HEIGHT : 0) + spacing
  const ordered = [...notes].sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1))
  const cell = Math.max(1, ...ordered.map((n) => n.w)) + spacing
  const perRow = Math.max(1, Math.floor((area.w - spacing) / cell))
  const out = new Map<string, Point>()
  let y = top
  for (let i = 0; i < ordered.length; i += perRow) {
    const row = ordered.slice(i, i + perRow)
    row.forEach((n, j) => out.set(n.id, { x: area.x + spacing + j * cell, y }))
    y += Math.max(...row.map((n) => n.h)) + spacing
  }
  return out
}

/** Items sorted into reading order: top to bottom in bands, then left to right. */
export function readingOrder<T extends Rect & { id: string }>(list: readonly T[], band = 40): T[] {
  return [...list].sort(
    (a, b) =>
      Math.round(a.y / band) - Math.round(b.y / band) || a.x - b.x || (a.id < b.id ? -1 : 1),
  )
}
