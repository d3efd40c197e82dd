/** Draws a poster: Idle → Drawing (rubber band) → create. A click makes a default-sized one. */
import { createFrame } from '../../actions/createFrame.ts'
import { rectFromPoints, type Point } from '../../canvas/viewport.ts'
import type { Editor } from '../../editor/editor.ts'
import type { CanvasPointer, Tool } from '../types.ts'

type State = { name: 'idle' } | { name: 'drawing'; origin: Point }

export class FrameTool implements Tool {
  readonly id = 'frame'
  private state: State = { name: 'idle' }

  constructor(private readonly editor: Editor) {}

  cursor() {
    return 'crosshair'
  }

  down(e: CanvasPointer) {
    this.state = { name: 'drawing', origin: e.board }
  }

  move(e: CanvasPointer) {
    if (this.state.name !== 'drawing') return
    this.editor.view.set({ draft: rectFromPoints(this.state.origin, e.board) })
  }

  up(e: CanvasPointer) {
    if (this.state.name !== 'drawing') return
    const rect = rectFromPoints(this.state.origin, e.board)
    this.cancel()
    this.editor.run(createFrame, { rect })
  }

  doubleClick() {}

  cancel() {
    this.state = { name: 'idle' }
    this.editor.view.set({ draft: null })
  }
}
