/** Presence ownership: a socket sets or removes only the presence of client ids it introduced. */
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MESSAGE_AWARENESS } from '../../shared/protocol/messages.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { openRawSocket } from '../helpers/raw-socket.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

let server: TestServer
let board: CreatedBoard
let alice: TestClient
let bob: TestClient

const ALICE_SECRET = 'alice-device-secret-0123456789'

beforeAll(async () => {
  server = await startTestServer()
  board = await server.createBoard()
  alice = connectClient(server.url, board.id, board.tokens.participant, { user: ALICE_SECRET })
  bob = connectClient(server.url, board.id, board.tokens.viewer)
  await Promise.all([alice.synced(), bob.synced()])
  alice.provider.awareness.setLocalState({ user: { name: 'Alice' } })
  await eventually(() =>
    expect(bob.provider.awareness.getStates().get(alice.doc.clientID)).toEqual({
      user: { name: 'Alice' },
    }),
  )
})
afterAll(async () => {
  alice.destroy()
  bob.destroy()
  await server.stop()
})

function presenceFrame(entries: [client: number, clock: number, state: unknown][]): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, entries.length)
  for (const [client, clock, state] of entries) {
    encoding.writeVarUint(update, client)
    encoding.writeVarUint(update, clock)
    encoding.writeVarString(update, JSON.stringify(state))
  }
  const frame = encoding.createEncoder()
  encoding.writeVarUint(frame, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update))
  return encoding.toUint8Array(frame)
}

const serverState = async (client: number) =>
  (await server.rooms.loaded(board.id))!.awareness.getStates().get(client)

describe('presence ownership', () => {
  it("a viewer can neither overwrite nor remove someone else's presence", async () => {
    const mallory = openRawSocket(server.url, board.id, board.tokens.viewer)
    await mallory.opened
    const target = alice.doc.clientID
    mallory.send(
      presenceFrame([
        [target, 1_000_000, { user: { name: 'Alice (forged)' } }],
        [424242, 1, { user: { name: 'Mallory' } }],
      ]),
    )
    // Its own id goes through (the frame is not refused as a whole)...
    await eventually(() => expect(bob.provider.awareness.getStates().get(424242)).toBeTruthy())
    // ...the forged one does not.
    expect(await serverState(target)).toEqual({ user: { name: 'Alice' } })
    expect(bob.provider.awareness.getStates().get(target)).toEqual({ user: { name: 'Alice' } })
    // A removal (null state) of Alice's id is left out too.
    mallory.send(presenceFrame([[target, 2_000_000, null]]))
    mallory.send(presenceFrame([[424242, 2, { user: { name: 'Mallory 2' } }]]))
    await eventually(() =>
      expect(bob.provider.awareness.getStates().get(424242)).toEqual({
        user: { name: 'Mallory 2' },
      }),
    )
    expect(await serverState(target)).toEqual({ user: { name: 'Alice' } })
    expect(mallory.ws.readyState).toBe(mallory.ws.OPEN)
    mallory.ws.close()
    // Mallory's own presence leaves with her socket; Alice's stays.
    await eventually(() => expect(bob.provider.awareness.getStates().has(424242)).toBe(false))
    expect(bob.provider.awareness.getStates().get(target)).toEqual({ user: { name: 'Alice' } })
  })

  it('the same person on a new socket takes their presence over (a reconnect)', async () => {
    const ghost = 555_555
    const query = `user=${ALICE_SECRET}`
    const old = openRawSocket(server.url, board.id, board.tokens.participant, query)
    await old.opened
    old.send(presenceFrame([[ghost, 1, { user: { name: 'Alice, old tab' } }]]))
    await eventually(async () => expect(await serverState(ghost)).toBeTruthy())
    // Someone else cannot take it...
    const other = openRawSocket(
      server.url,
      board.id,
      board.tokens.participant,
      'user=someone-else-0123456789',
    )
    await other.opened
    other.send(presenceFrame([[ghost, 9, { user: { name: 'not Alice' } }]]))
    // ...the same person can.
    const again = openRawSocket(server.url, board.id, board.tokens.participant, query)
    await again.opened
    again.send(presenceFrame([[ghost, 10, { user: { name: 'Alice again' } }]]))
    await eventually(async () =>
      expect(await serverState(ghost)).toEqual({ user: { name: 'Alice again' } }),
    )
    // The old socket no longer owns it: its close does not remove it; the new one's does.
    old.ws.close()
    await old.closed
    other.ws.close()
    await other.closed
    await eventually(() => expect(server.rooms.loaded(board.id)).toBeTruthy())
    expect(await serverState(ghost)).toEqual({ user: { name: 'Alice again' } })
    again.ws.close()
    await again.closed
    await eventually(async () => expect(await serverState(ghost)).toBeUndefined())
  })

  it('a socket introduces a few client ids at most', async () => {
    const greedy = openRawSocket(server.url, board.id, board.tokens.viewer)
    await greedy.opened
    greedy.send(
      presenceFrame(
        Array.from({ length: 50 }, (_, i) => [900_000 + i, 1, { n: i }] as const).map(
          ([c, k, s]) => [c, k, s],
        ),
      ),
    )
    await eventually(async () => expect(await serverState(900_000)).toEqual({ n: 0 }))
    const room = (await server.rooms.loaded(board.id))!
    const introduced = [...room.awareness.getStates().keys()].filter(
      (id) => id >= 900_000 && id < 900_050,
    )
    expect(introduced.length).toBeLessThanOrEqual(4)
    greedy.ws.close()
  })
})

describe('presence echoes', () => {
  it('do not count against the presence budget (stock clients send back what they receive)', async () => {
    const limited = await startTestServer({ limits: { awarenessPerSecond: 10 } })
    const target = await limited.createBoard()
    const clients = Array.from({ length: 4 }, () =>
      connectClient(limited.url, target.id, target.tokens.participant),
    )
    try {
      await Promise.all(clients.map((c) => c.synced()))
      // 8 changes each within a second: each client also echoes the 24 it receives.
      for (let i = 0; i < 8; i++)
        for (const c of clients) c.provider.awareness.setLocalStateField('cursor', { x: i, y: 0 })
      const everyoneSees = (x: number) =>
        eventually(() => {
          for (const c of clients)
            for (const other of clients)
              expect(c.provider.awareness.getStates().get(other.doc.clientID)).toMatchObject({
                cursor: { x },
              })
        })
      await everyoneSees(7)
      // One more change each, sent after every echo of the earlier ones: once it is everywhere,
      // the server has handled (and would have refused) those echoes.
      for (const c of clients) c.provider.awareness.setLocalStateField('cursor', { x: 99, y: 0 })
      await everyoneSees(99)
      expect(clients.flatMap((c) => c.closes)).toEqual([])
    } finally {
      for (const c of clients) c.destroy()
      await limited.stop()
    }
  })
})
