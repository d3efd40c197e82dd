import type { Point } from '../canvas/viewport.ts'
import type { ToolId } from '../editor/viewState.ts'

/** A pointer event on the canvas, already in board coordinates, with what it hit. */
export interface CanvasPointer {
  board: Point
  screen: Point
  /** The item under the pointer, or null on empty canvas. */
  targetId: string | null
  /**
   * Which part of the item: a frame's title bar can be told from its body; a handle is the
   * connection handle beside a selected item (targetId is that item).
   */
  part: 'body' | 'title' | 'handle' | null
  shift: boolean
  button: number
}

/** A tool is a small state machine fed with canvas pointer events. */
export interface Tool {
  readonly id: ToolId
  cursor(): string
  down(e: CanvasPointer): void
  move(e: CanvasPointer): void
  up(e: CanvasPointer): void
  doubleClick(e: CanvasPointer): void
  /** Abandons a gesture in flight (Escape, tool change, pointer lost). */
  cancel(): void
}

/** Movement below this many screen pixels is a click, not a drag. */
export const DRAG_THRESHOLD = 4

export const movedEnough = (a: Point, b: Point) =>
  Math.hypot(a.x - b.x, a.y - b.y) >= DRAG_THRESHOLD
