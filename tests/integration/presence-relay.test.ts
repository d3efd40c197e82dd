import * as decoding from 'lib0/decoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WebSocket as NodeWebSocket } from 'ws'
import * as Y from 'yjs'
import { CLOSE_BEHIND, MESSAGE_AWARENESS } from '../../shared/protocol/messages.ts'
import { encodeAwarenessFrame } from '../helpers/awareness.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { openRawSocket, syncStep1Frame, type RawSocket } from '../helpers/raw-socket.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

let server: TestServer
let board: CreatedBoard
const clients: TestClient[] = []
const sockets: RawSocket[] = []

beforeEach(async () => {
  // Writers here send tens of thousands of items a second on purpose (to fill a slow reader's
  // queue): the per-socket work budget would close them first.
  server = await startTestServer({ limits: { itemsPerSecond: 0, addressItemsPerSecond: 0 } })
  board = await server.createBoard({ title: 'Plenary' })
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const s of sockets.splice(0)) s.ws.terminate()
  await server.stop()
})

async function open(role: 'facilitator' | 'participant' | 'viewer'): Promise<RawSocket> {
  const socket = openRawSocket(server.url, board.id, board.tokens[role])
  sockets.push(socket)
  await socket.opened
  socket.send(syncStep1Frame())
  return socket
}

/** Every client state in the awareness frames a socket received, in order. */
function presenceSeen(socket: RawSocket): { frames: number; states: [number, unknown][] } {
  let frames = 0
  const states: [number, unknown][] = []
  for (const frame of socket.frames) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) continue
    frames++
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
    const count = decoding.readVarUint(update)
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarUint(update)
      decoding.readVarUint(update)
      states.push([id, JSON.parse(decoding.readVarString(update))])
    }
  }
  return { frames, states }
}

const user = (id: string, role: string) => ({ id, name: id, color: '#336699', role })
const presence = (id: string, role: string, x: number) => ({
  user: user(id, role),
  cursor: { x, y: 0 },
  selection: [],
})
const lastStateOf = (socket: RawSocket, clientId: number) =>
  presenceSeen(socket)
    .states.filter(([id]) => id === clientId)
    .at(-1)?.[1]

describe('presence relay', () => {
  it('coalesces a burst of cursor moves into fewer frames that end at the latest position', async () => {
    const mover = await open('participant')
    const watcher = await open('participant')
    // Fewer than a socket may send per second (WS_AWARENESS_PER_SECOND).
    const moves = 30
    for (let i = 1; i <= moves; i++) {
      mover.send(encodeAwarenessFrame(7001, i, presence('mover', 'participant', i)))
    }
    await eventually(() =>
      expect(lastStateOf(watcher, 7001)).toMatchObject({ cursor: { x: moves } }),
    )
    const seen = presenceSeen(watcher).states.filter(([id]) => id === 7001)
    expect(seen.length).toBeLessThan(moves)
  })

  it("gives viewers the facilitator's whole presence and only who the others are", async () => {
    const facilitator = await open('facilitator')
    const participant = await open('participant')
    const viewer = await open('viewer')
    const other = await open('participant')
    for (let i = 1; i <= 5; i++) {
      participant.send(encodeAwarenessFrame(8002, i, presence('p', 'participant', i)))
    }
    facilitator.send(encodeAwarenessFrame(8001, 1, presence('f', 'facilitator', 100)))
    await eventually(() => {
      expect(lastStateOf(viewer, 8001)).toMatchObject({ cursor: { x: 100 } })
      expect(lastStateOf(viewer, 8002)).toEqual({
        user: user('p', 'participant'),
        cursor: null,
        selection: [],
      })
      // Editors still see every cursor.
      expect(lastStateOf(other, 8002)).toMatchObject({ cursor: { x: 5 } })
    })
    // More cursor moves of the participant, then one of the facilitator's, sent after them.
    for (let i = 6; i <= 10; i++) {
      participant.send(encodeAwarenessFrame(8002, i, presence('p', 'participant', i)))
    }
    facilitator.send(encodeAwarenessFrame(8001, 2, presence('f', 'facilitator', 200)))
    await eventually(() => {
      expect(lastStateOf(viewer, 8001)).toMatchObject({ cursor: { x: 200 } })
      expect(lastStateOf(other, 8002)).toMatchObject({ cursor: { x: 10 } })
    })
    const participantStates = presenceSeen(viewer).states.filter(([id]) => id === 8002)
    // The viewer never got a participant's cursor, nor a frame per move.
    expect(participantStates.every(([, s]) => (s as { cursor: unknown }).cursor === null)).toBe(
      true,
    )
    expect(participantStates.length).toBe(1)
  })

  it('closes a client that stops reading with CLOSE_BEHIND; it reconnects and catches up by state vector', async () => {
    const writer = connectClient(server.url, board.id, board.tokens.facilitator)
    const slow = connectClient(server.url, board.id, board.tokens.participant)
    clients.push(writer, slow)
    await Promise.all([writer.synced(), slow.synced()])
    const socket = (slow.provider.ws as unknown as { _socket: { pause(): void; resume(): void } })
      ._socket
    socket.pause()

    // About 30 MB of edits: more than the loopback buffers hold, so the server's queue grows.
    const text = 'x'.repeat(4000)
    let count = 0
    const room = await server.rooms.loaded(board.id)
    const slowConnection = () => room!.connections().find((c) => c.role === 'participant') ?? null
    for (let batch = 0; batch < 300 && !slowConnection()?.closed; batch++) {
      addNotes(
        writer.doc,
        ...Array.from({ length: 25 }, () => note(`n${count++}`, `${count} ${text}`)),
      )
      await eventually(() => expect(writer.provider.ws?.bufferedAmount ?? 0).toBeLessThan(1 << 20))
      await new Promise((r) => setImmediate(r))
    }
    await eventually(() => expect(slowConnection()?.closed ?? true).toBe(true), 20_000)
    socket.resume()

    await eventually(() => expect(slow.closes[0]?.code).toBe(CLOSE_BEHIND), 20_000)
    // Back again: its state vector brings what it missed, and it sees later edits live.
    addNotes(writer.doc, note('after', 'after the return'))
    await eventually(() => {
      expect(Object.keys(noteTexts(slow.doc)).length).toBe(count + 1)
      expect(Y.encodeStateVector(slow.doc)).toEqual(Y.encodeStateVector(writer.doc))
    }, 20_000)
    expect((slow.provider.ws as unknown as NodeWebSocket | null)?.readyState).toBe(1)
  }, 60_000)
})
