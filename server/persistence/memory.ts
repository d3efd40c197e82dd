import { parsePrivateRoomId } from '../../shared/facilitation/identity.ts'
import type { ActivityEntry, VersionInfo } from '../../shared/history/types.ts'
import {
  byPlacement,
  type ActivityQuery,
  type ActivityStore,
  type BoardStore,
  type DotChange,
  type ImageStore,
  type LedgerDot,
  type StoredBoard,
  type VersionStore,
  type VoteStore,
} from './store.ts'
import { matchesActivity, newestActivity } from './activity-query.ts'
import { hashImage } from '../images/hash.ts'

interface Doc {
  snapshot: Uint8Array | null
  snapshotSeq: number
  log: { seq: number; data: Uint8Array }[]
  nextSeq: number
}

/** Keeps boards in this process only: for tests and throwaway servers. */
export class MemoryStore implements BoardStore {
  private readonly docs = new Map<string, Doc>()
  readonly versions = new MemoryVersions()
  readonly activity = new MemoryActivity()
  readonly votes = new MemoryVotes()
  readonly images = new MemoryImages()

  async load(docId: string): Promise<StoredBoard | null> {
    return this.loadAfter(docId, 0)
  }

  async loadAfter(docId: string, seq: number): Promise<StoredBoard | null> {
    const doc = this.docs.get(docId)
    if (!doc) return null
    // The snapshot is part of the answer when it holds something after `seq`.
    const withSnapshot = doc.snapshot !== null && (seq === 0 || doc.snapshotSeq > seq)
    const after = withSnapshot ? doc.log : doc.log.filter((u) => u.seq > seq)
    const updates = after.map((u) => u.data.slice())
    if (withSnapshot) updates.unshift(doc.snapshot!.slice())
    return { updates, seq: doc.log.at(-1)?.seq ?? Math.max(doc.snapshotSeq, seq) }
  }

  async append(docId: string, updates: readonly Uint8Array[]): Promise<number> {
    let doc = this.docs.get(docId)
    if (!doc) {
      doc = { snapshot: null, snapshotSeq: 0, log: [], nextSeq: 1 }
      this.docs.set(docId, doc)
    }
    // Copies, so that a caller reusing its buffers cannot change what was stored.
    for (const data of updates) doc.log.push({ seq: doc.nextSeq++, data: data.slice() })
    return doc.nextSeq - 1
  }

  async compact(docId: string, snapshot: Uint8Array, throughSeq?: number): Promise<void> {
    const doc = this.docs.get(docId)
    const through = throughSeq ?? (doc ? doc.nextSeq - 1 : 0)
    if (!doc) {
      this.docs.set(docId, {
        snapshot: snapshot.slice(),
        snapshotSeq: through,
        log: [],
        nextSeq: through + 1,
      })
      return
    }
    if (doc.snapshot && through < doc.snapshotSeq) return
    doc.snapshot = snapshot.slice()
    doc.snapshotSeq = through
    doc.log = doc.log.filter((u) => u.seq > through)
  }

  async list(): Promise<string[]> {
    return [...this.docs.keys()].filter((id) => !parsePrivateRoomId(id))
  }

  async privateRooms(boardId: string): Promise<string[]> {
    return [...this.docs.keys()].filter((id) => parsePrivateRoomId(id)?.boardId === boardId)
  }

  async delete(docId: string): Promise<void> {
    this.docs.delete(docId)
    if (parsePrivateRoomId(docId)) return
    for (const id of await this.privateRooms(docId)) this.docs.delete(id)
    this.versions.boards.delete(docId)
    this.activity.boards.delete(docId)
    this.votes.boards.delete(docId)
    this.images.boards.delete(docId)
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}

class MemoryVersions implements VersionStore {
  readonly boards = new Map<string, { info: VersionInfo; state: Uint8Array }[]>()

  async list(boardId: string): Promise<VersionInfo[]> {
    return (this.boards.get(boardId) ?? [])
      .map((v) => ({ ...v.info }))
      .sort((a, b) => a.createdAt - b.createdAt)
  }

  async add(boardId: string, info: VersionInfo, state: Uint8Array, max: number): Promise<boolean> {
    const list = this.boards.get(boardId) ?? []
    if (list.length >= max) return false
    list.push({ info: { ...info }, state: state.slice() })
    this.boards.set(boardId, list)
    return true
  }

  async state(boardId: string, versionId: string): Promise<Uint8Array | null> {
    return (
      this.boards
        .get(boardId)
        ?.find((v) => v.info.id === versionId)
        ?.state.slice() ?? null
    )
  }
}

class MemoryActivity implements ActivityStore {
  /** Per board, entries by id in the order they were put (a replaced entry moves to the end). */
  readonly boards = new Map<string, Map<string, ActivityEntry>>()

  async put(boardId: string, entries: readonly ActivityEntry[]): Promise<void> {
    let board = this.boards.get(boardId)
    if (!board) this.boards.set(boardId, (board = new Map()))
    for (const entry of entries) {
      board.delete(entry.id)
      board.set(entry.id, { ...entry })
    }
  }

  async query(boardId: string, q: ActivityQuery = {}): Promise<ActivityEntry[]> {
    const all = this.sorted(boardId).filter((e) => matchesActivity(e, q))
    return newestActivity(all, q.limit)
  }

  async trim(boardId: string, keep: number): Promise<void> {
    const board = this.boards.get(boardId)
    if (!board) return
    const kept = new Set(newestActivity(this.sorted(boardId), keep).map((e) => e.id))
    for (const id of board.keys()) if (!kept.has(id)) board.delete(id)
  }

  /** Stable: entries of the same time stay in the order they were put. */
  private sorted(boardId: string): ActivityEntry[] {
    return [...(this.boards.get(boardId)?.values() ?? [])]
      .map((e) => ({ ...e }))
      .sort((a, b) => a.at - b.at)
  }
}

class MemoryVotes implements VoteStore {
  readonly boards = new Map<string, Map<string, LedgerDot>>()

  async change<T>(
    boardId: string,
    roundId: string,
    voterId: string,
    decide: (mine: LedgerDot[]) => DotChange<T>,
  ): Promise<T> {
    // One synchronous step: nothing else runs between reading and writing.
    let board = this.boards.get(boardId)
    if (!board) this.boards.set(boardId, (board = new Map()))
    const mine = this.of(board, roundId, voterId)
    const { add, removeId, value } = decide(mine)
    if (removeId) board.delete(removeId)
    if (add) board.set(add.id, { ...add })
    return value
  }

  async dots(boardId: string, roundId: string, voterId?: string): Promise<LedgerDot[]> {
    return this.of(this.boards.get(boardId), roundId, voterId)
  }

  private of(board: Map<string, LedgerDot> | undefined, roundId: string, voterId?: string) {
    return [...(board?.values() ?? [])]
      .filter((d) => d.roundId === roundId && (voterId === undefined || d.voterId === voterId))
      .map((d) => ({ ...d }))
      .sort(byPlacement)
  }
}

class MemoryImages implements ImageStore {
  readonly boards = new Map<string, Map<string, Uint8Array>>()

  async put(boardId: string, bytes: Uint8Array): Promise<string> {
    const hash = hashImage(bytes)
    let board = this.boards.get(boardId)
    if (!board) this.boards.set(boardId, (board = new Map()))
    if (!board.has(hash)) board.set(hash, bytes.slice())
    return hash
  }

  async get(boardId: string, hash: string): Promise<Uint8Array | null> {
    return this.boards.get(boardId)?.get(hash)?.slice() ?? null
  }
}
