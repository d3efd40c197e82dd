import { deleteItems as removeItems, LOCAL_ORIGIN } from '../../shared/doc/index.ts'
import { defineAction, hasSelection } from './registry.ts'

/** Deletes the selection; a deleted frame takes its post-its with it. */
export const deleteItems = defineAction({
  id: 'deleteItems',
  label: 'action-delete',
  keys: ['Delete', 'Backspace'],
  mutates: true,
  contextMenu: true,
  enabled: hasSelection,
  perform(editor) {
    removeItems(editor.doc, editor.view.get().selection, LOCAL_ORIGIN)
    editor.select([])
  },
})
