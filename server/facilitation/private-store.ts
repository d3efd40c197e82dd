/**
 * Private rooms (a person's post-its during private writing) start empty: a store in front of
 * the board store that answers "empty" rather than "unknown" for them, so the room manager can
 * load one like any board. They are written to the store only once something is in them.
 */
import { parsePrivateRoomId } from '../../shared/facilitation/identity.ts'
import type { BoardStore, StoredBoard } from '../persistence/store.ts'

export function withPrivateRooms(store: BoardStore): BoardStore {
  return {
    load: async (id): Promise<StoredBoard | null> =>
      (await store.load(id)) ?? (parsePrivateRoomId(id) ? { updates: [], seq: 0 } : null),
    append: (id, updates) => store.append(id, updates),
    compact: (id, snapshot, throughSeq) => store.compact(id, snapshot, throughSeq),
    list: () => store.list(),
    delete: (id) => store.delete(id),
    close: () => store.close(),
  }
}
