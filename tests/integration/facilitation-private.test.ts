/**
 * Private writing: a participant's post-its stay in their own private room, which nobody else can
 * open, until a facilitator ends it; then everyone gets them at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addItems,
  items,
  LOCAL_ORIGIN,
  readFacilitation,
  readItems,
  updateFacilitation,
} from '../../shared/doc/index.ts'
import { privateRoomId } from '../../shared/facilitation/identity.ts'
import { CLOSE_FORBIDDEN } from '../../shared/protocol/messages.ts'
import { note, noteTexts } from '../helpers/board.ts'
import { eventually } from '../helpers/eventually.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { openRawSocket } from '../helpers/raw-socket.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectPerson, newPerson, type Person, type PersonClient } from './facilitation-client.ts'

let server: TestServer
let board: CreatedBoard
let facilitator: PersonClient
let alice: Person
let bob: Person
const open: PersonClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  board = await server.createBoard({ title: 'private' })
  ;[alice, bob] = await Promise.all([newPerson(), newPerson()])
  facilitator = connectPerson(server.url, board.id, board.tokens.facilitator, await newPerson())
  await facilitator.synced()
})
afterAll(async () => {
  for (const c of open) c.destroy()
  facilitator.destroy()
  await server.stop()
})

function connect(room: string, token: string, person: Person | null) {
  const c = connectPerson(server.url, room, token, person)
  open.push(c)
  return c
}

const setPrivate = (on: boolean) =>
  updateFacilitation(
    facilitator.doc,
    { phase: { kind: on ? 'writing' : 'none', deadline: null, private: on, frameId: null } },
    LOCAL_ORIGIN,
  )

describe('private rooms', () => {
  it.each([
    ['another person', () => bob, () => board.tokens.participant],
    ['no person', () => null, () => board.tokens.participant],
    ['a facilitator', () => bob, () => board.tokens.facilitator],
    ['a viewer with the right secret', () => alice, () => board.tokens.viewer],
  ])('cannot be opened by %s', async (_who, person, token) => {
    const p = person()
    const socket = openRawSocket(
      server.url,
      privateRoomId(board.id, alice.id),
      token(),
      p ? `user=${p.secret}` : '',
    )
    expect((await socket.closed).code).toBe(CLOSE_FORBIDDEN)
  })

  it('hold post-its only', async () => {
    const mine = connect(privateRoomId(board.id, bob.id), board.tokens.participant, bob)
    await mine.synced()
    updateFacilitation(mine.doc, { currentPartId: 'x' }, LOCAL_ORIGIN)
    await eventually(() => expect(mine.closes[0]?.code).toBe(CLOSE_FORBIDDEN))
    mine.destroy()
  })
})

describe('private writing', () => {
  it('leaks nothing to anyone before the reveal, then moves every post-it to the board', async () => {
    setPrivate(true)
    // Bob's and the facilitator's sockets record every frame they receive.
    const bobMain = openRawSocket(
      server.url,
      board.id,
      board.tokens.participant,
      `user=${bob.secret}`,
    )
    const leadMain = openRawSocket(server.url, board.id, board.tokens.facilitator)
    const projector = openRawSocket(server.url, board.id, board.tokens.viewer)
    await Promise.all([bobMain.opened, leadMain.opened, projector.opened])
    const main = connect(board.id, board.tokens.participant, alice)
    const secret = connect(privateRoomId(board.id, alice.id), board.tokens.participant, alice)
    const bobsOwn = connect(privateRoomId(board.id, bob.id), board.tokens.participant, bob)
    await Promise.all([main.synced(), secret.synced(), bobsOwn.synced()])
    await eventually(() => expect(readFacilitation(main.doc).phase.private).toBe(true))
    addItems(
      secret.doc,
      [note('a1', 'ALICE-PRIVATE-THOUGHT', { authorId: 'spoofed' })],
      LOCAL_ORIGIN,
    )
    addItems(bobsOwn.doc, [note('b1', 'BOB-PRIVATE-THOUGHT')], LOCAL_ORIGIN)
    // Stored on the server, in the private rooms only.
    await eventually(async () => {
      const room = await server.rooms.loaded(privateRoomId(board.id, alice.id))
      expect(room && noteTexts(room.doc).a1).toBe('ALICE-PRIVATE-THOUGHT')
    })
    await server.rooms.flushAll()
    const seen = (s: { frames: Uint8Array[] }, text: string) =>
      s.frames.some((f) => Buffer.from(f).includes(text))
    for (const s of [bobMain, leadMain, projector])
      expect(seen(s, 'ALICE-PRIVATE-THOUGHT')).toBe(false)
    expect(readItems(facilitator.doc).map((i) => i.id)).not.toContain('a1')

    setPrivate(false)
    await eventually(() => {
      const texts = readItems(main.doc).map((i) => i.kind === 'note' && i.text)
      expect(texts).toContain('ALICE-PRIVATE-THOUGHT')
      expect(texts).toContain('BOB-PRIVATE-THOUGHT')
    })
    expect(seen(bobMain, 'ALICE-PRIVATE-THOUGHT') || seen(leadMain, 'ALICE-PRIVATE-THOUGHT')).toBe(
      true,
    )
    // Authors are who owned the private room, not what the note claimed.
    const moved = readItems(facilitator.doc).find((i) => i.id === 'a1')
    expect(moved?.authorId).toBe(alice.id)
    // The private rooms are emptied, and their owners see it.
    await eventually(() => {
      expect(items(secret.doc).all()).toEqual([])
      expect(items(bobsOwn.doc).all()).toEqual([])
    })
    for (const s of [bobMain, leadMain, projector]) s.ws.close()
  })

  it('survives the private room being closed before the reveal', async () => {
    setPrivate(true)
    const carol = await newPerson()
    const own = connect(privateRoomId(board.id, carol.id), board.tokens.participant, carol)
    await own.synced()
    addItems(own.doc, [note('c1', 'CAROL-OFFLINE')], LOCAL_ORIGIN)
    await eventually(async () => {
      const room = await server.rooms.loaded(privateRoomId(board.id, carol.id))
      expect(room && items(room.doc).get('c1')).toBeTruthy()
    })
    own.destroy()
    await eventually(() =>
      expect(server.rooms.loadedIds).not.toContain(privateRoomId(board.id, carol.id)),
    )
    setPrivate(false)
    await eventually(() =>
      expect(readItems(facilitator.doc).find((i) => i.id === 'c1')?.authorId).toBe(carol.id),
    )
  })
})

describe('writes to a private room', () => {
  it('are refused while private writing is not running, and change nothing', async () => {
    setPrivate(false)
    await eventually(async () => {
      const room = await server.rooms.loaded(board.id)
      expect(room && readFacilitation(room.doc).phase.private).toBe(false)
    })
    const dave = await newPerson()
    const roomId = privateRoomId(board.id, dave.id)
    const own = connect(roomId, board.tokens.participant, dave)
    // Syncing with nothing new is no write: the socket stays open.
    await own.synced()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(own.closes).toEqual([])
    addItems(own.doc, [note('d1', 'DAVE-TOO-LATE')], LOCAL_ORIGIN)
    await eventually(() => expect(own.closes[0]?.code).toBe(CLOSE_FORBIDDEN))
    own.destroy()
    const room = await server.rooms.loaded(roomId)
    expect(room ? items(room.doc).all() : []).toEqual([])
    const again = connect(roomId, board.tokens.participant, dave)
    await again.synced()
    expect(items(again.doc).all()).toEqual([])
    expect(readItems(facilitator.doc).map((i) => i.id)).not.toContain('d1')
    again.destroy()
  })
})
