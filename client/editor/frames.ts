/**
 * Which poster (frame) and lane an item belongs to. The rule itself (the top-most frame holding
 * the item's centre, the lane under it) is shared/geometry's `membership`; this module applies it
 * to the items a gesture touched.
 */
import { containsRect, membership } from '../../shared/geometry/index.ts'
import type { FrameRecord, Item } from '../../shared/schema/index.ts'

export interface Membership {
  parentId: string | null
  laneId: string | null
}

const framesOf = (all: readonly Item[]) => all.filter((i): i is FrameRecord => i.kind === 'frame')

/** Where `item` belongs where it is now (frames sit on the open canvas). */
export function membershipOf(item: Item, all: readonly Item[]): Membership {
  if (item.kind === 'frame') return { parentId: null, laneId: null }
  return membership(item, framesOf(all))
}

/** Frame and lane changes for items that moved; unchanged ones are left out. */
export function membershipChanges(
  movedIds: Iterable<string>,
  all: readonly Item[],
): Map<string, Membership> {
  const byId = new Map(all.map((i) => [i.id, i]))
  const frames = framesOf(all)
  const out = new Map<string, Membership>()
  for (const id of movedIds) {
    const item = byId.get(id)
    if (!item || item.kind === 'frame') continue
    const next = membership(item, frames)
    const laneId = item.kind === 'note' ? item.laneId : null
    if (next.parentId !== item.parentId || next.laneId !== laneId) out.set(id, next)
  }
  return out
}

/** The ids to move when `ids` are dragged: selected items plus everything on selected frames. */
export function withChildren(ids: Iterable<string>, all: readonly Item[]): Set<string> {
  const out = new Set(ids)
  const frames = new Set(
    [...out].filter((id) => all.some((i) => i.id === id && i.kind === 'frame')),
  )
  if (frames.size === 0) return out
  for (const item of all) if (item.parentId && frames.has(item.parentId)) out.add(item.id)
  return out
}

/** Items lying wholly inside a new frame's box: it adopts them. */
export function itemsInside(
  box: { x: number; y: number; w: number; h: number },
  all: readonly Item[],
): Item[] {
  return all.filter((i) => i.kind !== 'frame' && containsRect(box, i))
}

/** The patch that files an item under a membership: notes carry a lane, other items do not. */
export function membershipPatch(item: Item, m: Membership): Record<string, unknown> {
  return item.kind === 'note'
    ? { parentId: m.parentId, laneId: m.laneId }
    : { parentId: m.parentId }
}
