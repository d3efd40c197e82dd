/**
 * The one behaviour every BoardStore adapter must have. Each adapter's test file calls
 * storeContract with a factory; a new adapter (PostgreSQL, ...) adds one such file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardStore } from '../../server/persistence/store.ts'

export interface StoreFactory {
  create(): Promise<BoardStore>
  /** Opens the same storage again after close(), for adapters that outlive a process. */
  reopen?(): Promise<BoardStore>
}

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

    if (factory.reopen) {
      const reopen = factory.reopen
      it('keeps what was stored after it is closed and opened again', async () => {
        await store.append('b', [bytes(1)])
        await store.compact('b', bytes(5))
        await store.append('b', [bytes(6)])
        await store.close()
        store = await reopen()
        expect((await store.load('b'))?.updates).toEqual([bytes(5), bytes(6)])
      })
    }
  })
}
