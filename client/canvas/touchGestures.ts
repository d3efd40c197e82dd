/**
 * Two fingers on the canvas pinch-zoom and pan the camera, whatever the tool: the gesture a
 * phone's user expects. A tool's gesture in flight when the second finger lands is abandoned.
 */
import { useEffect, type RefObject } from 'react'
import type { Editor } from '../editor/editor.ts'
import type { Tool } from '../tools/types.ts'
import { zoomAt, type Camera, type Point } from './viewport.ts'

interface Pinch {
  camera: Camera
  centre: Point
  distance: number
}

export function useTouchGestures(
  editor: Editor,
  containerRef: RefObject<HTMLDivElement | null>,
  activeRef: RefObject<Tool | null>,
): void {
  useEffect(() => {
    const el = containerRef.current
    if (!el) return
    const touches = new Map<number, Point>()
    let pinch: Pinch | null = null
    const local = (e: PointerEvent): Point => {
      const r = el.getBoundingClientRect()
      return { x: e.clientX - r.left, y: e.clientY - r.top }
    }
    const measure = (): { centre: Point; distance: number } => {
      const [a, b] = [...touches.values()] as [Point, Point]
      return {
        centre: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
        distance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)),
      }
    }
    const onDown = (e: PointerEvent) => {
      if (e.pointerType !== 'touch') return
      touches.set(e.pointerId, local(e))
      if (touches.size !== 2) return
      activeRef.current?.cancel()
      activeRef.current = null
      pinch = { camera: editor.view.get().camera, ...measure() }
      e.stopPropagation()
    }
    const onMove = (e: PointerEvent) => {
      if (!touches.has(e.pointerId)) return
      touches.set(e.pointerId, local(e))
      if (!pinch || touches.size < 2) return
      e.stopPropagation()
      const now = measure()
      const zoomed = zoomAt(pinch.camera, pinch.centre, now.distance / pinch.distance)
      editor.setCamera({
        ...zoomed,
        x: zoomed.x + now.centre.x - pinch.centre.x,
        y: zoomed.y + now.centre.y - pinch.centre.y,
      })
    }
    const onUp = (e: PointerEvent) => {
      if (!touches.delete(e.pointerId)) return
      if (touches.size < 2) pinch = null
    }
    el.addEventListener('pointerdown', onDown, { capture: true })
    window.addEventListener('pointermove', onMove, { capture: true })
    window.addEventListener('pointerup', onUp, { capture: true })
    window.addEventListener('pointercancel', onUp, { capture: true })
    return () => {
      el.removeEventListener('pointerdown', onDown, { capture: true })
      window.removeEventListener('pointermove', onMove, { capture: true })
      window.removeEventListener('pointerup', onUp, { capture: true })
      window.removeEventListener('pointercancel', onUp, { capture: true })
    }
  }, [editor, containerRef, activeRef])
}
