import { coverRects, fitBesideCovers } from '../canvas/covers.ts'
import { boundsOf, zoomAt } from '../canvas/viewport.ts'
import type { Editor } from '../editor/editor.ts'
import { defineAction } from './registry.ts'

const STEP = 1.25

function zoomCentre(editor: Editor, factor: number) {
  const { camera, size } = editor.view.get()
  editor.setCamera(zoomAt(camera, { x: size.width / 2, y: size.height / 2 }, factor))
}

export const zoomIn = defineAction({
  id: 'zoomIn',
  label: 'action-zoom-in',
  keys: ['Mod+=', 'Mod++', '+', '='],
  mutates: false,
  perform: (editor) => zoomCentre(editor, STEP),
})

export const zoomOut = defineAction({
  id: 'zoomOut',
  label: 'action-zoom-out',
  keys: ['Mod+-', '-'],
  mutates: false,
  perform: (editor) => zoomCentre(editor, 1 / STEP),
})

export const resetZoom = defineAction({
  id: 'resetZoom',
  label: 'action-zoom-reset',
  keys: ['Shift+0', 'Mod+0'],
  mutates: false,
  perform: (editor) => zoomCentre(editor, 1 / editor.view.get().camera.scale),
})

/** Room around fitted content for the toolbar and the bars that float over the canvas. */
const CHROME_INSET = 96

/** Shows the whole board (or the selection, when there is one). */
export const zoomToFit = defineAction({
  id: 'zoomToFit',
  label: 'action-zoom-fit',
  keys: ['Shift+1'],
  mutates: false,
  contextMenu: true,
  perform(editor) {
    const selected = editor.selectedItems()
    const arrows = editor
      .selectedConnectors()
      .flatMap((c) => [c.from, c.to].map((p) => ({ x: p.x, y: p.y, w: 1, h: 1 })))
    const picked = [...selected, ...arrows]
    const bounds = boundsOf(picked.length ? picked : editor.items.all())
    const { size } = editor.view.get()
    if (bounds) editor.setCamera(fitBesideCovers(bounds, size, CHROME_INSET, 1.5, coverRects()))
    else editor.setCamera({ x: size.width / 2, y: size.height / 2, scale: 1 })
  },
})

/** Shows one poster whole (the navigator's "zoom to frame"). */
export const zoomToFrame = defineAction<string>({
  id: 'zoomToFrame',
  label: 'action-zoom-frame',
  mutates: false,
  perform(editor, frameId) {
    const frame = editor.items.get(frameId)
    if (!frame) return
    editor.setCamera(fitBesideCovers(frame, editor.view.get().size, CHROME_INSET, 4, coverRects()))
  },
})
