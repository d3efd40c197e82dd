/**
 * The activity of each board, in the store's activity table: entries upserted by id (a coalesced
 * entry is written again), trimmed to the newest MAX_ENTRIES now and then, and when the board
 * leaves memory. Writes are batched per board.
 */
import { setImmediate as nextTurn } from 'node:timers/promises'
import { newId } from '../../shared/schema/index.ts'
import type { ActivityEntry, ActivityKind } from '../../shared/history/types.ts'
import type { Logger } from '../logger.ts'
import type { ActivityQuery, BoardStore } from '../persistence/store.ts'
import type { RecordChange } from './derive.ts'

/** A person's consecutive edits of one record within this window make one entry. */
export const COALESCE_MS = 60_000
const MAX_ENTRIES = 5000
const COMPACT_EVERY = 200
const FLUSH_MS = 200
/**
 * Entries stored per write, one write per event-loop turn: a board cleared at once makes
 * thousands, and writing them in one go would hold up every board for tens of milliseconds.
 */
const PUT_MAX = 500

export interface Actor {
  personId: string | null
  name: string
  /** Distinguishes anonymous connections for coalescing. */
  key: string
}

interface BoardLog {
  pending: Map<string, ActivityEntry>
  /** Each actor's latest entry, for coalescing. */
  last: Map<string, ActivityEntry>
  appended: number
  chain: Promise<void>
  timer: NodeJS.Timeout | null
}

export type { ActivityQuery }

export class ActivityLog {
  private readonly boards = new Map<string, BoardLog>()
  /** Boards with batches stored since their entries were last trimmed. */
  private readonly uncompacted = new Set<string>()

  constructor(
    private readonly store: BoardStore,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
    private readonly limits = { maxEntries: MAX_ENTRIES, compactEvery: COMPACT_EVERY },
  ) {}

  record(
    boardId: string,
    actor: Actor,
    change: RecordChange & { recordKind: string; frameId: string | null },
  ): void {
    const board = this.board(boardId)
    const at = this.now()
    const prev = board.last.get(actor.key)
    if (
      prev &&
      prev.recordId === change.recordId &&
      prev.collection === change.collection &&
      at - prev.at < COALESCE_MS
    ) {
      const merged: ActivityEntry = {
        ...prev,
        at,
        name: actor.name || prev.name,
        kind: mergeKinds(prev.kind, change.kind),
        frameId: change.frameId ?? prev.frameId,
        count: prev.count + 1,
      }
      board.last.set(actor.key, merged)
      board.pending.set(merged.id, merged)
    } else {
      const entry: ActivityEntry = {
        id: newId(),
        at,
        firstAt: at,
        personId: actor.personId,
        name: actor.name,
        collection: change.collection,
        recordId: change.recordId,
        recordKind: change.recordKind,
        kind: change.kind,
        frameId: change.frameId,
        count: 1,
      }
      board.last.set(actor.key, entry)
      board.pending.set(entry.id, entry)
    }
    board.timer ??= setTimeout(() => void this.flush(boardId), FLUSH_MS)
    board.timer.unref?.()
  }

  /** Entries oldest first, after everything recorded so far is stored. */
  async query(boardId: string, q: ActivityQuery = {}): Promise<ActivityEntry[]> {
    await this.flush(boardId)
    return this.store.activity.query(boardId, q)
  }

  /**
   * Stores what is pending, then trims the board's entries if anything was added since they
   * were last trimmed. Queued at once on the board's chain, so a flush of everything waits for it.
   */
  compact(boardId: string): Promise<void> {
    void this.flushBoard(boardId)
    const board = this.board(boardId)
    board.chain = board.chain.then(() =>
      this.uncompacted.has(boardId) ? this.compactNow(boardId) : undefined,
    )
    return this.settle(boardId, board)
  }

  /** Stores what is pending for one board (or every board). */
  async flush(boardId?: string): Promise<void> {
    const ids = boardId ? [boardId] : [...this.boards.keys()]
    await Promise.all(ids.map((id) => this.flushBoard(id)))
  }

  private flushBoard(boardId: string): Promise<void> {
    const board = this.boards.get(boardId)
    if (!board) return Promise.resolve()
    if (board.timer) clearTimeout(board.timer)
    board.timer = null
    const pending = [...board.pending.values()]
    board.pending.clear()
    for (let from = 0; from < pending.length; from += PUT_MAX) {
      const batch = pending.slice(from, from + PUT_MAX)
      board.chain = board.chain.then(async () => {
        if (from > 0) await nextTurn()
        try {
          await this.store.activity.put(boardId, batch)
          this.uncompacted.add(boardId)
          board.appended++
          if (board.appended >= this.limits.compactEvery) await this.compactNow(boardId)
        } catch (err) {
          // Activity is a convenience: losing a batch must never affect the board.
          this.log.error({ err, boardId }, 'storing activity failed')
        }
      })
    }
    return this.settle(boardId, board)
  }

  /** The board's chain as it is now; once it is done and nothing was queued after, forget. */
  private settle(boardId: string, board: BoardLog): Promise<void> {
    const done = board.chain
    void done.then(() => {
      if (board.chain === done) this.forget(boardId, board)
    })
    return done
  }

  /** Keeps the newest entries. Runs on the board's chain. */
  private async compactNow(boardId: string): Promise<void> {
    try {
      await this.store.activity.trim(boardId, this.limits.maxEntries)
      this.uncompacted.delete(boardId)
      const board = this.boards.get(boardId)
      if (board) board.appended = 0
    } catch (err) {
      this.log.error({ err, boardId }, 'trimming activity failed')
    }
  }

  /** Drops a board's memory once nothing is pending and no entry could still coalesce. */
  private forget(boardId: string, board: BoardLog): void {
    const now = this.now()
    for (const [key, e] of board.last) if (now - e.at >= COALESCE_MS) board.last.delete(key)
    if (board.pending.size === 0 && board.last.size === 0 && this.boards.get(boardId) === board)
      this.boards.delete(boardId)
  }

  private board(boardId: string): BoardLog {
    let board = this.boards.get(boardId)
    if (!board) {
      board = {
        pending: new Map(),
        last: new Map(),
        appended: 0,
        chain: Promise.resolve(),
        timer: null,
      }
      this.boards.set(boardId, board)
    }
    return board
  }
}

/** Added then edited is still an addition; anything then deleted is a deletion. */
export function mergeKinds(prev: ActivityKind, next: ActivityKind): ActivityKind {
  if (next === 'deleted') return 'deleted'
  if (prev === 'added') return 'added'
  // Deleted and back again (an undo) falls through: the record is changed at most.
  if (prev === next) return prev
  return 'changed'
}
