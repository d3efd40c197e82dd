/** Places a post-it where you click. Idle → Pointing → (create) → select tool. */
import { createNote } from '../../actions/createNote.ts'
import type { Editor } from '../../editor/editor.ts'
import { movedEnough, type CanvasPointer, type Tool } from '../types.ts'

type State = { name: 'idle' } | { name: 'pointing'; at: CanvasPointer }

export class NoteTool implements Tool {
  readonly id = 'note'
  private state: State = { name: 'idle' }

  constructor(private readonly editor: Editor) {}

  cursor() {
    return 'crosshair'
  }

  down(e: CanvasPointer) {
    this.state = { name: 'pointing', at: e }
  }

  move(e: CanvasPointer) {
    // A drag is not a placement: the user changed their mind.
    if (this.state.name === 'pointing' && movedEnough(this.state.at.screen, e.screen)) this.cancel()
  }

  up(e: CanvasPointer) {
    if (this.state.name !== 'pointing') return
    this.state = { name: 'idle' }
    this.editor.run(createNote, { at: e.board })
  }

  doubleClick() {}

  cancel() {
    this.state = { name: 'idle' }
  }
}
