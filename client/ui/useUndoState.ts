import { useSyncExternalStore } from 'react'
import type { Editor } from '../editor/editor.ts'

/** Whether undo and redo are possible, following the undo manager's stacks. */
export function useUndoState(editor: Editor): { canUndo: boolean; canRedo: boolean } {
  const undo = editor.session.undo
  const key = useSyncExternalStore(
    (cb) => {
      undo.on('stack-item-added', cb)
      undo.on('stack-item-popped', cb)
      undo.on('stack-cleared', cb)
      return () => {
        undo.off('stack-item-added', cb)
        undo.off('stack-item-popped', cb)
        undo.off('stack-cleared', cb)
      }
    },
    () => `${undo.canUndo()}:${undo.canRedo()}`,
  )
  return { canUndo: key.startsWith('true'), canRedo: key.endsWith('true') }
}
