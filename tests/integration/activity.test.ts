import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import {
  addItems,
  comments,
  deleteItems,
  LOCAL_ORIGIN,
  updateItem,
} from '../../shared/doc/index.ts'
import { newUserSecret, personIdFromSecret } from '../../shared/facilitation/identity.ts'
import type { ActivityEntry } from '../../shared/history/types.ts'
import { recordTypes } from '../../shared/schema/index.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import { addNotes, note } from '../helpers/board.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { startTestServer, tempDir, type TestServer } from '../helpers/server.ts'

let server: TestServer | null = null
const clients: TestClient[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.stop()
  server = null
})

interface Person {
  client: TestClient
  id: string
}

async function joinAs(board: CreatedBoard, name: string): Promise<Person> {
  const secret = newUserSecret()
  const id = await personIdFromSecret(secret)
  const client = connectClient(server!.url, board.id, board.tokens.participant, {
    user: secret,
    acks: true,
  })
  clients.push(client)
  client.provider.awareness.setLocalState({
    user: { id, name, color: '#1864ab', role: 'participant' },
    cursor: null,
    selection: [],
  })
  await client.synced()
  return { client, id }
}

async function activity(board: CreatedBoard, query = '', token = board.tokens.viewer) {
  const res = await fetch(`${server!.url}/api/boards/${board.id}/activity${query}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  return { status: res.status, body: (await res.json()) as { entries: ActivityEntry[] } }
}

const summary = (entries: ActivityEntry[]) =>
  entries.map((e) => `${e.name}:${e.kind}:${e.recordId}`)

describe('activity', () => {
  it('records who added, changed, moved and deleted what, as the updates arrive', async () => {
    const dataDir = tempDir()
    server = await startTestServer({ storage: 'sqlite', dataDir })
    const board = await server.createBoard()
    const ana = await joinAs(board, 'Ana')
    const ben = await joinAs(board, 'Ben')

    addItems(
      ana.client.doc,
      [{ ...recordTypes.frame.defaults(), id: 'f1', kind: 'frame', title: 'Group 1' }],
      LOCAL_ORIGIN,
    )
    addNotes(ana.client.doc, note('n1', 'Role: PM', { parentId: 'f1' }))
    // Ana's moves right after adding coalesce into her one "added" entry.
    for (let x = 10; x <= 50; x += 10) updateItem(ana.client.doc, 'n1', { x }, LOCAL_ORIGIN)
    await eventually(() => expect(ben.client.doc.getMap('items').has('n1')).toBe(true))
    updateItem(ben.client.doc, 'n1', { text: 'Role: product manager' }, LOCAL_ORIGIN)
    addNotes(ben.client.doc, note('n2', 'Gap', { parentId: 'f1' }))
    await eventually(() => expect(ana.client.doc.getMap('items').has('n2')).toBe(true))
    updateItem(ana.client.doc, 'n2', { y: 99 }, LOCAL_ORIGIN)
    updateItem(ana.client.doc, 'f1', { title: 'Group one' }, LOCAL_ORIGIN)
    deleteItems(ana.client.doc, ['n2'], LOCAL_ORIGIN)
    // Ben comments once Ana's edits have reached him, so the order of the log is fixed.
    await eventually(() => expect(ben.client.doc.getMap('items').has('n2')).toBe(false))
    comments(ben.client.doc).add(
      [
        {
          ...recordTypes.comment.defaults(),
          id: 'c1',
          kind: 'comment',
          targetId: 'n1',
          text: 'Which PM?',
        },
      ],
      LOCAL_ORIGIN,
    )

    const entries = await eventually(async () => {
      const { body } = await activity(board)
      expect(summary(body.entries)).toEqual([
        'Ana:added:f1',
        'Ana:added:n1',
        'Ben:changed:n1',
        'Ben:added:n2',
        'Ana:moved:n2',
        'Ana:changed:f1',
        'Ana:deleted:n2',
        'Ben:added:c1',
      ])
      return body.entries
    })
    const byKey = new Map(entries.map((e) => [`${e.name}:${e.kind}:${e.recordId}`, e]))
    expect(byKey.get('Ana:added:n1')).toMatchObject({
      personId: ana.id,
      frameId: 'f1',
      recordKind: 'note',
      count: 6,
    })
    // A deleted record keeps the poster it was on; a comment is on its target's poster.
    expect(byKey.get('Ana:deleted:n2')?.frameId).toBe('f1')
    expect(byKey.get('Ben:added:c1')).toMatchObject({ frameId: 'f1', collection: 'comments' })

    const bens = await activity(board, `?person=${ben.id}`)
    expect(summary(bens.body.entries)).toEqual(['Ben:changed:n1', 'Ben:added:n2', 'Ben:added:c1'])
    const later = await activity(board, `?since=${byKey.get('Ana:changed:f1')!.at - 1}`)
    expect(later.body.entries.length).toBeLessThan(entries.length)
    expect(summary(later.body.entries)).toContain('Ana:deleted:n2')
    const onPoster = await activity(board, '?frame=f1')
    expect(onPoster.body.entries).toHaveLength(entries.length)

    // Stored with the board: a restarted server still knows.
    for (const c of clients.splice(0)) c.destroy()
    const s = server
    await eventually(() => expect(s.rooms.loadedIds).not.toContain(board.id))
    await eventually(async () =>
      expect(await s.store.activity.query(board.id)).toHaveLength(entries.length),
    )
    await server.close()
    server = await startTestServer({ storage: 'sqlite', dataDir })
    expect(summary((await activity(board)).body.entries)).toEqual(summary(entries))
    await server.stop()
    server = null
  })

  it('refuses bad queries and unknown tokens', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    for (const q of ['?since=yesterday', '?person=a%20b', '?frame=', '?limit=-1']) {
      const res = await activity(board, q)
      expect(res.status, q).toBe(400)
    }
    expect((await activity(board, '', 'nope')).status).toBe(401)
    expect((await activity(board, '', board.tokens.participant)).status).toBe(200)
  })

  it('does not record what a viewer tried to write', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    const viewer = connectClient(server.url, board.id, board.tokens.viewer)
    clients.push(viewer)
    await viewer.synced()
    addNotes(viewer.doc, note('n1'))
    await viewer.closed()
    expect((await activity(board)).body.entries).toEqual([])
    expect(Y.encodeStateVector(viewer.doc).length).toBeGreaterThan(0)
  })
})
