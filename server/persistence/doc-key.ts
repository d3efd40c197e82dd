/**
 * Which table family holds a document: a board's own log, or one person's private room, whose
 * protocol id `<boardId>~private~<personId>` the relational adapters store as two columns.
 */
import { parsePrivateRoomId } from '../../shared/facilitation/identity.ts'

export interface DocTables {
  /** One row per document: its key and the last sequence number handed out. */
  head: string
  updates: string
  snapshots: string
  /** Key columns, in order. */
  keys: readonly string[]
}

export const BOARD_TABLES: DocTables = {
  head: 'boards',
  updates: 'board_updates',
  snapshots: 'board_snapshots',
  keys: ['board_id'],
}

export const PRIVATE_TABLES: DocTables = {
  head: 'private_rooms',
  updates: 'private_room_updates',
  snapshots: 'private_room_snapshots',
  keys: ['board_id', 'person_id'],
}

export function docKey(docId: string): { tables: DocTables; values: string[] } {
  const priv = parsePrivateRoomId(docId)
  return priv
    ? { tables: PRIVATE_TABLES, values: [priv.boardId, priv.personId] }
    : { tables: BOARD_TABLES, values: [docId] }
}
