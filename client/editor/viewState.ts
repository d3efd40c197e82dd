/** View state of this client (scope: session): camera, tool, selection and gestures in flight. */
import type { ConnectorEnd } from '../../shared/schema/index.ts'
import type { Camera, Point, Rect, Size } from '../canvas/viewport.ts'

export type ToolId = 'select' | 'hand' | 'note' | 'frame' | 'connector'

/** The text being edited in place: a post-it's or label's text, a frame's title, an arrow's label. */
export interface Editing {
  id: string
  field: 'text' | 'title' | 'label'
}

export interface ViewState {
  camera: Camera
  size: Size
  tool: ToolId
  selection: ReadonlySet<string>
  editing: Editing | null
  /** Marquee rectangle of a selection drag, in board coordinates. */
  marquee: Rect | null
  /** Items being dragged and by how much; drawn moved, written to the document on drop. */
  drag: { ids: ReadonlySet<string>; dx: number; dy: number } | null
  /** A frame being drawn with the frame tool. */
  draft: Rect | null
  /** A connector being drawn: from a fixed end to the pointer (or the item under it). */
  connectorDraft: { from: ConnectorEnd; to: Point; targetId: string | null } | null
  /** Tag whose post-its stand out (the others fade), or null. */
  highlightTag: string | null
  panning: boolean
  spaceHeld: boolean
  contextMenu: Point | null
  /** Last pointer position on the board, for keyboard-created notes. */
  pointer: Point | null
  /** Presenter's large text: poster titles and lane headings read from the back of a room. */
  largeText: boolean
  /** Whether other people's cursors are drawn (a projector hides them unless asked). */
  showCursors: boolean
  /** A message about this person's last action (a paste too large to send), until closed. */
  notice: string | null
}

export const initialViewState = (): ViewState => ({
  camera: { x: 0, y: 0, scale: 1 },
  size: { width: 1, height: 1 },
  tool: 'select',
  selection: new Set(),
  editing: null,
  marquee: null,
  drag: null,
  draft: null,
  connectorDraft: null,
  highlightTag: null,
  panning: false,
  spaceHeld: false,
  contextMenu: null,
  pointer: null,
  largeText: false,
  showCursors: true,
  notice: null,
})
