import { LOCAL_ORIGIN, updateItems, type ItemPatch } from '../../shared/doc/index.ts'
import type { NoteColor } from '../../shared/schema/index.ts'
import { defineAction } from './registry.ts'

/** Colours the selected post-its and frames. */
export const setColor = defineAction<NoteColor>({
  id: 'setColor',
  label: 'action-set-color',
  mutates: true,
  enabled: (editor) => editor.selectedItems().some((i) => i.kind === 'note' || i.kind === 'frame'),
  perform(editor, color) {
    const patches = new Map<string, ItemPatch>()
    for (const item of editor.selectedItems()) {
      if ((item.kind === 'note' || item.kind === 'frame') && item.color !== color)
        patches.set(item.id, { color })
    }
    editor.patchPrivate(patches)
    updateItems(editor.doc, patches, LOCAL_ORIGIN)
  },
})
