/**
 * The schema registry is the server's authority: updates crafted by hand on raw sockets that
 * write what the schema does not declare, or what the writer may not change, are refused with
 * nothing stored or relayed; the same kind of update is accepted where role and owner allow it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { comments, LOCAL_ORIGIN, people, readItems, updateItem } from '../../shared/doc/index.ts'
import { CLOSE_FORBIDDEN, CLOSE_MALFORMED } from '../../shared/protocol/messages.ts'
import { recordTypes, type RecordKind, type RecordOf } from '../../shared/schema/index.ts'
import { addNotes, note } from '../helpers/board.ts'
import { eventually } from '../helpers/eventually.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { openRawSocket, updateFrame } from '../helpers/raw-socket.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectPerson, newPerson, type Person, type PersonClient } from './facilitation-client.ts'

const record = <K extends RecordKind>(kind: K, id: string, extra: Partial<RecordOf<K>> = {}) =>
  ({ ...recordTypes[kind].defaults(), id, kind, ...extra }) as RecordOf<K>

let server: TestServer
let board: CreatedBoard
let bob: Person
let eve: Person
let bobClient: PersonClient
let watcher: PersonClient

beforeAll(async () => {
  server = await startTestServer()
  board = await server.createBoard({ title: 'schema' })
  bob = await newPerson()
  eve = await newPerson()
  bobClient = connectPerson(server.url, board.id, board.tokens.participant, bob)
  watcher = connectPerson(server.url, board.id, board.tokens.viewer, await newPerson())
  await Promise.all([bobClient.synced(), watcher.synced()])
  addNotes(bobClient.doc, note('n1', 'first', { authorId: bob.id }))
  people(bobClient.doc).add([record('person', bob.id, { name: 'Bob' })], LOCAL_ORIGIN)
  comments(bobClient.doc).add(
    [record('comment', 'c1', { targetId: 'n1', text: 'Bob says', authorId: bob.id })],
    LOCAL_ORIGIN,
  )
  await eventually(() => expect(comments(watcher.doc).get('c1')?.text).toBe('Bob says'))
})
afterAll(async () => {
  bobClient.destroy()
  watcher.destroy()
  await server.stop()
})

async function serverDoc() {
  const room = await server.rooms.loaded(board.id)
  if (!room) throw new Error('board not loaded')
  return room.doc
}

/** An update made on a copy of the server's state, as a hand-crafted client would. */
async function forge(edit: (doc: Y.Doc) => void): Promise<Uint8Array> {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(await serverDoc()))
  const before = Y.encodeStateVector(copy)
  edit(copy)
  return Y.encodeStateAsUpdate(copy, before)
}

/** Sends `update` as `person` with `token` on a raw socket; resolves with the close, if any. */
async function sendAs(person: Person, token: string, update: Uint8Array) {
  const socket = openRawSocket(server.url, board.id, token, `user=${person.secret}`)
  await socket.opened
  await eventually(() => expect(socket.frames.length).toBeGreaterThan(0))
  socket.send(updateFrame(update))
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 1500))
  const close = await Promise.race([socket.closed, timeout])
  socket.ws.close()
  return close
}

const field = (doc: Y.Doc, coll: string, id: string) => doc.getMap<Y.Map<unknown>>(coll).get(id)!

const refused: [string, number, (d: Y.Doc) => void][] = [
  ['writes an unknown root', CLOSE_FORBIDDEN, (d) => d.getMap('junk').set('x', 1)],
  [
    'adds a record of an unknown kind',
    CLOSE_MALFORMED,
    (d) => {
      const m = new Y.Map()
      d.getMap('items').set('s1', m)
      m.set('kind', 'spaceship')
    },
  ],
  [
    'names another person (their consent)',
    CLOSE_FORBIDDEN,
    (d) => people(d).update([[bob.id, { named: true }]], LOCAL_ORIGIN),
  ],
  [
    "rewrites another author's comment",
    CLOSE_FORBIDDEN,
    (d) => {
      const text = field(d, 'comments', 'c1').get('text') as Y.Text
      text.insert(0, 'Not what ')
    },
  ],
  [
    'writes a text longer than its limit',
    CLOSE_MALFORMED,
    (d) => (field(d, 'items', 'n1').get('text') as Y.Text).insert(0, 'x'.repeat(5001)),
  ],
  [
    'writes a record of the wrong shape',
    CLOSE_MALFORMED,
    (d) => {
      field(d, 'items', 'n1').set('x', 'left of the moon')
    },
  ],
  ['adds an unknown field', CLOSE_MALFORMED, (d) => field(d, 'items', 'n1').set('onclick', 'x')],
]

describe('the schema as the server authority', () => {
  it.each(refused)(
    'a participant that %s is closed and nothing is stored or relayed',
    async (_what, code, edit) => {
      const doc = await serverDoc()
      const before = Y.encodeStateVector(doc)
      const relayedBefore = Y.encodeStateVector(watcher.doc)
      const close = await sendAs(eve, board.tokens.participant, await forge(edit))
      expect(close?.code).toBe(code)
      expect(close?.reason).toMatch(code === CLOSE_FORBIDDEN ? /^forbidden: / : /^malformed: /)
      await server.rooms.flushAll()
      expect(Y.encodeStateVector(doc)).toEqual(before)
      expect(Y.encodeStateVector(watcher.doc)).toEqual(relayedBefore)
      const stored = await server.store.load(board.id)
      const fromStore = new Y.Doc()
      for (const u of stored!.updates) Y.applyUpdate(fromStore, u)
      expect(Y.encodeStateVector(fromStore)).toEqual(before)
    },
  )

  it('accepts the same kinds of update where the owner and the role allow them', async () => {
    const updates: [Person, Uint8Array][] = [
      [bob, await forge((d) => people(d).update([[bob.id, { named: true }]], LOCAL_ORIGIN))],
      [bob, await forge((d) => (field(d, 'comments', 'c1').get('text') as Y.Text).insert(8, '!'))],
      [eve, await forge((d) => updateItem(d, 'n1', { x: 240 }, LOCAL_ORIGIN))],
      [eve, await forge((d) => (field(d, 'items', 'n1').get('text') as Y.Text).insert(0, 'my '))],
    ]
    for (const [person, update] of updates)
      expect(await sendAs(person, board.tokens.participant, update)).toBeNull()
    await eventually(() => {
      expect(people(watcher.doc).get(bob.id)?.named).toBe(true)
      expect(comments(watcher.doc).get('c1')?.text).toBe('Bob says!')
      expect(readItems(watcher.doc).find((i) => i.id === 'n1')).toMatchObject({
        x: 240,
        text: 'my first',
      })
    })
    // A facilitator writes the wrong shape no more than anyone else.
    const close = await sendAs(
      eve,
      board.tokens.facilitator,
      await forge((d) => field(d, 'items', 'n1').set('w', -3)),
    )
    expect(close?.code).toBe(CLOSE_MALFORMED)
  })
})
