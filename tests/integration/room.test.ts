/** How a room stores, relays and lets go, observed from outside through a store that reports. */
import type { Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebSocket as NodeWebSocket } from 'ws'
import * as Y from 'yjs'
import { MESSAGE_SYNC } from '../../shared/protocol/messages.ts'
import { MemoryStore } from '../../server/persistence/memory.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import { openRawSocket, syncStep1Frame, updateFrame } from '../helpers/raw-socket.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

/** A memory store that records appends and can hold them back until released. */
class ObservedStore extends MemoryStore {
  appends: Uint8Array[][] = []
  gate: Promise<void> | null = null
  failNext = false
  override async append(boardId: string, updates: readonly Uint8Array[]): Promise<number> {
    this.appends.push([...updates])
    await this.gate
    if (this.failNext) {
      this.failNext = false
      throw new Error('disk full')
    }
    return super.append(boardId, updates)
  }
}

async function setup(options: { heartbeatMs?: number } = {}) {
  const store = new ObservedStore()
  const server: TestServer = await startTestServer({ store, ...options })
  cleanup.push(() => server.stop())
  const board = await server.createBoard()
  const client = (token = board.tokens.participant): TestClient => {
    const c = connectClient(server.url, board.id, token)
    cleanup.push(() => c.destroy())
    return c
  }
  return { store, server, board, client }
}

describe('room', () => {
  it('stores an update before relaying it', async () => {
    const { store, client } = await setup()
    const a = client()
    const b = client()
    await Promise.all([a.synced(), b.synced()])
    let release!: () => void
    store.gate = new Promise((resolve) => (release = resolve))
    const appendsBefore = store.appends.length
    addNotes(a.doc, note('held', 'waits for the store'))
    await eventually(() => expect(store.appends.length).toBe(appendsBefore + 1))
    // A round trip through the server that does not depend on the store.
    b.provider.awareness.setLocalStateField('ping', 1)
    await eventually(() =>
      expect(a.provider.awareness.getStates().get(b.doc.clientID)).toHaveProperty('ping'),
    )
    expect(noteTexts(b.doc)).toEqual({})
    release()
    await eventually(() => expect(noteTexts(b.doc)).toEqual({ held: 'waits for the store' }))
  })

  it('coalesces updates of one event-loop turn into one append and one relayed frame', async () => {
    const { store, server, board, client } = await setup()
    const receiver = client()
    await receiver.synced()
    const frames: Uint8Array[] = []
    const received = () => frames.filter((f) => f[0] === MESSAGE_SYNC && f[1] === 2)
    const ws = receiver.provider.ws as unknown as NodeWebSocket
    ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)))

    const sender = openRawSocket(server.url, board.id, board.tokens.participant)
    cleanup.push(() => sender.ws.terminate())
    await sender.opened
    sender.send(syncStep1Frame())
    await eventually(() => expect(sender.frames.length).toBeGreaterThan(0))
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 5; i++) addNotes(doc, note(`c${i}`))
    const appendsBefore = store.appends.length
    // One write on the wire, so the server reads all five frames in one turn.
    const socket = (sender.ws as unknown as { _socket: Socket })._socket
    socket.cork()
    for (const u of updates) sender.send(updateFrame(u))
    socket.uncork()

    await eventually(() => expect(Object.keys(noteTexts(receiver.doc))).toHaveLength(5))
    expect(store.appends.slice(appendsBefore).map((batch) => batch.length)).toEqual([5])
    expect(received()).toHaveLength(1)
  })

  it('ends every connection with 1011 when the store fails, relaying nothing unstored', async () => {
    const { store, client } = await setup()
    const a = client()
    const b = client()
    await Promise.all([a.synced(), b.synced()])
    b.provider.shouldConnect = false
    store.failNext = true
    addNotes(a.doc, note('lost', 'never stored'))
    expect((await b.closed()).code).toBe(1011)
    expect(noteTexts(b.doc)).toEqual({})
    // The writer reconnects and sends its state again, which is now stored.
    await eventually(async () => {
      const stored = new Y.Doc()
      for (const u of (await store.load(a.provider.roomname))!.updates) Y.applyUpdate(stored, u)
      expect(noteTexts(stored)).toEqual({ lost: 'never stored' })
    })
  })

  it('terminates a socket that stops answering pings', async () => {
    const { server, board } = await setup({ heartbeatMs: 50 })
    const socket = openRawSocket(server.url, board.id, board.tokens.participant)
    cleanup.push(() => socket.ws.terminate())
    await socket.opened
    await eventually(async () => expect((await server.rooms.loaded(board.id))?.size).toBe(1))
    // Stop reading: pings go unanswered, as with a laptop that went to sleep.
    ;(socket.ws as unknown as { _socket: Socket })._socket.pause()
    await eventually(() => expect(server.rooms.loadedIds).toEqual([]), 3000)
  })

  it('lets a client join while the board is unloading and gives it everything', async () => {
    const { store, server, board, client } = await setup()
    const a = client()
    await a.synced()
    addNotes(a.doc, note('x', 'survives the unload'))
    await eventually(() => expect(store.appends.length).toBe(2))
    let release!: () => void
    const compact = store.compact.bind(store)
    // Holds the board's final compaction (its activity log's goes through).
    store.compact = async (...args) => {
      if (args[0] === board.id) await new Promise<void>((resolve) => (release = resolve))
      return compact(...args)
    }
    a.provider.disconnect()
    await eventually(() => expect(release).toBeTypeOf('function'))
    const b = client()
    setTimeout(() => release(), 20)
    await b.synced()
    expect(noteTexts(b.doc)).toEqual({ x: 'survives the unload' })
    expect(server.rooms.loadedIds).toEqual([board.id])
  })
})
