/** Every registered action; the keyboard and the context menu read this list. */
import { bringToFront } from './bringToFront.ts'
import { copySelection, duplicateSelection, pasteRecords } from './clipboard.ts'
import { createNote } from './createNote.ts'
import { deleteItems } from './deleteItems.ts'
import { startEditing } from './editText.ts'
import { redo } from './redo.ts'
import { promoteActions } from '../notes/promote.ts'
import type { UserAction } from './registry.ts'
import { clearSelection, selectAll } from './selectAll.ts'
import { nudgeActions } from './nudge.ts'
import { connectorTool, frameTool, handTool, noteTool, selectTool } from './tools.ts'
import { undo } from './undo.ts'
import { resetZoom, zoomIn, zoomOut, zoomToFit } from './zoom.ts'

export const shortcutActions: readonly UserAction<void>[] = [
  createNote as UserAction<void>,
  startEditing,
  deleteItems,
  bringToFront,
  undo,
  redo,
  selectAll,
  clearSelection,
  zoomIn,
  zoomOut,
  resetZoom,
  zoomToFit,
  selectTool,
  handTool,
  noteTool,
  frameTool,
  connectorTool,
  duplicateSelection,
  copySelection,
  pasteRecords,
  ...nudgeActions,
]

export const contextMenuActions: readonly UserAction<void>[] = [
  ...shortcutActions.filter((a) => a.contextMenu),
  // "Add to notes: <section>" for the selected post-its (client/notes/promote.ts).
  ...promoteActions,
]
