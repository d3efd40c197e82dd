/**
 * The one behaviour every BoardStore adapter must have. Each adapter's test file calls
 * storeContract with a factory: memory, SQLite and PostgreSQL run this same suite.
 */
import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ActivityEntry, VersionInfo } from '../../shared/history/types.ts'
import type { BoardStore, LedgerDot } from '../../server/persistence/store.ts'

export interface StoreFactory {
  create(): Promise<BoardStore>
  /** Opens the same storage again after close(), for adapters that outlive a process. */
  reopen?(): Promise<BoardStore>
  /** A second store on the same storage at the same time (another server process). */
  second?(): Promise<BoardStore>
}

const PERSON = 'p123456789abcdef'
const privateId = (board: string) => `${board}~private~${PERSON}`

const entry = (id: string, at: number, extra: Partial<ActivityEntry> = {}): ActivityEntry => ({
  id,
  at,
  firstAt: at,
  personId: 'ana',
  name: 'Ana',
  collection: 'items',
  recordId: `r${id}`,
  recordKind: 'note',
  kind: 'changed',
  frameId: null,
  count: 1,
  ...extra,
})

const version = (id: string, createdAt: number): VersionInfo => ({
  id,
  name: `Version ${id}`,
  createdAt,
  createdBy: 'Ana',
})

/** Places a dot unless the voter has `limit` already, like the voting rules do. */
const placeUpTo = (store: BoardStore, voter: string, limit: number, id: string) =>
  store.votes.change('b', 'r1', voter, (mine) =>
    mine.length >= limit
      ? { value: false }
      : {
          add: { id, roundId: 'r1', itemId: 'n1', voterId: voter, createdAt: Date.now() },
          value: true,
        },
  )

const bytes = (...values: number[]) => Uint8Array.from(values)

const docWith = (entries: Record<string, string>) => {
  const doc = new Y.Doc()
  for (const [k, v] of Object.entries(entries)) doc.getMap('m').set(k, v)
  return doc
}

const replay = (updates: Uint8Array[]) => {
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  return doc.getMap('m').toJSON()
}

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`BoardStore contract: ${name}`, () => {
    let store: BoardStore

    beforeEach(async () => {
      store = await factory.create()
    })
    afterEach(async () => {
      await store.close()
    })

    it('answers null for a board it never stored', async () => {
      expect(await store.load('nope')).toBeNull()
    })

    it('returns appended updates in order with increasing sequence numbers', async () => {
      const first = await store.append('b1', [bytes(1), bytes(2)])
      const second = await store.append('b1', [bytes(3)])
      expect(second).toBeGreaterThan(first)
      const loaded = await store.load('b1')
      expect(loaded?.updates).toEqual([bytes(1), bytes(2), bytes(3)])
      expect(loaded?.seq).toBe(second)
    })

    it('keeps the document state through compaction, with later appends after it', async () => {
      const doc = new Y.Doc()
      const log: Uint8Array[] = []
      doc.on('update', (u: Uint8Array) => log.push(u))
      for (let i = 0; i < 20; i++) doc.getMap('m').set(`k${i}`, `v${i}`)
      const seq = await store.append('b', log)
      await store.compact('b', Y.encodeStateAsUpdate(doc), seq)
      const compacted = await store.load('b')
      expect(compacted?.updates).toHaveLength(1)
      expect(compacted?.seq).toBe(seq)

      log.length = 0
      doc.getMap('m').set('late', 'yes')
      const later = await store.append('b', log)
      expect(later).toBeGreaterThan(seq)
      const loaded = await store.load('b')
      expect(loaded?.seq).toBe(later)
      expect(replay(loaded!.updates)).toEqual(doc.getMap('m').toJSON())
    })

    it('compacts only through the given sequence number', async () => {
      const a = docWith({ a: '1' })
      const seqA = await store.append('b', [Y.encodeStateAsUpdate(a)])
      const b = docWith({ b: '2' })
      await store.append('b', [Y.encodeStateAsUpdate(b)])
      await store.compact('b', Y.encodeStateAsUpdate(a), seqA)
      expect(replay((await store.load('b'))!.updates)).toEqual({ a: '1', b: '2' })
    })

    it('compacts everything stored when no sequence number is given', async () => {
      const doc = docWith({ x: '1', y: '2' })
      await store.append('b', [bytes(0, 0), bytes(0, 0)])
      await store.compact('b', Y.encodeStateAsUpdate(doc))
      const loaded = await store.load('b')
      expect(loaded?.updates).toHaveLength(1)
      expect(replay(loaded!.updates)).toEqual({ x: '1', y: '2' })
    })

    it('deletes a board and nothing else', async () => {
      await store.append('keep', [bytes(1)])
      await store.append('drop', [bytes(2)])
      await store.compact('drop', bytes(9))
      await store.delete('drop')
      expect(await store.load('drop')).toBeNull()
      expect(await store.list()).toEqual(['keep'])
      await store.delete('never-existed')
    })

    it('lists every stored board once', async () => {
      await store.append('a', [bytes(1)])
      await store.append('a', [bytes(2)])
      await store.append('b', [bytes(3)])
      await store.compact('b', bytes(4))
      expect((await store.list()).sort()).toEqual(['a', 'b'])
    })

    it('keeps many boards apart', async () => {
      const ids = Array.from({ length: 30 }, (_, i) => `board-${i}`)
      await Promise.all(ids.map((id, i) => store.append(id, [bytes(i), bytes(i, i)])))
      await store.compact('board-3', bytes(33))
      for (const [i, id] of ids.entries()) {
        const expected = i === 3 ? [bytes(33)] : [bytes(i), bytes(i, i)]
        expect((await store.load(id))?.updates).toEqual(expected)
      }
    })

    it('round-trips arbitrary binary data, including empty and large updates', async () => {
      const all = Uint8Array.from({ length: 256 }, (_, i) => i)
      const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) & 255)
      await store.append('bin', [all, new Uint8Array(0), big, bytes(0, 0, 0)])
      const loaded = await store.load('bin')
      expect(loaded?.updates.map((u) => u.byteLength)).toEqual([256, 0, big.byteLength, 3])
      expect(loaded?.updates[0]).toEqual(all)
      expect(Buffer.compare(loaded!.updates[2]!, big)).toBe(0)
    })

    it('does not let a caller change stored data through its buffers', async () => {
      const data = bytes(1, 2, 3)
      await store.append('b', [data])
      data[0] = 99
      const loaded = await store.load('b')
      loaded!.updates[0]![1] = 77
      expect((await store.load('b'))?.updates).toEqual([bytes(1, 2, 3)])
    })

    it('answers what was stored after a sequence number, or everything once compacted past it', async () => {
      expect(await store.loadAfter('nope', 0)).toBeNull()
      const a = await store.append('b', [bytes(1), bytes(2)])
      const b = await store.append('b', [bytes(3)])
      expect(await store.loadAfter('b', a)).toEqual({ updates: [bytes(3)], seq: b })
      expect(await store.loadAfter('b', b)).toEqual({ updates: [], seq: b })
      expect((await store.loadAfter('b', 0))?.updates).toEqual([bytes(1), bytes(2), bytes(3)])
      await store.compact('b', bytes(9), b)
      const c = await store.append('b', [bytes(4)])
      expect(await store.loadAfter('b', a)).toEqual({ updates: [bytes(9), bytes(4)], seq: c })
      expect(await store.loadAfter('b', b)).toEqual({ updates: [bytes(4)], seq: c })
    })

    it('ignores a compaction through less than the stored snapshot covers', async () => {
      const first = await store.append('b', [bytes(1)])
      const second = await store.append('b', [bytes(2)])
      await store.compact('b', bytes(12), second)
      await store.compact('b', bytes(1), first)
      expect(await store.load('b')).toEqual({ updates: [bytes(12)], seq: second })
    })

    it('keeps private rooms apart from boards, and deletes them with their board', async () => {
      await store.append('b', [bytes(1)])
      await store.append(privateId('b'), [bytes(2)])
      await store.append(privateId('other'), [bytes(3)])
      expect((await store.list()).sort()).toEqual(['b'])
      expect(await store.privateRooms('b')).toEqual([privateId('b')])
      expect((await store.load(privateId('b')))?.updates).toEqual([bytes(2)])
      await store.versions.add('b', version('v1', 1), bytes(5), 10)
      await store.activity.put('b', [entry('e1', 1)])
      await placeUpTo(store, 'ana', 3, 'd1')
      await store.delete('b')
      expect(await store.load('b')).toBeNull()
      expect(await store.load(privateId('b'))).toBeNull()
      expect(await store.privateRooms('b')).toEqual([])
      expect(await store.versions.list('b')).toEqual([])
      expect(await store.activity.query('b')).toEqual([])
      expect(await store.votes.dots('b', 'r1')).toEqual([])
      expect((await store.load(privateId('other')))?.updates).toEqual([bytes(3)])
      await store.delete(privateId('other'))
      expect(await store.privateRooms('other')).toEqual([])
    })

    it('stores versions with their state, oldest first, up to a limit', async () => {
      const state = new Uint8Array(5000).map((_, i) => i & 255)
      expect(await store.versions.add('b', version('v2', 20), state, 2)).toBe(true)
      expect(await store.versions.add('b', version('v1', 10), bytes(1), 2)).toBe(true)
      expect(await store.versions.add('b', version('v3', 30), bytes(3), 2)).toBe(false)
      expect(await store.versions.list('b')).toEqual([version('v1', 10), version('v2', 20)])
      expect(await store.versions.state('b', 'v2')).toEqual(state)
      expect(await store.versions.state('b', 'v3')).toBeNull()
      expect(await store.versions.list('other')).toEqual([])
      expect(await store.list()).toEqual([])
    })

    it('keeps activity by id in time order, filters it and trims it to the newest', async () => {
      await store.activity.put('b', [entry('e1', 10), entry('e2', 20, { personId: 'ben' })])
      await store.activity.put('b', [entry('e3', 20, { frameId: 'f1' }), entry('e4', 30)])
      // Replaced: written again with a later time, it moves to the end of that time.
      await store.activity.put('b', [entry('e1', 20, { count: 2 })])
      const ids = async (q?: Parameters<BoardStore['activity']['query']>[1]) =>
        (await store.activity.query('b', q)).map((e) => e.id)
      expect(await ids()).toEqual(['e2', 'e3', 'e1', 'e4'])
      expect((await store.activity.query('b'))[2]).toEqual(entry('e1', 20, { count: 2 }))
      expect(await ids({ since: 20 })).toEqual(['e4'])
      expect(await ids({ personId: 'ben' })).toEqual(['e2'])
      expect(await ids({ frameId: 'f1' })).toEqual(['e3'])
      expect(await ids({ limit: 2 })).toEqual(['e1', 'e4'])
      expect(await ids({ limit: 0 })).toEqual([])
      await store.activity.trim('b', 3)
      expect(await ids()).toEqual(['e3', 'e1', 'e4'])
      expect(await store.activity.query('other')).toEqual([])
    })

    it("changes a voter's dots atomically: concurrent requests never overspend", async () => {
      const placed = await Promise.all(
        Array.from({ length: 12 }, (_, i) => placeUpTo(store, 'ana', 3, `a${i}`)),
      )
      expect(placed.filter(Boolean)).toHaveLength(3)
      await placeUpTo(store, 'ben', 3, 'b0')
      const anas = await store.votes.dots('b', 'r1', 'ana')
      expect(anas).toHaveLength(3)
      expect(await store.votes.dots('b', 'r1')).toHaveLength(4)
      const removed = await store.votes.change('b', 'r1', 'ana', (mine) => ({
        removeId: mine[0]!.id,
        value: mine.length,
      }))
      expect(removed).toBe(3)
      expect((await store.votes.dots('b', 'r1', 'ana')).map((d) => d.id)).toEqual(
        anas.slice(1).map((d) => d.id),
      )
      expect(await store.votes.dots('b', 'r2')).toEqual([])
    })

    it('returns dots in the order they were placed', async () => {
      const dot = (id: string, createdAt: number): LedgerDot => ({
        id,
        roundId: 'r1',
        itemId: 'n1',
        voterId: 'ana',
        createdAt,
      })
      for (const d of [dot('z', 1), dot('a', 3), dot('m', 1)])
        await store.votes.change('b', 'r1', 'ana', () => ({ add: d, value: null }))
      expect((await store.votes.dots('b', 'r1')).map((d) => d.id)).toEqual(['m', 'z', 'a'])
    })

    if (factory.second) {
      const second = factory.second
      it('gives two stores on the same storage distinct, consecutive sequence numbers', async () => {
        const other = await second()
        try {
          const lasts = await Promise.all(
            Array.from({ length: 20 }, (_, i) =>
              (i % 2 ? other : store).append('b', [bytes(i), bytes(i, 0)]),
            ),
          )
          const seqs = lasts.flatMap((last) => [last - 1, last]).sort((a, b) => a - b)
          expect(new Set(seqs).size).toBe(40)
          expect(seqs.at(-1)! - seqs[0]! + 1).toBe(40)
          expect((await other.load('b'))?.updates).toHaveLength(40)
        } finally {
          await other.close()
        }
      })

      it("changes a voter's dots atomically across two stores", async () => {
        const other = await second()
        try {
          const placed = await Promise.all(
            Array.from({ length: 12 }, (_, i) =>
              placeUpTo(i % 2 ? other : store, 'ana', 3, `a${i}`),
            ),
          )
          expect(placed.filter(Boolean)).toHaveLength(3)
          expect(await other.votes.dots('b', 'r1', 'ana')).toHaveLength(3)
        } finally {
          await other.close()
        }
      })
    }

    it('keeps a board’s pictures by their SHA-256, once, apart from other boards', async () => {
      const photo = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 0, 255])
      const hash = await store.images.put('b', photo)
      expect(hash).toBe(createHash('sha256').update(photo).digest('hex'))
      expect(await store.images.put('b', photo.slice())).toBe(hash)
      expect(await store.images.get('b', hash)).toEqual(photo)
      expect(await store.images.get('other', hash)).toBeNull()
      expect(await store.images.get('b', 'f'.repeat(64))).toBeNull()
      expect(await store.images.get('b', '../../etc/passwd')).toBeNull()
      // Its document's compaction and versions leave pictures alone; deleting the board does not.
      await store.append('b', [bytes(1)])
      await store.compact('b', bytes(2))
      expect(await store.images.get('b', hash)).toEqual(photo)
      await store.delete(privateId('b'))
      expect(await store.images.get('b', hash)).toEqual(photo)
      await store.delete('b')
      expect(await store.images.get('b', hash)).toBeNull()
    })

    if (factory.second) {
      const second = factory.second
      it('serves a picture put through another store on the same storage', async () => {
        const photo = new Uint8Array(300_000).map((_, i) => (i * 7) % 256)
        const hash = await store.images.put('b', photo)
        const other = await second()
        try {
          const got = await other.images.get('b', hash)
          expect(got && Buffer.from(got).equals(Buffer.from(photo))).toBe(true)
        } finally {
          await other.close()
        }
      })
    }

    if (factory.reopen) {
      const reopen = factory.reopen
      it('keeps what was stored after it is closed and opened again', async () => {
        await store.append('b', [bytes(1)])
        await store.compact('b', bytes(5))
        await store.append('b', [bytes(6)])
        await store.append(privateId('b'), [bytes(7)])
        await store.versions.add('b', version('v1', 1), bytes(8), 10)
        await store.activity.put('b', [entry('e1', 1)])
        await placeUpTo(store, 'ana', 3, 'd1')
        const hash = await store.images.put('b', bytes(9))
        await store.close()
        store = await reopen()
        expect((await store.load('b'))?.updates).toEqual([bytes(5), bytes(6)])
        expect((await store.load(privateId('b')))?.updates).toEqual([bytes(7)])
        expect(await store.versions.state('b', 'v1')).toEqual(bytes(8))
        expect(await store.activity.query('b')).toEqual([entry('e1', 1)])
        expect((await store.votes.dots('b', 'r1')).map((d) => d.id)).toEqual(['d1'])
        expect(await store.images.get('b', hash)).toEqual(bytes(9))
      })
    }
  })
}
