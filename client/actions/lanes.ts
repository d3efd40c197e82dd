import { LOCAL_ORIGIN, readItems, updateItems, type ItemPatch } from '../../shared/doc/index.ts'
import { tidyLane as layout } from '../../shared/geometry/index.ts'
import { newId, type FrameRecord, type Lane } from '../../shared/schema/index.ts'
import { refreshConnectorEnds } from '../editor/connectorEnds.ts'
import { membershipChanges, membershipPatch } from '../editor/frames.ts'
import { defineAction } from './registry.ts'

/** The one selected poster, for the lane and tidy actions. */
export function selectedFrame(editor: Parameters<typeof tidyLane.perform>[0]): FrameRecord | null {
  const items = editor.selectedItems()
  const only = items.length === 1 ? items[0] : undefined
  return only?.kind === 'frame' ? only : null
}

/**
 * Sets a poster's lanes (add, rename, remove, reorder), then re-files its post-its under the lane
 * each now sits in.
 */
export const setLanes = defineAction<{ frameId: string; lanes: Lane[] }>({
  id: 'setLanes',
  label: 'action-set-lanes',
  mutates: true,
  perform(editor, { frameId, lanes }) {
    updateItems(editor.doc, { [frameId]: { lanes } }, LOCAL_ORIGIN)
    const all = readItems(editor.doc)
    const byId = new Map(all.map((i) => [i.id, i]))
    const children = all.filter((i) => i.parentId === frameId).map((i) => i.id)
    const patches = new Map<string, ItemPatch>()
    for (const [id, m] of membershipChanges(children, all))
      patches.set(id, membershipPatch(byId.get(id)!, m) as ItemPatch)
    updateItems(editor.doc, patches, LOCAL_ORIGIN)
  },
})

export const newLane = (title: string): Lane => ({ id: newId(), title })

/** Lays out the post-its of one lane (or of a poster without lanes) in a grid, in reading order. */
export const tidyLane = defineAction<{ frameId: string; laneId: string | null }>({
  id: 'tidyLane',
  label: 'action-tidy-lane',
  mutates: true,
  perform(editor, { frameId, laneId }) {
    const frame = editor.items.get(frameId)
    if (frame?.kind !== 'frame') return
    const notes = editor.items
      .all()
      .filter(
        (i) =>
          i.parentId === frameId &&
          i.kind !== 'frame' &&
          (frame.lanes.length === 0 || (i.kind === 'note' && i.laneId === laneId)),
      )
    const places = layout(frame, laneId, notes)
    updateItems(
      editor.doc,
      new Map([...places].map(([id, p]) => [id, { x: p.x, y: p.y }])),
      LOCAL_ORIGIN,
    )
    refreshConnectorEnds(editor.doc, editor.connectors.attachedTo(places.keys()), LOCAL_ORIGIN)
  },
})
