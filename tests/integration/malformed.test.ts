import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE_MALFORMED, CLOSE_TOO_LARGE } from '../../shared/protocol/messages.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { openRawSocket, syncStep1Frame, updateFrame } from '../helpers/raw-socket.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const MAX_MESSAGE = 64 * 1024
let server: TestServer
let board: CreatedBoard
let a: TestClient
let b: TestClient
let counter = 0

beforeAll(async () => {
  server = await startTestServer({ limits: { maxMessageBytes: MAX_MESSAGE } })
  board = await server.createBoard()
  a = connectClient(server.url, board.id, board.tokens.participant)
  b = connectClient(server.url, board.id, board.tokens.participant)
  await Promise.all([a.synced(), b.synced()])
})
afterAll(async () => {
  a.destroy()
  b.destroy()
  await server.stop()
})

const roomState = async () => Y.encodeStateAsUpdate((await server.rooms.loaded(board.id))!.doc)

/** The other clients still sync after the bad frame. */
async function expectOthersStillSync() {
  const id = `after-${++counter}`
  addNotes(a.doc, note(id))
  await eventually(() => expect(noteTexts(b.doc)).toHaveProperty(id))
  expect(a.closes).toEqual([])
  expect(b.closes).toEqual([])
}

/** Sends `frame` on a fresh, synced participant socket and returns its close code. */
async function closeCodeAfter(frame: Uint8Array): Promise<number> {
  const socket = openRawSocket(server.url, board.id, board.tokens.participant)
  await socket.opened
  socket.send(syncStep1Frame())
  await eventually(() => expect(socket.frames.length).toBeGreaterThan(0))
  const before = await roomState()
  socket.send(frame)
  const { code } = await socket.closed
  expect(await roomState()).toEqual(before)
  return code
}

const bytes = (...values: number[]) => Uint8Array.from(values)

describe('malformed frames close only the sender, with 4400', () => {
  it.each([
    ['garbage bytes', bytes(0xff, 0xfe, 0x13, 0x37, 0x00, 0x42)],
    ['an empty frame', new Uint8Array(0)],
    ['a truncated sync message', bytes(0, 2, 50, 1, 2, 3)],
    ['a sync message without its sub-type', bytes(0)],
    ['an unknown sync sub-type', bytes(0, 7, 0)],
    ['an unknown message type', bytes(42, 0)],
    ['an auth message', bytes(2, 0)],
    ['a garbled update', updateFrame(bytes(5, 200, 1, 2, 3, 4, 5, 6, 7))],
    ['trailing bytes after an update', bytes(...updateFrame(bytes(0, 0)), 9, 9)],
    ['a garbled awareness update', bytes(1, 3, 1, 2, 3)],
  ])('%s', async (_name, frame) => {
    expect(await closeCodeAfter(frame)).toBe(CLOSE_MALFORMED)
    await expectOthersStillSync()
  })

  it('a text frame', async () => {
    const socket = openRawSocket(server.url, board.id, board.tokens.participant)
    await socket.opened
    socket.ws.send('hello')
    expect((await socket.closed).code).toBe(CLOSE_MALFORMED)
    await expectOthersStillSync()
  })

  it('a bad frame sent before the board is loaded', async () => {
    const fresh = await server.createBoard()
    const socket = openRawSocket(server.url, fresh.id, fresh.tokens.participant)
    await socket.opened
    socket.send(bytes(0xff, 0xff))
    expect((await socket.closed).code).toBe(CLOSE_MALFORMED)
  })
})

describe('oversized messages', () => {
  it('close with 1009 and leave the board unchanged', async () => {
    const doc = new Y.Doc()
    addNotes(doc, ...Array.from({ length: 30 }, (_, i) => note(`huge${i}`, 'x'.repeat(5000))))
    expect(await closeCodeAfter(updateFrame(Y.encodeStateAsUpdate(doc)))).toBe(CLOSE_TOO_LARGE)
    expect(noteTexts((await server.rooms.loaded(board.id))!.doc)).not.toHaveProperty('huge0')
    await expectOthersStillSync()
  })

  it('just under the limit is accepted', async () => {
    const notes = Array.from({ length: 12 }, (_, i) => note(`big${i}`, 'y'.repeat(5000)))
    addNotes(a.doc, ...notes)
    await eventually(() =>
      expect(Object.keys(noteTexts(b.doc)).filter((id) => id.startsWith('big'))).toHaveLength(12),
    )
    expect(a.closes).toEqual([])
  })
})
