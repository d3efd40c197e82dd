/** Pans the canvas. Idle → Panning → Idle. Also used for space+drag and the middle button. */
import type { Camera, Point } from '../../canvas/viewport.ts'
import type { Editor } from '../../editor/editor.ts'
import type { CanvasPointer, Tool } from '../types.ts'

type State = { name: 'idle' } | { name: 'panning'; start: Point; camera: Camera }

export class HandTool implements Tool {
  readonly id = 'hand'
  private state: State = { name: 'idle' }

  constructor(private readonly editor: Editor) {}

  cursor() {
    return this.state.name === 'panning' ? 'grabbing' : 'grab'
  }

  down(e: CanvasPointer) {
    this.state = { name: 'panning', start: e.screen, camera: this.editor.view.get().camera }
    this.editor.view.set({ panning: true })
  }

  move(e: CanvasPointer) {
    if (this.state.name !== 'panning') return
    const { start, camera } = this.state
    this.editor.setCamera({
      ...camera,
      x: camera.x + e.screen.x - start.x,
      y: camera.y + e.screen.y - start.y,
    })
  }

  up() {
    this.cancel()
  }

  doubleClick() {}

  cancel() {
    this.state = { name: 'idle' }
    this.editor.view.set({ panning: false })
  }

  get active() {
    return this.state.name === 'panning'
  }
}
