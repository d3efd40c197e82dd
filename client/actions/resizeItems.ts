import { LOCAL_ORIGIN, readItems, updateItems, type ItemPatch } from '../../shared/doc/index.ts'
import type { Rect } from '../canvas/viewport.ts'
import { refreshConnectorEnds } from '../editor/connectorEnds.ts'
import { membershipChanges, membershipPatch } from '../editor/frames.ts'
import { defineAction } from './registry.ts'

const MIN_SIDE = 40

/** Stores new boxes from the transformer (its scale already turned into width and height). */
export const resizeItems = defineAction<ReadonlyMap<string, Rect>>({
  id: 'resizeItems',
  label: 'action-resize',
  mutates: true,
  perform(editor, boxes) {
    const patches = new Map<string, ItemPatch>()
    for (const [id, r] of boxes) {
      patches.set(id, {
        x: Math.round(r.x),
        y: Math.round(r.y),
        w: Math.max(MIN_SIDE, Math.round(r.w)),
        h: Math.max(MIN_SIDE, Math.round(r.h)),
      })
    }
    editor.patchPrivate(patches)
    updateItems(editor.doc, patches, LOCAL_ORIGIN)
    const all = readItems(editor.doc)
    const byId = new Map(all.map((i) => [i.id, i]))
    const parents = new Map<string, ItemPatch>()
    for (const [id, m] of membershipChanges(patches.keys(), all)) {
      parents.set(id, membershipPatch(byId.get(id)!, m) as ItemPatch)
    }
    updateItems(editor.doc, parents, LOCAL_ORIGIN)
    refreshConnectorEnds(editor.doc, editor.connectors.attachedTo(boxes.keys()), LOCAL_ORIGIN)
  },
})
