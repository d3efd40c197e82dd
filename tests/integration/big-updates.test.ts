/**
 * The biggest updates a board accepts are judged a slice per event-loop turn (so that other
 * boards are served meanwhile), and a board nobody is on stays loaded for a while. Judging in
 * slices must not change what the board ends up holding: whatever arrives meanwhile waits for
 * the verdict, in order, and a change the server makes meanwhile is judged against.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { deleteItems, items, SYSTEM_ORIGIN } from '../../shared/doc/index.ts'
import { MESSAGE_SAVED } from '../../shared/protocol/messages.ts'
import type { Room } from '../../server/sync/room.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import { openRawSocket, updateFrame, type RawSocket } from '../helpers/raw-socket.ts'
import { startTestServer, type TestServer, type TestServerOptions } from '../helpers/server.ts'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

/** Post-its pasted at once: 7,500 items, most of the most one update may hold. */
const PASTED = 1_500

async function setup(options: TestServerOptions) {
  const server: TestServer = await startTestServer(options)
  cleanup.push(() => server.stop())
  const board = await server.createBoard()
  const connect = (token: string): TestClient => {
    const c = connectClient(server.url, board.id, token)
    cleanup.push(() => c.destroy())
    return c
  }
  const raw = async (token = board.tokens.participant, query = ''): Promise<RawSocket> => {
    const socket = openRawSocket(server.url, board.id, token, query)
    cleanup.push(() => socket.ws.close())
    await socket.opened
    return socket
  }
  return { server, board, connect, raw }
}

/** Edits made on a copy of what `client` holds, each as the update it makes. */
function editsOn(client: TestClient, ...edits: ((doc: Y.Doc) => void)[]): Uint8Array[] {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(client.doc))
  return edits.map((edit) => {
    const before = Y.encodeStateVector(doc)
    edit(doc)
    return Y.encodeStateAsUpdate(doc, before)
  })
}

const paste = (doc: Y.Doc) =>
  addNotes(doc, ...Array.from({ length: PASTED }, (_, i) => note(`p${i}`, `idea ${i}`)))

const appendText = (id: string, more: string) => (doc: Y.Doc) => {
  const text = items(doc).map.get(id)!.get('text') as Y.Text
  text.insert(text.length, more)
}

/** Resolves once the room is judging an update across turns (checked every turn, for 5 s). */
async function judging(room: Room): Promise<void> {
  const until = performance.now() + 5000
  while (performance.now() < until) {
    if (room.judgingUpdate) return
    await new Promise((resolve) => setImmediate(resolve))
  }
  throw new Error('the room never judged an update across turns')
}

const open = (socket: RawSocket) => socket.ws.readyState === WebSocket.OPEN

describe('an update judged across event-loop turns', () => {
  it('holds back what arrives meanwhile, from its socket and others, and takes it in after', async () => {
    // A slice of no time: every step of the judgment is a turn of its own.
    const { server, board, connect, raw } = await setup({ judgeSliceMs: 0 })
    const viewer = connect(board.tokens.viewer)
    await viewer.synced()
    const room = server.rooms.peek(board.id)!
    // The second edit builds on the first: judged before the paste is in, it would refer to
    // content the board does not have.
    const [pasted, edited] = editsOn(viewer, paste, appendText('p7', ' (edited)'))
    const [other] = editsOn(viewer, (d) => addNotes(d, note('q', 'from someone else')))
    const a = await raw()
    const b = await raw()
    a.send(updateFrame(pasted!))
    a.send(updateFrame(edited!))
    await judging(room)
    b.send(updateFrame(other!))

    await eventually(() => {
      const texts = noteTexts(viewer.doc)
      expect(Object.keys(texts)).toHaveLength(PASTED + 1)
      expect(texts['p7']).toBe('idea 7 (edited)')
      expect(texts['q']).toBe('from someone else')
    })
    expect(open(a) && open(b)).toBe(true)
    expect(room.judgingUpdate).toBe(false)
  })

  it('judges again when the server changes the board meanwhile', async () => {
    const { server, board, connect, raw } = await setup({ judgeSliceMs: 0 })
    const author = connect(board.tokens.participant)
    await author.synced()
    addNotes(author.doc, note('n1', 'soon removed'))
    const viewer = connect(board.tokens.viewer)
    await eventually(() => expect(noteTexts(viewer.doc)['n1']).toBe('soon removed'))
    const room = server.rooms.peek(board.id)!
    // One update: an edit of a post-it (judged first), then a paste. The server removes the
    // post-it while the paste is judged: the edit is then of something removed meanwhile, which
    // Yjs keeps out of sight, not a write to a record of no kind.
    const [update] = editsOn(viewer, (d) => {
      appendText('n1', ' but edited')(d)
      paste(d)
    })
    const a = await raw()
    a.send(updateFrame(update!))
    await judging(room)
    deleteItems(room.doc, ['n1'], SYSTEM_ORIGIN)

    await eventually(() => expect(Object.keys(noteTexts(viewer.doc))).toHaveLength(PASTED))
    expect(noteTexts(viewer.doc)['n1']).toBeUndefined()
    expect(open(a)).toBe(true)
  })
})

describe('an update that removes many records', () => {
  it('removes them a few hundred per turn, each whole, then applies the rest', async () => {
    const { server, board, connect, raw } = await setup({})
    const viewer = connect(board.tokens.viewer)
    await viewer.synced()
    const room = server.rooms.peek(board.id)!
    const [pasted] = editsOn(viewer, paste)
    ;(await raw()).send(updateFrame(pasted!))
    await eventually(() => expect(Object.keys(noteTexts(viewer.doc))).toHaveLength(PASTED))

    // Clearing the board, and one new post-it, in one update.
    const [cleared] = editsOn(viewer, (d) => {
      deleteItems(d, Object.keys(noteTexts(d)), null)
      addNotes(d, note('fresh', 'after the clear-out'))
    })
    // Post-its each transaction of the room removed.
    const removals: number[] = []
    const map = room.doc.getMap('items')
    room.doc.on('afterTransaction', (tr: Y.Transaction) => {
      let gone = 0
      tr.changed.forEach((keys, type) => {
        if ((type as unknown) !== map) return
        for (const key of keys) if (key !== null && !map.has(key)) gone++
      })
      if (gone > 0) removals.push(gone)
    })
    // It asks to be told what is stored: not before all of its update is.
    const facilitator = await raw(board.tokens.facilitator, 'acks=1')
    const ackedAt: string[][] = []
    facilitator.ws.on('message', (data: Buffer) => {
      if (data[0] === MESSAGE_SAVED) ackedAt.push(Object.keys(noteTexts(room.doc)))
    })
    facilitator.send(updateFrame(cleared!))

    await eventually(() => expect(Object.keys(noteTexts(viewer.doc))).toEqual(['fresh']))
    expect(removals.length).toBeGreaterThan(1)
    expect(removals.reduce((a, b) => a + b, 0)).toBe(PASTED)
    await eventually(() => expect(ackedAt.length).toBeGreaterThan(0))
    expect(ackedAt.every((keys) => keys.length === 1 && keys[0] === 'fresh')).toBe(true)
    expect(open(facilitator)).toBe(true)
    // What is stored is the same.
    viewer.destroy()
    const again = connect(board.tokens.viewer)
    await again.synced()
    expect(Object.keys(noteTexts(again.doc))).toEqual(['fresh'])
  })
})

describe('a board nobody is on', () => {
  it('stays loaded for ROOM_LINGER_MS, for whoever comes back, then is stored and unloaded', async () => {
    const { server, board, connect } = await setup({ roomLingerMs: 400 })
    const first = connect(board.tokens.participant)
    await first.synced()
    addNotes(first.doc, note('kept', 'still here'))
    const room = server.rooms.peek(board.id)
    await eventually(() => expect(noteTexts(room!.doc)['kept']).toBe('still here'))
    first.destroy()
    await eventually(() => expect(room?.size).toBe(0))

    // Back within the linger: the same room, not loaded again.
    const second = connect(board.tokens.viewer)
    await second.synced()
    expect(server.rooms.peek(board.id)).toBe(room)
    expect(noteTexts(second.doc)['kept']).toBe('still here')
    second.destroy()

    await eventually(() => expect(server.rooms.loadedIds).not.toContain(board.id), 3000)
    const third = connect(board.tokens.viewer)
    await third.synced()
    expect(server.rooms.peek(board.id)).not.toBe(room)
    expect(noteTexts(third.doc)['kept']).toBe('still here')
  })
})
