/**
 * The authoritative dots of a board's voting rounds, in a document of their own stored beside
 * the board (`<boardId>~votes`) and never sent to clients as it is. What the board shows is
 * derived from it (voting.ts). Operations run one at a time and are stored before they resolve,
 * so concurrent voters cannot overspend and nothing acknowledged is lost.
 */
import * as Y from 'yjs'
import type { BoardStore } from '../persistence/store.ts'

export interface LedgerDot {
  id: string
  roundId: string
  itemId: string
  voterId: string
  createdAt: number
}

const COMPACT_EVERY = 200

export const ledgerId = (boardId: string) => `${boardId}~votes`

export class VoteLedger {
  private readonly doc = new Y.Doc()
  private readonly map = this.doc.getMap<LedgerDot>('dots')
  private chain: Promise<unknown> = Promise.resolve()
  private sinceCompact = 0

  private constructor(
    private readonly store: BoardStore,
    private readonly id: string,
  ) {}

  static async load(store: BoardStore, boardId: string): Promise<VoteLedger> {
    const ledger = new VoteLedger(store, ledgerId(boardId))
    const stored = await store.load(ledger.id)
    if (stored) for (const update of stored.updates) Y.applyUpdate(ledger.doc, update)
    return ledger
  }

  dotsOf(roundId: string, voterId?: string): LedgerDot[] {
    const out: LedgerDot[] = []
    this.map.forEach((dot) => {
      if (dot.roundId === roundId && (voterId === undefined || dot.voterId === voterId))
        out.push(dot)
    })
    return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
  }

  add(dot: LedgerDot): void {
    this.map.set(dot.id, dot)
  }

  remove(id: string): void {
    this.map.delete(id)
  }

  /** Resolves once every operation started so far is stored. */
  async idle(): Promise<void> {
    await this.chain
  }

  /** Runs `fn` after every earlier operation; what it changed is stored before this resolves. */
  run<T>(fn: () => T): Promise<T> {
    const next = this.chain.then(async () => {
      const updates: Uint8Array[] = []
      const collect = (u: Uint8Array) => updates.push(u)
      this.doc.on('update', collect)
      let result: T
      try {
        result = fn()
      } finally {
        this.doc.off('update', collect)
      }
      if (updates.length > 0) {
        await this.store.append(this.id, updates)
        if ((this.sinceCompact += updates.length) >= COMPACT_EVERY) {
          await this.store.compact(this.id, Y.encodeStateAsUpdate(this.doc))
          this.sinceCompact = 0
        }
      }
      return result
    })
    this.chain = next.catch(() => {})
    return next
  }
}
