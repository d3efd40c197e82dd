import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LOCAL_ORIGIN, readMeta, updateItem } from '../../shared/doc/index.ts'
import { MemoryStore } from '../../server/persistence/memory.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import { startTestServer, tempDir, type TestServer } from '../helpers/server.ts'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})
const track = <T extends TestClient | TestServer>(x: T): T => {
  cleanup.push(() => ('destroy' in x ? x.destroy() : x.stop()))
  return x
}

describe('persistence', () => {
  it('restores a board exactly after a restart with the same DATA_DIR', async () => {
    const dataDir = tempDir()
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const first = await startTestServer({ storage: 'sqlite', dataDir })
    const board = await first.createBoard({ title: 'Restart me' })
    const a = connectClient(first.url, board.id, board.tokens.participant)
    await a.synced()
    addNotes(a.doc, note('n1', 'Roles'), note('n2', 'Gaps'))
    updateItem(a.doc, 'n1', { text: 'Roles / Motivation / Goal' }, LOCAL_ORIGIN)
    const room = await first.rooms.loaded(board.id)
    await eventually(() => expect(noteTexts(room!.doc)).toEqual(noteTexts(a.doc)))
    const expected = Y.encodeStateAsUpdate(a.doc)
    a.destroy()
    await first.close()

    const second = track(await startTestServer({ storage: 'sqlite', dataDir }))
    const b = track(connectClient(second.url, board.id, board.tokens.viewer))
    await b.synced()
    expect(Y.encodeStateAsUpdate(b.doc)).toEqual(expected)
    expect(readMeta(b.doc).title).toBe('Restart me')
    expect(b.closes).toEqual([])
  })

  it('unloads an empty board and reloads its content on the next join', async () => {
    const store = new MemoryStore()
    const server = track(await startTestServer({ store }))
    const board = await server.createBoard()
    const a = connectClient(server.url, board.id, board.tokens.participant)
    await a.synced()
    addNotes(a.doc, note('kept', 'still here'))
    await eventually(async () => expect((await store.load(board.id))!.updates).toHaveLength(2))
    const room = await server.rooms.loaded(board.id)
    a.destroy()
    await eventually(() => expect(server.rooms.loadedIds).toEqual([]))
    expect(room!.doc.isDestroyed).toBe(true)
    // Unloading compacted the log into one snapshot.
    await eventually(async () => expect((await store.load(board.id))!.updates).toHaveLength(1))

    const b = track(connectClient(server.url, board.id, board.tokens.participant))
    await b.synced()
    expect(noteTexts(b.doc)).toEqual({ kept: 'still here' })
    expect(await server.rooms.loaded(board.id)).not.toBe(room)
  })

  it('compacts a long log while clients keep editing, without losing anything', async () => {
    const store = new MemoryStore()
    const server = track(await startTestServer({ store, compactEvery: 10 }))
    const board = await server.createBoard()
    const a = track(connectClient(server.url, board.id, board.tokens.participant))
    const b = track(connectClient(server.url, board.id, board.tokens.participant))
    await Promise.all([a.synced(), b.synced()])
    for (let i = 0; i < 60; i++) {
      addNotes(i % 2 ? a.doc : b.doc, note(`n${i}`, `note ${i}`))
      if (i % 7 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    await eventually(() => expect(Object.keys(noteTexts(b.doc))).toHaveLength(60))
    await eventually(() => expect(noteTexts(a.doc)).toEqual(noteTexts(b.doc)))
    await (await server.rooms.loaded(board.id))!.flush()
    const stored = (await store.load(board.id))!
    expect(stored.updates.length).toBeLessThan(12)
    const replay = new Y.Doc()
    for (const u of stored.updates) Y.applyUpdate(replay, u)
    expect(noteTexts(replay)).toEqual(noteTexts(a.doc))
  })

  it('shares one load between clients that join at the same time', async () => {
    const store = new MemoryStore()
    let loads = 0
    const load = store.load.bind(store)
    store.load = async (id) => {
      if (!id.includes('~')) loads++ // Not the links or activity kept beside it.
      await new Promise((resolve) => setTimeout(resolve, 50))
      return load(id)
    }
    const server = track(await startTestServer({ store }))
    const board = await server.createBoard({ title: 'slow' })
    const clients = Array.from({ length: 5 }, () =>
      track(connectClient(server.url, board.id, board.tokens.participant)),
    )
    await Promise.all(clients.map((c) => c.synced()))
    expect(loads).toBe(1)
    for (const c of clients) expect(readMeta(c.doc).title).toBe('slow')
  })
})
