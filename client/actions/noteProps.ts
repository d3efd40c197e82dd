import { LOCAL_ORIGIN, updateItems, type ItemPatch } from '../../shared/doc/index.ts'
import type { NoteRecord } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'
import { defineAction } from './registry.ts'

export const selectedNotes = (editor: Editor): NoteRecord[] =>
  editor.selectedItems().filter((i): i is NoteRecord => i.kind === 'note')

/** Process-map fields of the selected post-its: whether the step exists, who is involved. */
export const setNoteProps = defineAction<Partial<Pick<NoteRecord, 'step' | 'involved'>>>({
  id: 'setNoteProps',
  label: 'action-note-props',
  mutates: true,
  enabled: (editor) => selectedNotes(editor).length > 0,
  perform(editor, patch) {
    const patches = new Map<string, ItemPatch>()
    for (const n of selectedNotes(editor)) patches.set(n.id, { ...patch })
    editor.patchPrivate(patches)
    updateItems(editor.doc, patches, LOCAL_ORIGIN)
  },
})
