/**
 * True while the camera is moving (pan, zoom) and for a moment after. Layers stop listening
 * meanwhile, so Konva skips redrawing their hit regions on every frame of a pan; the hit regions
 * are drawn once when the view comes to rest.
 */
import { useEffect, useRef, useState, type RefObject } from 'react'
import type { Editor } from '../editor/editor.ts'

const IDLE_MS = 150

export function useCameraMoving(editor: Editor, idleMs = IDLE_MS): boolean {
  const [moving, setMoving] = useState(false)
  useEffect(() => watchCameraMoving(editor, setMoving, idleMs), [editor, idleMs])
  return moving
}

/** The same as a ref, for event handlers: reading it re-renders nothing. */
export function useCameraMovingRef(editor: Editor, idleMs = IDLE_MS): RefObject<boolean> {
  const moving = useRef(false)
  useEffect(
    () => watchCameraMoving(editor, (now) => (moving.current = now), idleMs),
    [editor, idleMs],
  )
  return moving
}

/** Tells `onChange` true as the camera moves and false once it has rested `idleMs`. */
function watchCameraMoving(
  editor: Editor,
  onChange: (moving: boolean) => void,
  idleMs: number,
): () => void {
  let last = editor.view.get().camera
  let timer: ReturnType<typeof setTimeout> | undefined
  const stop = editor.view.subscribe(() => {
    const camera = editor.view.get().camera
    if (camera === last) return
    last = camera
    onChange(true)
    clearTimeout(timer)
    timer = setTimeout(() => onChange(false), idleMs)
  })
  return () => {
    stop()
    clearTimeout(timer)
  }
}
