import {
  LOCAL_ORIGIN,
  readItems,
  topZ,
  updateItems,
  type ItemPatch,
} from '../../shared/doc/index.ts'
import { membershipChanges } from '../editor/frames.ts'
import { defineAction } from './registry.ts'

/**
 * Moves items by an offset, then files each moved item under the frame it was dropped on (or
 * none). An item that joins a frame drawn above it comes to the top so it stays visible.
 */
export const moveItems = defineAction<{ ids: Iterable<string>; dx: number; dy: number }>({
  id: 'moveItems',
  label: 'action-move',
  mutates: true,
  perform(editor, { ids, dx, dy }) {
    const patches = new Map<string, ItemPatch>()
    for (const id of ids) {
      const item = editor.items.get(id)
      if (item) patches.set(id, { x: Math.round(item.x + dx), y: Math.round(item.y + dy) })
    }
    if (patches.size === 0) return
    updateItems(editor.doc, patches, LOCAL_ORIGIN)
    // Read from the document: the items store catches up only when this transaction ends.
    const all = readItems(editor.doc)
    const byId = new Map(all.map((i) => [i.id, i]))
    const membership = membershipChanges(patches.keys(), all)
    let z = topZ(editor.doc)
    const parents = new Map<string, ItemPatch>()
    for (const [id, parentId] of membership) {
      const item = byId.get(id)!
      const frame = parentId ? byId.get(parentId) : undefined
      parents.set(id, frame && item.z <= frame.z ? { parentId, z: ++z } : { parentId })
    }
    updateItems(editor.doc, parents, LOCAL_ORIGIN)
  },
})
