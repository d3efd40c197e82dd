/**
 * The reveal of private writing. During it each participant's new post-its live in their own
 * private room (`<boardId>~private~<personId>`), which only they can open. When a facilitator
 * ends it, every private room's post-its move to the board in one server transaction, stamped
 * with their owner as author, and the private rooms are emptied.
 */
import { addItems, items, SYSTEM_ORIGIN, topZ } from '../../shared/doc/index.ts'
import { parsePrivateRoomId } from '../../shared/facilitation/identity.ts'
import { membership, type Rect } from '../../shared/geometry/index.ts'
import type { FrameRecord, Item } from '../../shared/schema/index.ts'
import type { Logger } from '../logger.ts'
import type { BoardStore } from '../persistence/store.ts'
import type { Room } from '../sync/room.ts'
import type { RoomLease, RoomManager } from '../sync/room-manager.ts'

export async function revealPrivateNotes(
  board: Room,
  rooms: RoomManager,
  store: BoardStore,
  log: Logger,
): Promise<number> {
  const ids = new Set(
    [...(await store.privateRooms(board.boardId)), ...rooms.loadedIds].filter(
      (id) => parsePrivateRoomId(id)?.boardId === board.boardId,
    ),
  )
  const leases: RoomLease[] = [...ids].map((id) => rooms.acquire(id))
  try {
    const privates = await Promise.all(leases.map((l) => l.room))
    const moved: Item[] = []
    const taken = new Map<Room, string[]>()
    for (const priv of privates) {
      const owner = parsePrivateRoomId(priv.boardId)!.personId
      const notes = items(priv.doc)
        .all()
        .filter((i) => i.kind === 'note')
      taken.set(
        priv,
        notes.map((n) => n.id),
      )
      // The board keeps what it has: an id clash means this note was moved before.
      for (const { locked: _ignored, ...n } of notes)
        if (!items(board.doc).get(n.id)) moved.push({ ...n, authorId: owner })
    }
    // On top of what is there, in the order they were written.
    const top = topZ(board.doc)
    moved.sort((a, b) => a.createdAt - b.createdAt)
    moved.forEach((n, i) => (n.z = top + i + 1))
    const onBoard = items(board.doc).all()
    const frames = onBoard.filter((i): i is FrameRecord => i.kind === 'frame')
    // Each goes to the poster (and lane) where its author wrote it, and stays on it.
    const homes = new Map(moved.map((n) => [n.id, homeOf(n, frames)]))
    spreadOut(
      moved,
      onBoard.filter((i) => i.kind === 'note'),
      (n) => frames.find((f) => f.id === homes.get(n.id)?.parentId),
    )
    for (const n of moved) fileUnder(n, homes.get(n.id)!, frames)
    if (moved.length > 0) addItems(board.doc, moved, SYSTEM_ORIGIN)
    for (const [priv, noteIds] of taken) items(priv.doc).delete(noteIds, SYSTEM_ORIGIN)
    await Promise.all([board.flush(), ...privates.map((p) => p.flush())])
    log.info({ boardId: board.boardId, notes: moved.length }, 'private writing revealed')
    return moved.length
  } finally {
    for (const lease of leases) lease.release()
  }
}

/**
 * The poster a private post-it was written on: the one it names, if the board has it, else the
 * one under it where its author placed it (private writing over the whole board names none).
 */
export function homeOf(
  note: Item,
  frames: readonly FrameRecord[],
): { parentId: string | null; laneId: string | null } {
  const named = note.parentId ? frames.find((f) => f.id === note.parentId) : undefined
  const here = membership(note, frames)
  if (!named || here.parentId === named.id) return here
  return { parentId: named.id, laneId: note.kind === 'note' ? note.laneId : null }
}

/** Files a post-it under its home poster: the lane it lies in now, if it is still on it. */
function fileUnder(
  note: Item,
  home: { parentId: string | null; laneId: string | null },
  frames: readonly FrameRecord[],
): void {
  const now = membership(note, frames)
  const m = now.parentId === home.parentId ? now : home
  note.parentId = m.parentId
  if (note.kind === 'note') note.laneId = m.laneId
}

const GAP = 20

/**
 * People writing at once tend to put post-its in the same spot; on the reveal each moves right
 * until it no longer covers most of another, so every one can be read (and voted on). One whose
 * home poster `within` gives wraps to the next row inside it rather than leave it.
 */
export function spreadOut(
  moved: Item[],
  existing: readonly Item[],
  within: (n: Item) => Rect | undefined = () => undefined,
): void {
  const placed: Item[] = [...existing]
  const covers = (a: Item, b: Item) =>
    Math.abs(a.x - b.x) < Math.min(a.w, b.w) / 2 && Math.abs(a.y - b.y) < Math.min(a.h, b.h) / 2
  for (const n of moved) {
    const box = within(n)
    for (let tries = 0; tries < 200 && placed.some((p) => covers(n, p)); tries++) {
      n.x += n.w + GAP
      if (box && n.x + n.w > box.x + box.w && box.w >= n.w + 2 * GAP) {
        n.x = box.x + GAP
        n.y += n.h + GAP
        if (n.y + n.h > box.y + box.h) n.y = box.y + GAP * 2
      }
    }
    placed.push(n)
  }
}
