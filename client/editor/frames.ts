/**
 * Which poster (frame) an item belongs to. An item belongs to the top-most frame that holds its
 * centre; frames themselves sit on the open canvas. Moving a frame carries its items.
 */
import type { Item } from '../../shared/schema/index.ts'
import { center, containsPoint } from '../canvas/viewport.ts'

/** The frame that should own `item` where it is now, or null. */
export function frameAt(item: Item, all: readonly Item[]): string | null {
  if (item.kind === 'frame') return null
  const c = center(item)
  let best: Item | null = null
  for (const f of all) {
    if (f.kind !== 'frame' || f.id === item.id || !containsPoint(f, c)) continue
    if (!best || f.z > best.z || (f.z === best.z && f.id > best.id)) best = f
  }
  return best?.id ?? null
}

/** parentId changes for items that moved in or out of a frame; unchanged ones are left out. */
export function membershipChanges(
  movedIds: Iterable<string>,
  all: readonly Item[],
): Map<string, string | null> {
  const byId = new Map(all.map((i) => [i.id, i]))
  const out = new Map<string, string | null>()
  for (const id of movedIds) {
    const item = byId.get(id)
    if (!item || item.kind === 'frame') continue
    const parent = frameAt(item, all)
    if (parent !== item.parentId) out.set(id, parent)
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
) {
  return all.filter(
    (i) =>
      i.kind !== 'frame' &&
      i.x >= box.x &&
      i.y >= box.y &&
      i.x + i.w <= box.x + box.w &&
      i.y + i.h <= box.y + box.h,
  )
}
