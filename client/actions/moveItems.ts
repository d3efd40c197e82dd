import {
  connectors,
  LOCAL_ORIGIN,
  readItems,
  topZ,
  updateItems,
  type ItemPatch,
  type RecordPatch,
} from '../../shared/doc/index.ts'
import { refreshConnectorEnds } from '../editor/connectorEnds.ts'
import { membershipChanges, membershipPatch } from '../editor/frames.ts'
import { defineAction } from './registry.ts'

/**
 * Moves items by an offset, then files each moved item under the frame and lane it was dropped on
 * (or none). An item that joins a frame drawn above it comes to the top so it stays visible.
 * Selected connectors move their free ends; attached ends follow their items.
 */
export const moveItems = defineAction<{ ids: Iterable<string>; dx: number; dy: number }>({
  id: 'moveItems',
  label: 'action-move',
  mutates: true,
  perform(editor, { ids, dx, dy }) {
    const patches = new Map<string, ItemPatch>()
    const freeEnds = new Map<string, RecordPatch>()
    const moved = new Set(ids)
    for (const id of moved) {
      const item = editor.items.get(id)
      if (item) patches.set(id, { x: Math.round(item.x + dx), y: Math.round(item.y + dy) })
      const c = editor.connectors.get(id)
      if (!c) continue
      const shift = (e: typeof c.from) => ({
        ...e,
        x: Math.round(e.x + dx),
        y: Math.round(e.y + dy),
      })
      // An attached end stays on its item unless that item moves too.
      const patch: RecordPatch = {}
      if (!c.from.itemId || !editor.items.get(c.from.itemId)) patch.from = shift(c.from)
      if (!c.to.itemId || !editor.items.get(c.to.itemId)) patch.to = shift(c.to)
      freeEnds.set(id, patch)
    }
    // Private post-its move in the private room; frames and lanes take them only on the reveal.
    editor.patchPrivate(patches)
    if (patches.size === 0 && freeEnds.size === 0) return
    updateItems(editor.doc, patches, LOCAL_ORIGIN)
    connectors(editor.doc).update(freeEnds, LOCAL_ORIGIN)
    // Read from the document: the items store catches up only when this transaction ends.
    const all = readItems(editor.doc)
    const byId = new Map(all.map((i) => [i.id, i]))
    const membership = membershipChanges(patches.keys(), all)
    let z = topZ(editor.doc)
    const parents = new Map<string, ItemPatch>()
    for (const [id, m] of membership) {
      const item = byId.get(id)!
      const frame = m.parentId ? byId.get(m.parentId) : undefined
      const patch = membershipPatch(item, m) as ItemPatch
      parents.set(id, frame && item.z <= frame.z ? { ...patch, z: ++z } : patch)
    }
    updateItems(editor.doc, parents, LOCAL_ORIGIN)
    refreshConnectorEnds(editor.doc, editor.connectors.attachedTo(patches.keys()), LOCAL_ORIGIN)
  },
})
