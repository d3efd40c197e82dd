/**
 * True while the camera is moving (pan, zoom) and for a moment after. Layers stop listening
 * meanwhile, so Konva skips redrawing their hit regions on every frame of a pan; the hit regions
 * are drawn once when the view comes to rest.
 */
import { useEffect, useState } from 'react'
import type { Editor } from '../editor/editor.ts'

export function useCameraMoving(editor: Editor, idleMs = 150): boolean {
  const [moving, setMoving] = useState(false)
  useEffect(() => {
    let last = editor.view.get().camera
    let timer: ReturnType<typeof setTimeout> | undefined
    const stop = editor.view.subscribe(() => {
      const camera = editor.view.get().camera
      if (camera === last) return
      last = camera
      setMoving(true)
      clearTimeout(timer)
      timer = setTimeout(() => setMoving(false), idleMs)
    })
    return () => {
      stop()
      clearTimeout(timer)
    }
  }, [editor, idleMs])
  return moving
}
