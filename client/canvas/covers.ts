/**
 * Overlays that lie over the canvas at one of its edges (the timer at the top, the voting column
 * at the side, sheets at a phone's bottom). Each registers its element; the insets they keep
 * covered are what fitted views (zoom to fit, following, showing a poster) leave free, and when
 * one appears over what a person sees, `makeRoom` moves the camera so nothing stays under it.
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
} from './viewport.ts'

const elements = new Set<Element>()
const listeners = new Set<() => void>()
let current: Insets = NO_INSETS
let observer: ResizeObserver | null = null

const canvasBox = (): DOMRect | undefined =>
  document.querySelector('[data-testid="board-canvas"]')?.getBoundingClientRect()

/**
 * The insets of a cover: it is docked at the edge where keeping it free costs the smallest
 * share of the canvas (a column at the side, a bar at the top).
 */
export function insetOf(r: Rect, canvas: { width: number; height: number }): Insets {
  const top = r.y + r.h
  const bottom = canvas.height - r.y
  const left = r.x + r.w
  const right = canvas.width - r.x
  const costs = [
    [top / canvas.height, 'top', top],
    [bottom / canvas.height, 'bottom', bottom],
    [left / canvas.width, 'left', left],
    [right / canvas.width, 'right', right],
  ] as const
  const [, edge, depth] = [...costs].sort((a, b) => a[0] - b[0])[0]!
  return { ...NO_INSETS, [edge]: Math.max(0, depth) }
}

function measure(): Insets {
  const c = canvasBox()
  if (!c) return NO_INSETS
  const out = { ...NO_INSETS }
  for (const el of elements) {
    const b = el.getBoundingClientRect()
    if (b.width < 1 || b.height < 1) continue
    const r = { x: b.left - c.left, y: b.top - c.top, w: b.width, h: b.height }
    // Only what actually lies over the canvas counts.
    if (r.x >= c.width || r.y >= c.height || r.x + r.w <= 0 || r.y + r.h <= 0) continue
    const i = insetOf(r, c)
    out.top = Math.max(out.top, i.top)
    out.right = Math.max(out.right, i.right)
    out.bottom = Math.max(out.bottom, i.bottom)
    out.left = Math.max(out.left, i.left)
  }
  return out
}

function update() {
  const next = measure()
  const same = EDGES.every((k) => Math.abs(next[k] - current[k]) < 1)
  if (same) return
  current = next
  for (const cb of [...listeners]) cb()
}

/** The insets the overlays keep covered now. */
export const coverInsets = (): Insets => current

export function subscribeCovers(cb: () => void): () => void {
  listeners.add(cb)
  return () => listeners.delete(cb)
}

export const useCoverInsets = (): Insets => useSyncExternalStore(subscribeCovers, coverInsets)

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
 * Keeps what this person sees out from under the covers: when a cover grows over items seen
 * whole, the camera fits them (never zooming in) into the free part; when the cover goes and the
 * camera was not moved meanwhile, it goes back.
 */
export function useMakeRoom(editor: Editor, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    let before: Insets = current
    let made: { from: Camera; to: Camera; insets: Insets } | null = null
    return subscribeCovers(() => {
      const insets = current
      const grew = EDGES.some((k) => insets[k] > before[k] + 1)
      const was = before
      before = insets
      const { camera, size } = editor.view.get()
      if (!grew) {
        // The cover that made room went: back to where this person was, unless they moved.
        if (made && EDGES.every((k) => insets[k] <= made!.insets[k] + 1)) {
          if (sameCamera(camera, made.to)) editor.setCamera(made.from)
          made = null
        }
        return
      }
      const view = visibleRect(camera, size)
      const seen = editor.items.all().filter((i) => inside(i, view))
      if (seen.length === 0) return
      const bounds = union(seen)
      const free = {
        x: view.x + insets.left / camera.scale,
        y: view.y + insets.top / camera.scale,
        w: view.w - (insets.left + insets.right) / camera.scale,
        h: view.h - (insets.top + insets.bottom) / camera.scale,
      }
      if (inside(bounds, free)) return
      const next = fitBounds(bounds, size, 16, camera.scale, insets)
      made = made ? { ...made, to: next } : { from: camera, to: next, insets: was }
      editor.setCamera(next)
    })
  }, [editor, enabled])
}

const EDGES = ['top', 'right', 'bottom', 'left'] as const

const sameCamera = (a: Camera, b: Camera) =>
  Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.scale - b.scale) < 1e-6

const inside = (a: Rect, b: Rect) =>
  a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h

function union(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x))
  const y = Math.min(...rects.map((r) => r.y))
  const r = Math.max(...rects.map((r) => r.x + r.w))
  const b = Math.max(...rects.map((r) => r.y + r.h))
  return { x, y, w: r - x, h: b - y }
}
