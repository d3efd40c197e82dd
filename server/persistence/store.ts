/**
 * Where boards live between sessions, one concern per part:
 * - documents: a board's Yjs document, and each person's private room during private writing
 *   (`<boardId>~private~<personId>`, the id the protocol uses), as an append-only log of updates
 *   compacted now and then into one snapshot;
 * - versions: named full copies of a board;
 * - activity: who changed what, upserted by entry id;
 * - votes: the authoritative dots of voting rounds, changed one voter at a time atomically;
 * - images: the bytes of a board's pictures, named by their SHA-256 (never in the Yjs updates),
 *   so that every process on the same store serves every picture.
 * Every adapter (memory, SQLite, PostgreSQL) passes the one contract suite in tests/contract.
 * Sequence numbers are per document and assigned by the store, so several server processes can
 * append to one board and each can tell what it has not seen yet.
 */
import type { ActivityEntry, VersionInfo } from '../../shared/history/types.ts'

export interface StoredBoard {
  /** The snapshot (if any) first, then every update appended after it, in order. */
  updates: Uint8Array[]
  /** Sequence number of the last update the answer covers (0 when only a snapshot was stored). */
  seq: number
}

export interface BoardStore {
  /** The stored document, or null when nothing was ever stored under this id. */
  load(docId: string): Promise<StoredBoard | null>
  /**
   * What was stored after `seq`: the updates with a higher sequence number, or the whole
   * document (snapshot first) when a compaction has passed `seq` already. Null when unknown.
   */
  loadAfter(docId: string, seq: number): Promise<StoredBoard | null>
  /**
   * Appends updates atomically and in order; resolves with the sequence number of the last one.
   * The batch's numbers are consecutive, also when other processes append at the same time.
   */
  append(docId: string, updates: readonly Uint8Array[]): Promise<number>
  /**
   * Replaces the log up to `throughSeq` (everything stored so far when omitted) by `snapshot`,
   * which must contain at least what that part of the log held. A compaction through less than
   * the stored snapshot covers changes nothing (another process compacted further meanwhile).
   */
  compact(docId: string, snapshot: Uint8Array, throughSeq?: number): Promise<void>
  /** The ids of every stored board (private rooms not included). */
  list(): Promise<string[]>
  /** The ids of a board's stored private rooms. */
  privateRooms(boardId: string): Promise<string[]>
  /** Deletes a document; deleting a board deletes everything stored for it. */
  delete(docId: string): Promise<void>
  readonly versions: VersionStore
  readonly activity: ActivityStore
  readonly votes: VoteStore
  readonly images: ImageStore
  /** Resolves when the store answers (readiness); rejects when it does not. */
  ping(): Promise<void>
  close(): Promise<void>
}

export interface VersionStore {
  /** The board's versions, oldest first. */
  list(boardId: string): Promise<VersionInfo[]>
  /** Stores a version unless the board holds `max` already; false then. */
  add(boardId: string, info: VersionInfo, state: Uint8Array, max: number): Promise<boolean>
  /** The version's state as one Yjs update, or null when the board has no such version. */
  state(boardId: string, versionId: string): Promise<Uint8Array | null>
}

/**
 * A board's pictures, content-addressed: the same bytes put twice are stored once, and a hash
 * never changes meaning, so versions and restores that refer to one keep working.
 */
export interface ImageStore {
  /** Stores the bytes (once) and resolves with their hash (lowercase hex SHA-256). */
  put(boardId: string, bytes: Uint8Array): Promise<string>
  /** The stored bytes, or null when this board has no picture of that hash. */
  get(boardId: string, hash: string): Promise<Uint8Array | null>
}

export interface ActivityQuery {
  since?: number
  personId?: string
  frameId?: string
  limit?: number
}

export interface ActivityStore {
  /** Stores entries; one with the id of a stored entry replaces it and moves to the end. */
  put(boardId: string, entries: readonly ActivityEntry[]): Promise<void>
  /** Matching entries oldest first (by time, then by when they were put); the newest `limit`. */
  query(boardId: string, q?: ActivityQuery): Promise<ActivityEntry[]>
  /** Keeps only the newest `keep` entries. */
  trim(boardId: string, keep: number): Promise<void>
}

export interface LedgerDot {
  id: string
  roundId: string
  itemId: string
  voterId: string
  createdAt: number
}

/** What a vote decision does to the voter's dots. */
export interface DotChange<T> {
  add?: LedgerDot
  removeId?: string
  value: T
}

export interface VoteStore {
  /**
   * Runs `decide` on the voter's dots in the round and stores what it returns in one atomic
   * step: no other change of this voter's dots in this round, in any process, comes between.
   * `decide` must be synchronous and free of side effects (it may run again on a retry).
   */
  change<T>(
    boardId: string,
    roundId: string,
    voterId: string,
    decide: (mine: LedgerDot[]) => DotChange<T>,
  ): Promise<T>
  /** Every dot of a round (of one voter when given), oldest first. */
  dots(boardId: string, roundId: string, voterId?: string): Promise<LedgerDot[]>
}

/** Dots in the order they were placed, ties broken by id (the same in every adapter). */
export const byPlacement = (a: LedgerDot, b: LedgerDot) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
