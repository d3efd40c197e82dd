import {
  connectors,
  deleteItems as removeItems,
  items,
  LOCAL_ORIGIN,
} from '../../shared/doc/index.ts'
import { withChildren } from '../editor/frames.ts'
import { defineAction, hasSelection } from './registry.ts'

/**
 * Deletes the selection; a deleted frame takes its post-its with it. Connectors: selected ones go;
 * one whose both ends were on deleted items goes with them; one with a single end on a deleted
 * item keeps that end as a free point where it was (shared deleteItems).
 */
export const deleteItems = defineAction({
  id: 'deleteItems',
  label: 'action-delete',
  keys: ['Delete', 'Backspace'],
  mutates: true,
  contextMenu: true,
  enabled: hasSelection,
  perform(editor) {
    const selection = editor.view.get().selection
    const doomed = withChildren(
      [...selection].filter((id) => editor.items.get(id)),
      editor.items.all(),
    )
    const arrows = new Set([...selection].filter((id) => editor.connectors.get(id)))
    for (const id of editor.connectors.attachedTo(doomed)) {
      const c = editor.connectors.get(id)!
      if (c.from.itemId && c.to.itemId && doomed.has(c.from.itemId) && doomed.has(c.to.itemId))
        arrows.add(id)
    }
    const mine = [...doomed].filter((id) => editor.items.isPrivate(id))
    if (mine.length > 0 && editor.privateDoc) {
      items(editor.privateDoc).delete(mine, LOCAL_ORIGIN)
      for (const id of mine) doomed.delete(id)
    }
    connectors(editor.doc).delete(arrows, LOCAL_ORIGIN)
    removeItems(editor.doc, doomed, LOCAL_ORIGIN)
    editor.select([])
  },
})
