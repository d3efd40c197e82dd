/**
 * Selects, moves and opens items.
 *   Idle → PointingItem → DraggingItems → (moveItems) → Idle
 *   Idle → PointingCanvas → Marquee → Idle
 *   Idle → (connection handle) → ConnectorTool's drawing → Idle
 * Double-click edits an item's text or an arrow's label, or creates a post-it on empty canvas.
 */
import { createNote } from '../../actions/createNote.ts'
import { moveItems } from '../../actions/moveItems.ts'
import { containsRect } from '../../../shared/geometry/index.ts'
import { containsPoint, rectFromPoints, type Point, type Rect } from '../../canvas/viewport.ts'
import type { Editor } from '../../editor/editor.ts'
import { withChildren } from '../../editor/frames.ts'
import { ConnectorTool } from '../connector/ConnectorTool.ts'
import { movedEnough, type CanvasPointer, type Tool } from '../types.ts'

type State =
  | { name: 'idle' }
  | { name: 'pointingItem'; start: CanvasPointer; ids: ReadonlySet<string> }
  | { name: 'draggingItems'; start: CanvasPointer; ids: ReadonlySet<string> }
  | { name: 'pointingCanvas'; start: CanvasPointer; base: ReadonlySet<string> }
  | { name: 'marquee'; origin: Point; base: ReadonlySet<string> }
  | { name: 'connecting' }

export class SelectTool implements Tool {
  readonly id = 'select'
  private state: State = { name: 'idle' }
  private readonly connect: ConnectorTool

  constructor(private readonly editor: Editor) {
    this.connect = new ConnectorTool(editor)
  }

  cursor() {
    return this.state.name === 'draggingItems' ? 'grabbing' : 'default'
  }

  down(e: CanvasPointer) {
    const ed = this.editor
    ed.view.set({ editing: null, contextMenu: null })
    if (e.part === 'handle' && !ed.readOnly) {
      this.state = { name: 'connecting' }
      this.connect.down(e)
      return
    }
    const selection = ed.view.get().selection
    if (!e.targetId) {
      if (!e.shift) ed.select([])
      this.state = { name: 'pointingCanvas', start: e, base: e.shift ? selection : new Set() }
      return
    }
    const id = e.targetId
    if (e.shift) {
      const next = new Set(selection)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      ed.select(next)
      if (!next.has(id)) return
    } else if (!selection.has(id)) {
      ed.select([id])
    }
    const ids = withChildren(ed.view.get().selection, ed.items.all())
    this.state = { name: 'pointingItem', start: e, ids }
  }

  move(e: CanvasPointer) {
    // A pointer without a place (some touch events) moves nothing.
    if (!Number.isFinite(e.board.x) || !Number.isFinite(e.board.y)) return
    const ed = this.editor
    const s = this.state
    if (s.name === 'connecting') {
      this.connect.move(e)
      return
    }
    if (s.name === 'pointingItem' && movedEnough(s.start.screen, e.screen) && !ed.readOnly) {
      this.state = { name: 'draggingItems', start: s.start, ids: s.ids }
    } else if (s.name === 'pointingCanvas' && movedEnough(s.start.screen, e.screen)) {
      this.state = { name: 'marquee', origin: s.start.board, base: s.base }
    }
    const now = this.state
    if (now.name === 'draggingItems') {
      const dx = e.board.x - now.start.board.x
      const dy = e.board.y - now.start.board.y
      ed.view.set({ drag: { ids: now.ids, dx, dy } })
    } else if (now.name === 'marquee') {
      const rect = rectFromPoints(now.origin, e.board)
      ed.view.set({ marquee: rect })
      ed.select([...now.base, ...this.itemsInMarquee(rect)])
    }
  }

  up(e: CanvasPointer) {
    if (!Number.isFinite(e.board.x) || !Number.isFinite(e.board.y)) return this.cancel()
    const ed = this.editor
    const s = this.state
    this.state = { name: 'idle' }
    if (s.name === 'connecting') {
      this.connect.up(e)
    } else if (s.name === 'draggingItems') {
      ed.view.set({ drag: null })
      const dx = e.board.x - s.start.board.x
      const dy = e.board.y - s.start.board.y
      ed.run(moveItems, { ids: s.ids, dx, dy })
    } else if (s.name === 'pointingItem' && !s.start.shift && s.start.targetId) {
      // A click (no drag) on one of several selected items narrows the selection to it.
      if (ed.view.get().selection.size > 1) ed.select([s.start.targetId])
    } else if (s.name === 'marquee') {
      ed.view.set({ marquee: null })
    }
  }

  doubleClick(e: CanvasPointer) {
    const ed = this.editor
    if (ed.readOnly) return
    if (!e.targetId) {
      ed.run(createNote, { at: e.board })
      return
    }
    if (ed.connectors.get(e.targetId)) {
      // An arrow's label, added if it has none.
      ed.select([e.targetId])
      ed.view.set({ editing: { id: e.targetId, field: 'label' } })
      return
    }
    const item = ed.items.get(e.targetId)
    if (!item) return
    ed.select([item.id])
    if (item.kind === 'frame') {
      if (e.part === 'title') ed.view.set({ editing: { id: item.id, field: 'title' } })
      else ed.run(createNote, { at: e.board })
    } else {
      ed.view.set({ editing: { id: item.id, field: 'text' } })
    }
  }

  cancel() {
    if (this.state.name === 'connecting') this.connect.cancel()
    this.state = { name: 'idle' }
    this.editor.view.set({ drag: null, marquee: null })
  }

  /** Post-its the marquee touches; frames and arrows only when it encloses them whole. */
  private itemsInMarquee(rect: Rect): string[] {
    const { items, connectors } = this.editor
    const out: string[] = []
    for (const id of items.index.query(rect)) {
      const i = items.get(id)
      if (i && (i.kind !== 'frame' || containsRect(rect, i))) out.push(id)
    }
    for (const c of connectors.all()) {
      if (containsPoint(rect, c.from) && containsPoint(rect, c.to)) out.push(c.id)
    }
    return out
  }
}
