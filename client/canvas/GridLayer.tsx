/** Background dots (listening={false}): orientation while panning, never hit-tested. */
import { Layer, Shape } from 'react-konva'
import type Konva from 'konva'
import type { Editor } from '../editor/editor.ts'
import { useStore } from '../lib/store.ts'
import { visibleRect } from './viewport.ts'

const SPACING = 40

export function GridLayer({ editor }: { editor: Editor }) {
  const view = useStore(editor.view, (s) => visibleRect(s.camera, s.size))
  const scale = useStore(editor.view, (s) => s.camera.scale)
  // Coarser dots when zoomed out, so they stay a texture rather than a grey wash.
  let step = SPACING
  while (step * scale < 18) step *= 4
  const draw = (ctx: Konva.Context) => {
    const r = 1.4 / scale
    ctx.fillStyle = '#c9ced6'
    const x0 = Math.floor(view.x / step) * step
    const y0 = Math.floor(view.y / step) * step
    ctx.beginPath()
    for (let x = x0; x <= view.x + view.w; x += step) {
      for (let y = y0; y <= view.y + view.h; y += step) {
        ctx.moveTo(x + r, y)
        ctx.arc(x, y, r, 0, Math.PI * 2)
      }
    }
    ctx.fill()
  }
  return (
    <Layer listening={false}>
      <Shape sceneFunc={draw} perfectDrawEnabled={false} />
    </Layer>
  )
}
