import { defineAction } from './registry.ts'

export const redo = defineAction({
  id: 'redo',
  label: 'action-redo',
  keys: ['Shift+Mod+z', 'Mod+y'],
  mutates: false,
  enabled: (editor) => !editor.readOnly && editor.session.undo.canRedo(),
  perform(editor) {
    editor.view.set({ editing: null })
    editor.session.undo.redo()
  },
})
