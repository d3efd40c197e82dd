/**
 * Only facilitators change facilitation state, and nobody touches a locked item: proved with
 * hand-crafted updates on raw sockets, which no interface can stop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addItems,
  dots,
  LOCAL_ORIGIN,
  readFacilitation,
  readItems,
  rounds,
  setMeta,
  updateFacilitation,
  updateItem,
  votersMap,
} from '../../shared/doc/index.ts'
import { CLOSE_FORBIDDEN } from '../../shared/protocol/messages.ts'
import { recordTypes } from '../../shared/schema/index.ts'
import { note, noteTexts } from '../helpers/board.ts'
import { eventually } from '../helpers/eventually.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { forger } from '../helpers/forge.ts'
import { openRawSocket, updateFrame } from '../helpers/raw-socket.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectPerson, newPerson } from './facilitation-client.ts'

let server: TestServer
let board: CreatedBoard

beforeAll(async () => {
  server = await startTestServer()
  board = await server.createBoard({ title: 'roles' })
})
afterAll(() => server.stop())

const { serverDoc, forge } = forger(
  () => server,
  () => board.id,
)

/** Sends `update` on a raw socket with `token`; resolves with the close. */
async function sendRaw(token: string, update: Uint8Array) {
  const socket = openRawSocket(server.url, board.id, token)
  await socket.opened
  await eventually(() => expect(socket.frames.length).toBeGreaterThan(0))
  socket.send(updateFrame(update))
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the server did not close the socket')), 3000)
  })
  try {
    return await Promise.race([socket.closed, timeout])
  } finally {
    clearTimeout(timer)
    socket.ws.close()
  }
}

describe('roles the server enforces', () => {
  let facilitator: ReturnType<typeof connectPerson>
  let watcher: ReturnType<typeof connectPerson>

  beforeAll(async () => {
    facilitator = connectPerson(server.url, board.id, board.tokens.facilitator, await newPerson())
    watcher = connectPerson(server.url, board.id, board.tokens.participant, await newPerson())
    await Promise.all([facilitator.synced(), watcher.synced()])
    addItems(facilitator.doc, [note('free'), note('held')], LOCAL_ORIGIN)
    updateItem(facilitator.doc, 'held', { locked: true }, LOCAL_ORIGIN)
    updateFacilitation(facilitator.doc, { currentPartId: 'part1' }, LOCAL_ORIGIN)
    await eventually(async () => {
      expect(readItems(await serverDoc()).find((i) => i.id === 'held')?.locked).toBe(true)
      expect(readFacilitation(watcher.doc).currentPartId).toBe('part1')
    })
  })
  afterAll(() => {
    facilitator.destroy()
    watcher.destroy()
  })

  const forged: [string, (doc: Y.Doc) => void][] = [
    [
      'starts the timer',
      (d) =>
        updateFacilitation(
          d,
          { timer: { state: 'running', durationMs: 1, endsAt: 1, remainingMs: 1 } },
          LOCAL_ORIGIN,
        ),
    ],
    [
      'changes the current part',
      (d) => updateFacilitation(d, { currentPartId: 'mine' }, LOCAL_ORIGIN),
    ],
    [
      'starts private writing',
      (d) =>
        updateFacilitation(
          d,
          { phase: { kind: 'writing', deadline: null, private: true, frameId: null } },
          LOCAL_ORIGIN,
        ),
    ],
    [
      'opens a round',
      (d) =>
        rounds(d).add([{ ...recordTypes.round.defaults(), id: 'r9', kind: 'round' }], LOCAL_ORIGIN),
    ],
    [
      'writes dots directly',
      (d) =>
        dots(d).add(
          [
            {
              ...recordTypes.dot.defaults(),
              id: 'd9',
              kind: 'dot',
              roundId: 'r9',
              itemId: 'free',
              voterId: 'me',
            },
          ],
          LOCAL_ORIGIN,
        ),
    ],
    ['writes voters', (d) => votersMap(d).set('r9', { count: 1, ids: ['me'] })],
    ['renames the board', (d) => setMeta(d, { title: 'mine' }, LOCAL_ORIGIN)],
    ['locks an item', (d) => updateItem(d, 'free', { locked: true }, LOCAL_ORIGIN)],
    ['unlocks a locked item', (d) => updateItem(d, 'held', { locked: false }, LOCAL_ORIGIN)],
    ['moves a locked item', (d) => updateItem(d, 'held', { x: 999 }, LOCAL_ORIGIN)],
    ['deletes a locked item', (d) => d.getMap('items').delete('held')],
    [
      'hides a poster',
      (d) =>
        addItems(
          d,
          [{ ...recordTypes.frame.defaults(), id: 'f9', kind: 'frame', hidden: true }],
          LOCAL_ORIGIN,
        ),
    ],
  ]

  it.each(forged)(
    'a participant that %s by hand is closed with 4403 and nothing changes',
    async (_what, edit) => {
      const doc = await serverDoc()
      const before = Y.encodeStateVector(doc)
      const relayedBefore = Y.encodeStateVector(watcher.doc)
      const close = await sendRaw(board.tokens.participant, await forge(edit))
      expect(close.code).toBe(CLOSE_FORBIDDEN)
      expect(close.reason).toMatch(/^forbidden: /)
      await server.rooms.flushAll()
      expect(Y.encodeStateVector(doc)).toEqual(before)
      expect(Y.encodeStateVector(watcher.doc)).toEqual(relayedBefore)
      expect(readFacilitation(doc).currentPartId).toBe('part1')
    },
  )

  it('a viewer that sends a facilitation update is closed with 4403', async () => {
    const close = await sendRaw(
      board.tokens.viewer,
      await forge((d) => updateFacilitation(d, { currentPartId: 'v' }, LOCAL_ORIGIN)),
    )
    expect(close.code).toBe(CLOSE_FORBIDDEN)
  })

  it('a participant may still edit unlocked items, and the facilitator anything', async () => {
    const close = openRawSocket(server.url, board.id, board.tokens.participant)
    await close.opened
    close.send(updateFrame(await forge((d) => updateItem(d, 'free', { x: 42 }, LOCAL_ORIGIN))))
    await eventually(() => expect(readItems(watcher.doc).find((i) => i.id === 'free')?.x).toBe(42))
    close.ws.close()
    updateItem(facilitator.doc, 'held', { x: 7 }, LOCAL_ORIGIN)
    await eventually(() => expect(readItems(watcher.doc).find((i) => i.id === 'held')?.x).toBe(7))
  })

  it('a stock participant client that edits a locked item is closed, the others keep the item', async () => {
    const p = connectPerson(server.url, board.id, board.tokens.participant, await newPerson())
    try {
      await p.synced()
      updateItem(p.doc, 'held', { text: 'vandal' }, LOCAL_ORIGIN)
      await eventually(() => expect(p.closes[0]?.code).toBe(CLOSE_FORBIDDEN))
      await server.rooms.flushAll()
      expect(noteTexts(await serverDoc()).held).toBe('held')
      expect(noteTexts(watcher.doc).held).toBe('held')
    } finally {
      p.destroy()
    }
  })
})
