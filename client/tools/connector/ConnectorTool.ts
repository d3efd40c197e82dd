/**
 * Draws an arrow: Idle → Pointing (on an item or empty canvas) → Dragging (a preview follows the
 * pointer and snaps to the item under it) → create. Used as its own tool and by the select tool
 * when a connection handle of the selected item is dragged.
 */
import { createConnector } from '../../actions/createConnector.ts'
import { itemAtPoint } from '../../canvas/hitTest.ts'
import type { Editor } from '../../editor/editor.ts'
import type { ConnectorEnd } from '../../../shared/schema/index.ts'
import { movedEnough, type CanvasPointer, type Tool } from '../types.ts'

type State =
  | { name: 'idle' }
  | { name: 'pointing'; from: ConnectorEnd; start: CanvasPointer }
  | { name: 'dragging'; from: ConnectorEnd }

export class ConnectorTool implements Tool {
  readonly id = 'connector'
  private state: State = { name: 'idle' }

  constructor(private readonly editor: Editor) {}

  cursor() {
    return 'crosshair'
  }

  get active() {
    return this.state.name !== 'idle'
  }

  down(e: CanvasPointer) {
    const item = this.endItem(e)
    this.state = {
      name: 'pointing',
      start: e,
      from: item ? { itemId: item, x: e.board.x, y: e.board.y } : { itemId: null, ...e.board },
    }
  }

  move(e: CanvasPointer) {
    const s = this.state
    if (s.name === 'pointing' && movedEnough(s.start.screen, e.screen)) {
      this.state = { name: 'dragging', from: s.from }
    }
    if (this.state.name !== 'dragging') return
    const target = this.targetAt(e, this.state.from)
    this.editor.view.set({
      connectorDraft: { from: this.state.from, to: e.board, targetId: target },
    })
  }

  up(e: CanvasPointer) {
    const s = this.state
    // Escape clears the preview: the arrow is abandoned.
    const abandoned = this.editor.view.get().connectorDraft === null
    this.cancel()
    if (s.name !== 'dragging' || abandoned) return
    const target = this.targetAt(e, s.from)
    const to: ConnectorEnd = { itemId: target, x: e.board.x, y: e.board.y }
    this.editor.run(createConnector, { from: s.from, to })
    this.editor.setTool('select')
  }

  doubleClick() {}

  cancel() {
    this.state = { name: 'idle' }
    this.editor.view.set({ connectorDraft: null })
  }

  /** The item an end attaches to: post-its and posters, not other arrows. */
  private endItem(e: CanvasPointer): string | null {
    if (e.targetId && this.editor.items.get(e.targetId)) return e.targetId
    return itemAtPoint(this.editor, e.board)?.id ?? null
  }

  private targetAt(e: CanvasPointer, from: ConnectorEnd): string | null {
    const id = itemAtPoint(this.editor, e.board)?.id ?? null
    return id === from.itemId ? null : id
  }
}
