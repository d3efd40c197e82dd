/**
 * Camera math. The camera is the Konva stage's position and scale:
 * screen = board * scale + (x, y).
 */
import { bounds, type Point, type Rect } from '../../shared/geometry/index.ts'

export type { Point, Rect }
export interface Camera {
  x: number
  y: number
  scale: number
}
export interface Size {
  width: number
  height: number
}

export const MIN_SCALE = 0.05
export const MAX_SCALE = 4

export const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s))

export const screenToBoard = (cam: Camera, p: Point): Point => ({
  x: (p.x - cam.x) / cam.scale,
  y: (p.y - cam.y) / cam.scale,
})

export const boardToScreen = (cam: Camera, p: Point): Point => ({
  x: p.x * cam.scale + cam.x,
  y: p.y * cam.scale + cam.y,
})

/** The part of the board on screen, grown by `margin` screen pixels on each side. */
export function visibleRect(cam: Camera, size: Size, margin = 0): Rect {
  const tl = screenToBoard(cam, { x: -margin, y: -margin })
  return {
    x: tl.x,
    y: tl.y,
    w: (size.width + 2 * margin) / cam.scale,
    h: (size.height + 2 * margin) / cam.scale,
  }
}

export const intersects = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

export const containsPoint = (r: Rect, p: Point): boolean =>
  p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h

export const center = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 })

/** Normalises a rectangle dragged from `a` to `b` in any direction. */
export const rectFromPoints = (a: Point, b: Point): Rect => ({
  x: Math.min(a.x, b.x),
  y: Math.min(a.y, b.y),
  w: Math.abs(a.x - b.x),
  h: Math.abs(a.y - b.y),
})

/** Zooms by `factor` keeping the board point under `pointer` (screen) where it is. */
export function zoomAt(cam: Camera, pointer: Point, factor: number): Camera {
  const scale = clampScale(cam.scale * factor)
  const k = scale / cam.scale
  return { scale, x: pointer.x - (pointer.x - cam.x) * k, y: pointer.y - (pointer.y - cam.y) * k }
}

/** Screen pixels kept free at each edge of the canvas (overlays docked there). */
export interface Insets {
  top: number
  right: number
  bottom: number
  left: number
}
export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 }

/**
 * The camera that shows `bounds` whole and centred, with `padding` screen pixels around, in
 * the part of the canvas that `insets` leave free (an edge gets at least its inset plus 16 px).
 */
export function fitBounds(
  bounds: Rect,
  size: Size,
  padding = 48,
  maxScale = 1.5,
  insets: Insets = NO_INSETS,
): Camera {
  const edge = (inset: number) => (inset > 0 ? Math.max(padding, inset + 16) : padding)
  const [top, right, bottom, left] = [insets.top, insets.right, insets.bottom, insets.left].map(
    edge,
  )
  const free = {
    x: left!,
    y: top!,
    w: Math.max(size.width - left! - right!, 1),
    h: Math.max(size.height - top! - bottom!, 1),
  }
  const w = Math.max(bounds.w, 1)
  const h = Math.max(bounds.h, 1)
  const scale = clampScale(Math.min(free.w / w, free.h / h, maxScale))
  return {
    scale,
    x: free.x + free.w / 2 - (bounds.x + w / 2) * scale,
    y: free.y + free.h / 2 - (bounds.y + h / 2) * scale,
  }
}

export const boundsOf = (rects: readonly Rect[]): Rect | null => bounds(rects)

/** Ids of the items whose boxes meet the view; the rest are not drawn at all. */
export function cullItems<T extends Rect & { id: string }>(
  items: readonly T[],
  view: Rect,
  always: ReadonlySet<string> = new Set(),
): string[] {
  const out: string[] = []
  for (const item of items) if (always.has(item.id) || intersects(item, view)) out.push(item.id)
  return out
}
