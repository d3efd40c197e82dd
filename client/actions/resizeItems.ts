import { LOCAL_ORIGIN, readItems, updateItems, type ItemPatch } from '../../shared/doc/index.ts'
import type { Rect } from '../canvas/viewport.ts'
import { membershipChanges } from '../editor/frames.ts'
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
    updateItems(editor.doc, patches, LOCAL_ORIGIN)
    const parents = membershipChanges(boxes.keys(), readItems(editor.doc))
    updateItems(
      editor.doc,
      new Map([...parents].map(([id, parentId]) => [id, { parentId }])),
      LOCAL_ORIGIN,
    )
  },
})
