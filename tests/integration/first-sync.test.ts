/**
 * A board's first connection is answered straight from the stored bytes, before the room's
 * document is built, which happens only when something needs it; what the client sends meanwhile
 * waits for the build and is not lost.
 */
import * as decoding from 'lib0/decoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MESSAGE_SAVED, MESSAGE_SYNC } from '../../shared/protocol/messages.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { connectClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import { openRawSocket, syncStep1Frame, updateFrame } from '../helpers/raw-socket.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.stop())

/** 'step1', 'step2' or 'update' with its payload, 'saved', or null for other frames. */
function readFrame(frame: Uint8Array): { kind: string; payload: Uint8Array } | null {
  const decoder = decoding.createDecoder(frame)
  const type = decoding.readVarUint(decoder)
  if (type === MESSAGE_SAVED) return { kind: 'saved', payload: decoding.readVarUint8Array(decoder) }
  if (type !== MESSAGE_SYNC) return null
  const step = decoding.readVarUint(decoder)
  const kind = ['step1', 'step2', 'update'][step]!
  return { kind, payload: decoding.readVarUint8Array(decoder) }
}

async function storedBoard(...texts: string[]) {
  const board = await server.createBoard()
  const seed = new Y.Doc()
  addNotes(seed, ...texts.map((t) => note(t)))
  await server.store.append(board.id, [Y.encodeStateAsUpdate(seed)])
  return board
}

describe('first sync of a stored board', () => {
  it('answers from the store first and acks it, then asks for what it lacks once built', async () => {
    const board = await storedBoard('stored-a', 'stored-b')
    const socket = openRawSocket(server.url, board.id, board.tokens.participant, 'acks=1')
    // Sent at once, so both wait for the room to load: the sync is answered early, the
    // update waits for the build.
    const mine = new Y.Doc()
    addNotes(mine, note('sent-early'))
    await socket.opened
    socket.send(syncStep1Frame())
    socket.send(updateFrame(Y.encodeStateAsUpdate(mine)))

    const stored = (await server.store.load(board.id))!.updates
    expect(stored.length).toBeGreaterThan(1)
    await eventually(() => expect(socket.frames.length).toBeGreaterThan(stored.length + 1))
    const frames = socket.frames.map(readFrame).filter((f) => f !== null)
    // A built room asks first (step 1 on join); an unbuilt one answers first, with each stored
    // update as it is, the last one as the step 2.
    const answers = frames.slice(0, stored.length)
    expect(frames.slice(0, stored.length + 2).map((f) => f.kind)).toEqual([
      ...stored.slice(1).map(() => 'update'),
      'step2',
      'saved',
      'step1',
    ])
    expect(answers.map((f) => f.payload)).toEqual(stored)
    const answer = new Y.Doc()
    for (const f of answers) Y.applyUpdate(answer, f.payload)
    expect(Object.keys(noteTexts(answer)).sort()).toEqual(['stored-a', 'stored-b'])

    // The early update was applied after the build, stored and acked.
    await eventually(() =>
      expect(socket.frames.map(readFrame).filter((f) => f?.kind === 'saved')).toHaveLength(2),
    )
    const replay = new Y.Doc()
    for (const u of (await server.store.load(board.id))!.updates) Y.applyUpdate(replay, u)
    expect(noteTexts(replay)).toHaveProperty('sent-early')
    expect((await server.rooms.loaded(board.id))?.built).toBe(true)
    socket.ws.close()
  })

  it('answers a client that holds part of the board with only the rest, once built', async () => {
    const board = await storedBoard('old')
    const partial = new Y.Doc()
    for (const u of (await server.store.load(board.id))!.updates) Y.applyUpdate(partial, u)
    const newer = new Y.Doc()
    Y.applyUpdate(newer, Y.encodeStateAsUpdate(partial))
    addNotes(partial, note('offline'))
    addNotes(newer, note('newer'))
    // The server holds old + newer; the client old + offline.
    await server.store.append(board.id, [
      Y.encodeStateAsUpdate(newer, Y.encodeStateVector(partial)),
    ])
    const whole = Y.mergeUpdates((await server.store.load(board.id))!.updates)

    const socket = openRawSocket(server.url, board.id, board.tokens.participant)
    await socket.opened
    socket.send(syncStep1Frame(partial))
    // It waits for the build: the room's step 1 comes first, as with any built room.
    await eventually(() => expect(socket.frames.length).toBeGreaterThanOrEqual(2))
    expect(socket.frames.map((f) => readFrame(f)?.kind).slice(0, 2)).toEqual(['step1', 'step2'])
    const answer = readFrame(socket.frames[1]!)!
    Y.applyUpdate(partial, answer.payload)
    expect(Object.keys(noteTexts(partial)).sort()).toEqual(['newer', 'offline', 'old'])
    // Only what the client lacked, not the whole board again.
    expect(answer.payload.length).toBeLessThan(whole.length / 2)
    socket.ws.close()
  })

  it('a client that joins after the build gets the usual handshake and everything', async () => {
    const board = await storedBoard('one')
    const first = connectClient(server.url, board.id, board.tokens.participant)
    await first.synced()
    addNotes(first.doc, note('two'))
    await eventually(async () => expect((await server.rooms.loaded(board.id))?.built).toBe(true))
    const second = connectClient(server.url, board.id, board.tokens.viewer)
    await second.synced()
    await eventually(() =>
      expect(Object.keys(noteTexts(second.doc)).sort()).toEqual(['one', 'two']),
    )
    first.destroy()
    second.destroy()
  })

  it('is never built while people only look: syncs answered from the store, presence relayed', async () => {
    const board = await storedBoard('looked-at')
    const viewer = connectClient(server.url, board.id, board.tokens.viewer)
    const participant = connectClient(server.url, board.id, board.tokens.participant, {
      acks: true,
    })
    await Promise.all([viewer.synced(), participant.synced()])
    expect(Object.keys(noteTexts(viewer.doc))).toEqual(['looked-at'])
    participant.provider.awareness.setLocalStateField('user', { name: 'Ana' })
    await eventually(() =>
      expect([...viewer.provider.awareness.getStates().values()]).toContainEqual({
        user: { name: 'Ana' },
      }),
    )
    const room = await server.rooms.loaded(board.id)
    expect(room?.built).toBe(false)

    // The first edit builds it, and reaches the other client.
    addNotes(participant.doc, note('first-edit'))
    await eventually(() => expect(noteTexts(viewer.doc)).toHaveProperty('first-edit'))
    expect(room?.built).toBe(true)
    viewer.destroy()
    participant.destroy()
  })

  it('compacts from the stored updates when it unloads before it was ever built', async () => {
    const board = await storedBoard('kept-a', 'kept-b')
    expect((await server.store.load(board.id))!.updates.length).toBeGreaterThan(1)
    // Joins and leaves without a sync: nothing needs the document.
    const socket = openRawSocket(server.url, board.id, board.tokens.participant)
    await socket.opened
    const room = await server.rooms.loaded(board.id)
    expect(room?.built).toBe(false)
    socket.ws.close()
    await socket.closed
    await eventually(() => expect(server.rooms.loadedIds).not.toContain(board.id))
    expect(room?.built).toBe(false)
    const stored = (await server.store.load(board.id))!
    expect(stored.updates).toHaveLength(1)
    const replay = new Y.Doc()
    Y.applyUpdate(replay, stored.updates[0]!)
    expect(Object.keys(noteTexts(replay)).sort()).toEqual(['kept-a', 'kept-b'])
  })
})
