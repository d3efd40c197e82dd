import { defineAction } from './registry.ts'

/** Undoes this user's own last change; other people's edits are never undone. */
export const undo = defineAction({
  id: 'undo',
  label: 'action-undo',
  keys: ['Mod+z'],
  // Not a document edit of its own: the undo manager replays with its own origin.
  mutates: false,
  enabled: (editor) => !editor.readOnly && editor.session.undo.canUndo(),
  perform(editor) {
    editor.view.set({ editing: null })
    editor.session.undo.undo()
  },
})
