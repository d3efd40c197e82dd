/**
 * Private rooms (a person's post-its during private writing) start empty: a store in front of
 * the board store that answers "empty" rather than "unknown" for them, so the room manager can
 * load one like any board. They are written to the store only once something is in them.
 */
import { parsePrivateRoomId } from '../../shared/facilitation/identity.ts'
import type { BoardStore, StoredBoard } from '../persistence/store.ts'

export function withPrivateRooms(store: BoardStore): BoardStore {
  const empty = (id: string, seq: number): StoredBoard | null =>
    parsePrivateRoomId(id) ? { updates: [], seq } : null
  return {
    load: async (id) => (await store.load(id)) ?? empty(id, 0),
    loadAfter: async (id, seq) => (await store.loadAfter(id, seq)) ?? empty(id, seq),
    append: (id, updates) => store.append(id, updates),
    compact: (id, snapshot, throughSeq) => store.compact(id, snapshot, throughSeq),
    list: () => store.list(),
    privateRooms: (boardId) => store.privateRooms(boardId),
    delete: (id) => store.delete(id),
    versions: store.versions,
    activity: store.activity,
    votes: store.votes,
    images: store.images,
    ping: () => store.ping(),
    close: () => store.close(),
  }
}
