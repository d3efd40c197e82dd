import type { BoardStore, StoredBoard } from './store.ts'

interface Entry {
  snapshot: Uint8Array | null
  snapshotSeq: number
  log: { seq: number; data: Uint8Array }[]
  nextSeq: number
}

/** Keeps boards in this process only: for tests and throwaway servers. */
export class MemoryStore implements BoardStore {
  private readonly boards = new Map<string, Entry>()

  async load(boardId: string): Promise<StoredBoard | null> {
    const entry = this.boards.get(boardId)
    if (!entry) return null
    const updates = entry.log.map((u) => u.data.slice())
    if (entry.snapshot) updates.unshift(entry.snapshot.slice())
    const last = entry.log.at(-1)
    return { updates, seq: last ? last.seq : entry.snapshotSeq }
  }

  async append(boardId: string, updates: readonly Uint8Array[]): Promise<number> {
    let entry = this.boards.get(boardId)
    if (!entry) {
      entry = { snapshot: null, snapshotSeq: 0, log: [], nextSeq: 1 }
      this.boards.set(boardId, entry)
    }
    // Copies, so that a caller reusing its buffers cannot change what was stored.
    for (const data of updates) entry.log.push({ seq: entry.nextSeq++, data: data.slice() })
    return entry.nextSeq - 1
  }

  async compact(boardId: string, snapshot: Uint8Array, throughSeq?: number): Promise<void> {
    const entry = this.boards.get(boardId)
    const through = throughSeq ?? (entry ? entry.nextSeq - 1 : 0)
    if (!entry) {
      this.boards.set(boardId, {
        snapshot: snapshot.slice(),
        snapshotSeq: through,
        log: [],
        nextSeq: through + 1,
      })
      return
    }
    entry.snapshot = snapshot.slice()
    entry.snapshotSeq = Math.max(entry.snapshotSeq, through)
    entry.log = entry.log.filter((u) => u.seq > through)
  }

  async list(): Promise<string[]> {
    return [...this.boards.keys()]
  }

  async delete(boardId: string): Promise<void> {
    this.boards.delete(boardId)
  }

  async close(): Promise<void> {}
}
