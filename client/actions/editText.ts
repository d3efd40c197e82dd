import { connectors, LOCAL_ORIGIN, updateItem } from '../../shared/doc/index.ts'
import type { Editor } from '../editor/editor.ts'
import type { Editing } from '../editor/viewState.ts'
import { labelTextHeight } from '../canvas/textFit.ts'
import { defineAction } from './registry.ts'

/**
 * Typing in a post-it, a label, a frame title or an arrow's label; the document diffs the text
 * so concurrent typing merges. A blank arrow label is stored empty: the arrow has no label then.
 */
export const editText = defineAction<{ id: string; field: Editing['field']; value: string }>({
  id: 'editText',
  label: 'action-edit-text',
  mutates: true,
  perform(editor, { id, field, value }) {
    if (field === 'label') {
      if (!editor.connectors.get(id)) return
      connectors(editor.doc).update([[id, { label: value.trim() ? value : '' }]], LOCAL_ORIGIN)
      return
    }
    const item = editor.items.get(id)
    if (!item) return
    if (field === 'text' && item.kind === 'frame') return
    if (field === 'title' && item.kind !== 'frame') return
    // A label grows to show all of its text (never shrinks: its size may have been chosen).
    const grown =
      item.kind === 'label' ? Math.max(item.h, labelTextHeight(value, item.w, item.fontSize)) : 0
    const patch = grown > item.h ? { [field]: value, h: grown } : { [field]: value }
    updateItem(editor.docFor(id), id, patch, LOCAL_ORIGIN)
  },
})

/** The text a record is edited by: a frame's title, an arrow's label, else its text. */
export function editableField(editor: Editor, id: string): Editing['field'] | null {
  if (editor.connectors.get(id)) return 'label'
  const item = editor.items.get(id)
  if (!item) return null
  return item.kind === 'frame' ? 'title' : 'text'
}

const onlySelected = (editor: Editor): string | null => {
  const { selection } = editor.view.get()
  return selection.size === 1 ? [...selection][0]! : null
}

/** Opens the in-place editor on the one selected post-it, label, frame or arrow. */
export const startEditing = defineAction({
  id: 'startEditing',
  label: 'action-edit-text',
  keys: ['Enter'],
  mutates: true,
  contextMenu: true,
  enabled: (editor) => {
    const id = onlySelected(editor)
    return id !== null && editableField(editor, id) !== null
  },
  perform(editor) {
    const id = onlySelected(editor)
    const field = id === null ? null : editableField(editor, id)
    if (id !== null && field) editor.view.set({ editing: { id, field } })
  },
})
