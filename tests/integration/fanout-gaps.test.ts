/**
 * What a room does when the fan-out between processes loses messages (a trimmed stream, a
 * reconnect, a process that died between storing and publishing): it notices the gap in the
 * sequence numbers and reads what it lacks from the store. Two servers in this process share
 * one store, linked by a bus that drops messages on purpose.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryStore } from '../../server/persistence/memory.ts'
import type { BusMember, RoomBus } from '../../server/sync/bus.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/** Half of a pair: what one server publishes reaches the other's rooms, unless dropped. */
class LinkedBus implements RoomBus {
  peer: LinkedBus | null = null
  readonly members = new Map<string, Set<BusMember>>()
  published = 0
  dropped = 0
  drop: (n: number) => boolean = () => false

  async position(): Promise<string> {
    return '0-0'
  }

  join(member: BusMember): () => void {
    let set = this.members.get(member.boardId)
    if (!set) this.members.set(member.boardId, (set = new Set()))
    set.add(member)
    return () => set.delete(member)
  }

  publishUpdate(boardId: string, update: Uint8Array, firstSeq: number, lastSeq: number): void {
    if (this.drop(++this.published)) {
      this.dropped++
      return
    }
    setImmediate(() =>
      this.peer?.members.get(boardId)?.forEach((m) => m.receiveUpdate(update, firstSeq, lastSeq)),
    )
  }

  publishAwareness(boardId: string, update: Uint8Array): void {
    setImmediate(() => this.peer?.members.get(boardId)?.forEach((m) => m.receiveAwareness(update)))
  }

  async close(): Promise<void> {}
}

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

describe('a fan-out that loses messages', () => {
  it('leaves no room behind: each reads the gaps from the store', async () => {
    const store = new MemoryStore()
    const [busA, busB] = [new LinkedBus(), new LinkedBus()]
    busA.peer = busB
    busB.peer = busA
    const serverSecret = 'a-secret-both-servers-share'
    const start = async (bus: LinkedBus): Promise<TestServer> => {
      const s = await startTestServer({ store, bus, serverSecret })
      cleanup.push(() => s.stop())
      return s
    }
    const [a, b] = [await start(busA), await start(busB)]
    const board = await a.createBoard()
    const connect = (s: TestServer): TestClient => {
      const c = connectClient(s.url, board.id, board.tokens.participant)
      cleanup.push(() => c.destroy())
      return c
    }
    const [onA, onB] = [connect(a), connect(b)]
    await Promise.all([onA.synced(), onB.synced()])

    // Every other publication is lost, both ways.
    busA.drop = busB.drop = (n) => n % 2 === 0
    for (let i = 0; i < 15; i++) {
      addNotes(onA.doc, note(`a${i}`, `from A ${i}`))
      await new Promise((resolve) => setTimeout(resolve, 5))
      addNotes(onB.doc, note(`b${i}`, `from B ${i}`))
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    // The last ones arrive, so each side sees that something is missing before them.
    busA.drop = busB.drop = () => false
    addNotes(onA.doc, note('last-a', 'last from A'))
    addNotes(onB.doc, note('last-b', 'last from B'))
    expect(busA.dropped + busB.dropped).toBeGreaterThan(5)

    await eventually(() => {
      expect(Object.keys(noteTexts(onA.doc))).toHaveLength(32)
      expect(noteTexts(onB.doc)).toEqual(noteTexts(onA.doc))
    }, 10_000)
  })
})
