/**
 * Where boards live between sessions. A board is an append-only log of Yjs updates, compacted
 * now and then into one snapshot. The interface is small on purpose: a room only appends,
 * loads and compacts, so that PostgreSQL (several server processes) fits behind it unchanged.
 */
export interface StoredBoard {
  /** The snapshot (if any) first, then every update appended after it, in order. */
  updates: Uint8Array[]
  /** Sequence number of the last update the answer covers (0 when only a snapshot was stored). */
  seq: number
}

export interface BoardStore {
  /** The stored board, or null when nothing was ever stored under this id. */
  load(boardId: string): Promise<StoredBoard | null>
  /** Appends updates atomically and in order; resolves with the sequence number of the last one. */
  append(boardId: string, updates: readonly Uint8Array[]): Promise<number>
  /**
   * Replaces the log up to `throughSeq` (everything stored so far when omitted) by `snapshot`,
   * which must contain at least what that part of the log held.
   */
  compact(boardId: string, snapshot: Uint8Array, throughSeq?: number): Promise<void>
  list(): Promise<string[]>
  delete(boardId: string): Promise<void>
  close(): Promise<void>
}
