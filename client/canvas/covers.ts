/**
 * Overlays that lie over the canvas (the timer, the voting column, sheets at a phone's bottom).
 * Each registers its element; fitted views (zoom to fit, following, showing a poster) keep
 * clear of them, and when one appears over what a person sees, `useMakeRoom` moves the camera
 * so that nothing stays under it.
 */
import { useEffect, useState, useSyncExternalStore } from 'react'
import type { Editor } from '../editor/editor.ts'
import {
  NO_INSETS,
  fitBounds,
  visibleRect,
  type Camera,
  type Insets,
  type Rect,
  type Size,
} from './viewport.ts'

const elements = new Set<Element>()
const listeners = new Set<() => void>()
/** The covers' boxes in canvas pixels. */
let current: readonly Rect[] = []
let observer: ResizeObserver | null = null

const canvasBox = (): DOMRect | undefined =>
  document.querySelector('[data-testid="board-canvas"]')?.getBoundingClientRect()

const EDGES = ['top', 'right', 'bottom', 'left'] as const

/** The inset that keeps a cover free if it is taken as docked at `edge`. */
const insetAt = (r: Rect, size: Size, edge: (typeof EDGES)[number]): number =>
  Math.max(
    0,
    edge === 'top'
      ? r.y + r.h
      : edge === 'bottom'
        ? size.height - r.y
        : edge === 'left'
          ? r.x + r.w
          : size.width - r.x,
  )

/**
 * The camera that shows `bounds` whole with none of `covers` over it: each cover is kept free
 * at whichever edge of the canvas (above, below, beside) leaves `bounds` the largest.
 */
export function fitBesideCovers(
  bounds: Rect,
  size: Size,
  padding: number,
  maxScale: number,
  covers: readonly Rect[],
): Camera {
  let best = fitBounds(bounds, size, padding, maxScale)
  if (covers.length === 0) return best
  let bestScale = -1
  const combos = 4 ** covers.length
  for (let n = 0; n < combos; n++) {
    const insets: Insets = { ...NO_INSETS }
    let code = n
    for (const r of covers) {
      const edge = EDGES[code % 4]!
      code = Math.floor(code / 4)
      insets[edge] = Math.max(insets[edge], insetAt(r, size, edge))
    }
    const camera = fitBounds(bounds, size, padding, maxScale, insets)
    if (camera.scale > bestScale + 1e-9) {
      best = camera
      bestScale = camera.scale
    }
  }
  return best
}

function measure(): Rect[] {
  const c = canvasBox()
  if (!c) return []
  const out: Rect[] = []
  for (const el of elements) {
    const b = el.getBoundingClientRect()
    if (b.width < 1 || b.height < 1) continue
    const r = { x: b.left - c.left, y: b.top - c.top, w: b.width, h: b.height }
    // Only what actually lies over the canvas counts.
    if (r.x >= c.width || r.y >= c.height || r.x + r.w <= 0 || r.y + r.h <= 0) continue
    out.push(r)
  }
  return out
}

const sameRects = (a: readonly Rect[], b: readonly Rect[]) =>
  a.length === b.length &&
  a.every(
    (r, i) =>
      Math.abs(r.x - b[i]!.x) < 1 &&
      Math.abs(r.y - b[i]!.y) < 1 &&
      Math.abs(r.w - b[i]!.w) < 1 &&
      Math.abs(r.h - b[i]!.h) < 1,
  )

function update() {
  const next = measure()
  if (sameRects(next, current)) return
  current = next
  for (const cb of [...listeners]) cb()
}

/** The overlays' boxes over the canvas now, in canvas pixels. */
export const coverRects = (): readonly Rect[] => current

export function subscribeCovers(cb: () => void): () => void {
  listeners.add(cb)
  return () => listeners.delete(cb)
}

export const useCoverRects = (): readonly Rect[] =>
  useSyncExternalStore(subscribeCovers, coverRects)

/** A ref for an overlay's element: registered as a cover while it is in the page. */
export function useCover(): (el: Element | null) => void {
  const [el, setEl] = useState<Element | null>(null)
  useEffect(() => {
    if (!el) return
    observer ??= new ResizeObserver(update)
    elements.add(el)
    observer.observe(el)
    update()
    return () => {
      elements.delete(el)
      observer?.unobserve(el)
      update()
    }
  }, [el])
  return setEl
}

/**
 * Keeps what this person sees out from under the covers: when a cover comes over items seen
 * whole, the camera fits them (never zooming in) beside it; when the cover goes and the camera
 * was not moved meanwhile, it goes back.
 */
export function useMakeRoom(editor: Editor, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    let made: { from: Camera; to: Camera; count: number } | null = null
    let area = total(current)
    return subscribeCovers(() => {
      const covers = current
      // Only a cover that comes or grows moves the camera (not a timer's digits changing).
      const grew = total(covers) > area * 1.05 + 1
      area = total(covers)
      const { camera, size } = editor.view.get()
      if (made && covers.length < made.count) {
        // The cover that made room went: back to where this person was, unless they moved.
        if (sameCamera(camera, made.to)) editor.setCamera(made.from)
        made = null
        return
      }
      if (!grew) return
      const view = visibleRect(camera, size)
      const seen = editor.items.all().filter((i) => inside(i, view))
      const onScreen = (i: Rect) => ({
        x: i.x * camera.scale + camera.x,
        y: i.y * camera.scale + camera.y,
        w: i.w * camera.scale,
        h: i.h * camera.scale,
      })
      if (!seen.some((i) => covers.some((c) => overlaps(onScreen(i), c)))) return
      const next = fitBesideCovers(union(seen), size, 16, camera.scale, covers)
      made = { from: made?.from ?? camera, to: next, count: made?.count ?? covers.length }
      editor.setCamera(next)
    })
  }, [editor, enabled])
}

const total = (rects: readonly Rect[]) => rects.reduce((sum, r) => sum + r.w * r.h, 0)

const sameCamera = (a: Camera, b: Camera) =>
  Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.scale - b.scale) < 1e-6

const inside = (a: Rect, b: Rect) =>
  a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

function union(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x))
  const y = Math.min(...rects.map((r) => r.y))
  const r = Math.max(...rects.map((r) => r.x + r.w))
  const b = Math.max(...rects.map((r) => r.y + r.h))
  return { x, y, w: r - x, h: b - y }
}
