import { LOCAL_ORIGIN, updateItem } from '../../shared/doc/index.ts'
import { defineAction } from './registry.ts'

/** Typing in a post-it or a frame title; updateItem diffs the text so concurrent typing merges. */
export const editText = defineAction<{ id: string; field: 'text' | 'title'; value: string }>({
  id: 'editText',
  label: 'action-edit-text',
  mutates: true,
  perform(editor, { id, field, value }) {
    const item = editor.items.get(id)
    if (!item) return
    if (field === 'text' && item.kind === 'frame') return
    if (field === 'title' && item.kind !== 'frame') return
    updateItem(editor.docFor(id), id, { [field]: value }, LOCAL_ORIGIN)
  },
})

/** Opens the in-place editor on the one selected post-it or frame. */
export const startEditing = defineAction({
  id: 'startEditing',
  label: 'action-edit-text',
  keys: ['Enter'],
  mutates: true,
  contextMenu: true,
  enabled: (editor) => editor.selectedItems().length === 1,
  perform(editor) {
    const item = editor.selectedItems()[0]
    if (!item) return
    editor.view.set({ editing: { id: item.id, field: item.kind === 'frame' ? 'title' : 'text' } })
  },
})
