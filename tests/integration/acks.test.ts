import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MESSAGE_SAVED } from '../../shared/protocol/messages.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { openRawSocket, syncStep1Frame } from '../helpers/raw-socket.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

let server: TestServer
let board: CreatedBoard
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  board = await server.createBoard()
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

/** True when state vector `sv` covers everything `doc` holds. */
function covers(sv: Uint8Array, doc: Y.Doc): boolean {
  const acked = Y.decodeStateVector(sv)
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    if ((acked.get(client) ?? 0) < clock) return false
  }
  return true
}

describe('save acknowledgements', () => {
  it('come only to ?acks=1 clients: once after the initial sync, then after each store', async () => {
    const acking = connectClient(server.url, board.id, board.tokens.participant, { acks: true })
    const stock = connectClient(server.url, board.id, board.tokens.participant)
    clients.push(acking, stock)
    await Promise.all([acking.synced(), stock.synced()])
    await eventually(() => expect(acking.acks).toHaveLength(1))
    expect(covers(acking.acks[0]!, acking.doc)).toBe(true)

    addNotes(acking.doc, note('mine', 'acked'))
    await eventually(() => expect(covers(acking.acks.at(-1)!, acking.doc)).toBe(true))
    const stored = (await server.store.load(board.id))!
    const replay = new Y.Doc()
    for (const u of stored.updates) Y.applyUpdate(replay, u)
    expect(noteTexts(replay)).toHaveProperty('mine')

    const acksBefore = acking.acks.length
    addNotes(stock.doc, note('theirs', 'not acked to the stock client'))
    await eventually(() => expect(noteTexts(acking.doc)).toHaveProperty('theirs'))
    expect(stock.acks).toEqual([])
    // Another client's update is relayed, not acknowledged to us.
    expect(acking.acks.length).toBe(acksBefore)
  })

  it('are never sent on a connection without the acks parameter', async () => {
    const socket = openRawSocket(server.url, board.id, board.tokens.participant)
    await socket.opened
    socket.send(syncStep1Frame())
    await eventually(() => expect(socket.frames.length).toBeGreaterThanOrEqual(2))
    socket.ws.close()
    await socket.closed
    expect(socket.frames.map((f) => f[0])).not.toContain(MESSAGE_SAVED)
  })
})
