import { LOCAL_ORIGIN, topZ, updateItems, type ItemPatch } from '../../shared/doc/index.ts'
import { defineAction } from './registry.ts'

/** Puts the selected post-its on top of everything else (frames stay beneath). */
export const bringToFront = defineAction({
  id: 'bringToFront',
  label: 'action-bring-to-front',
  mutates: true,
  contextMenu: true,
  enabled: (editor) => editor.selectedItems().some((i) => i.kind !== 'frame'),
  perform(editor) {
    let z = topZ(editor.doc)
    const notes = editor.selectedItems().filter((i) => i.kind !== 'frame')
    notes.sort((a, b) => a.z - b.z)
    const patches = new Map<string, ItemPatch>(notes.map((i) => [i.id, { z: ++z }]))
    editor.patchPrivate(patches)
    updateItems(editor.doc, patches, LOCAL_ORIGIN)
  },
})
