import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { deleteItems, items, LOCAL_ORIGIN, updateItem } from '../../shared/doc/index.ts'
import type { VersionInfo } from '../../shared/history/types.ts'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { startTestServer, tempDir, type TestServer } from '../helpers/server.ts'
import type { CreatedBoard } from '../helpers/http.ts'

let server: TestServer | null = null
const clients: TestClient[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.stop()
  server = null
})

const auth = (token: string) => ({ authorization: `Bearer ${token}` })

async function api<T>(
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server!.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...auth(token) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const type = res.headers.get('content-type') ?? ''
  const out = type.startsWith('application/json') ? await res.json() : await res.arrayBuffer()
  return { status: res.status, body: out as T }
}

async function join(board: CreatedBoard, role: 'facilitator' | 'participant' = 'participant') {
  const client = connectClient(server!.url, board.id, board.tokens[role], { acks: true })
  clients.push(client)
  await client.synced()
  return client
}

/** Resolves once the server has stored everything the client sent. */
async function saved(client: TestClient) {
  await eventually(() => {
    const ack = client.acks.at(-1)
    const mine = Y.encodeStateVector(client.doc)
    expect(ack && Y.decodeStateVector(ack)).toEqual(Y.decodeStateVector(mine))
  })
}

const saveVersion = (board: CreatedBoard, name: string, token = board.tokens.facilitator) =>
  api<VersionInfo & { error?: string }>('POST', `/api/boards/${board.id}/versions`, token, {
    name,
  })

describe('versions', () => {
  it('saves named versions that survive a restart and load as a read-only document', async () => {
    const dataDir = tempDir()
    server = await startTestServer({ storage: 'sqlite', dataDir })
    const board = await server.createBoard({ title: 'History' })
    const a = await join(board)
    addNotes(a.doc, note('n1', 'Role: PM'), note('n2', 'Gap: deploys'))
    await saved(a)
    const v1 = await saveVersion(board, 'End of Part I', board.tokens.facilitator)
    expect(v1.status).toBe(201)
    expect(v1.body).toMatchObject({ name: 'End of Part I', id: expect.any(String) })

    updateItem(a.doc, 'n1', { text: 'Role: product manager' }, LOCAL_ORIGIN)
    deleteItems(a.doc, ['n2'], LOCAL_ORIGIN)
    addNotes(a.doc, note('n3', 'Later'))
    await saved(a)
    await saveVersion(board, 'Part II')
    a.destroy()
    clients.length = 0
    await server.close()

    server = await startTestServer({ storage: 'sqlite', dataDir })
    const list = await api<{ versions: VersionInfo[] }>(
      'GET',
      `/api/boards/${board.id}/versions`,
      board.tokens.viewer,
    )
    expect(list.status).toBe(200)
    expect(list.body.versions.map((v) => v.name)).toEqual(['End of Part I', 'Part II'])

    const state = await api<ArrayBuffer>(
      'GET',
      `/api/boards/${board.id}/versions/${v1.body.id}`,
      board.tokens.viewer,
    )
    expect(state.status).toBe(200)
    const past = new Y.Doc()
    Y.applyUpdate(past, new Uint8Array(state.body))
    expect(noteTexts(past)).toEqual({ n1: 'Role: PM', n2: 'Gap: deploys' })

    const json = await api<{ records: { items: { id: string }[] } }>(
      'GET',
      `/api/boards/${board.id}/versions/${v1.body.id}?format=json`,
      board.tokens.participant,
    )
    expect(json.body.records.items.map((i) => i.id).sort()).toEqual(['n1', 'n2'])
    await server.stop()
    server = null
  })

  it('restores a version as a new change that every client receives', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    const a = await join(board)
    const b = await join(board, 'facilitator')
    addNotes(a.doc, note('n1', 'Keep'), note('n2', 'Deleted later'), note('n3', 'Edited later'))
    await saved(a)
    const v1 = await saveVersion(board, 'Before')
    updateItem(a.doc, 'n3', { text: 'Edited', x: 300 }, LOCAL_ORIGIN)
    deleteItems(a.doc, ['n2'], LOCAL_ORIGIN)
    addNotes(a.doc, note('n4', 'Newer'))
    await saved(a)
    await eventually(() => expect(noteTexts(b.doc).n4).toBe('Newer'))
    const historyBefore = Y.encodeStateVector(b.doc)

    const res = await api<{ added: string[]; removed: string[]; changed: string[] }>(
      'POST',
      `/api/boards/${board.id}/versions/${v1.body.id}/restore`,
      board.tokens.facilitator,
      {},
    )
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ added: ['n2'], removed: ['n4'], changed: ['n3'] })
    const expected = { n1: 'Keep', n2: 'Deleted later', n3: 'Edited later' }
    for (const c of [a, b]) await eventually(() => expect(noteTexts(c.doc)).toEqual(expected))
    expect(items(a.doc).get('n3')?.x).toBe(0)
    // A new change on top of history, not a rewind: the state vector only grew.
    const after = Y.decodeStateVector(Y.encodeStateVector(b.doc))
    for (const [client, clock] of Y.decodeStateVector(historyBefore))
      expect(after.get(client)).toBeGreaterThanOrEqual(clock)
    expect([...after.values()].reduce((s, n) => s + n, 0)).toBeGreaterThan(
      [...Y.decodeStateVector(historyBefore).values()].reduce((s, n) => s + n, 0),
    )
    // A client that joins later gets the restored board from the store.
    const late = await join(board)
    expect(noteTexts(late.doc)).toEqual(expected)
    // The activity feed says what the restore did, by no person.
    const activity = await api<{
      entries: { personId: string | null; name: string; kind: string; recordId: string }[]
    }>('GET', `/api/boards/${board.id}/activity`, board.tokens.viewer)
    const restored = activity.body.entries.filter((e) => e.name.startsWith('↺'))
    expect(restored.every((e) => e.personId === null)).toBe(true)
    expect(restored.map((e) => `${e.name}:${e.kind}:${e.recordId}`).sort()).toEqual([
      '↺ Before:added:n2',
      '↺ Before:changed:n3',
      '↺ Before:deleted:n4',
    ])
  })

  it('restores single items and leaves everything else as it is', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    const a = await join(board)
    addNotes(a.doc, note('n1', 'One'), note('n2', 'Two'))
    await saved(a)
    const v1 = await saveVersion(board, 'Start')
    deleteItems(a.doc, ['n1'], LOCAL_ORIGIN)
    updateItem(a.doc, 'n2', { text: 'Two, edited' }, LOCAL_ORIGIN)
    addNotes(a.doc, note('n3', 'Three'))
    await saved(a)
    const res = await api(
      'POST',
      `/api/boards/${board.id}/versions/${v1.body.id}/restore`,
      board.tokens.facilitator,
      { itemIds: ['n1'] },
    )
    expect(res.status).toBe(200)
    await eventually(() =>
      expect(noteTexts(a.doc)).toEqual({ n1: 'One', n2: 'Two, edited', n3: 'Three' }),
    )
  })

  it('refuses bad requests with clear errors and changes nothing', async () => {
    server = await startTestServer()
    const board = await server.createBoard()
    const a = await join(board)
    addNotes(a.doc, note('n1', 'One'))
    await saved(a)
    const v = await saveVersion(board, 'v')
    const base = `/api/boards/${board.id}/versions`
    const cases: [string, string, string, unknown, number][] = [
      ['POST', base, board.tokens.participant, { name: 'x' }, 403],
      ['POST', base, board.tokens.viewer, { name: 'x' }, 403],
      ['POST', base, 'nonsense', { name: 'x' }, 401],
      ['POST', base, board.tokens.facilitator, { name: '' }, 400],
      ['POST', base, board.tokens.facilitator, '{broken', 400],
      ['POST', base, board.tokens.facilitator, { name: 'x'.repeat(500) }, 400],
      ['GET', `${base}/nope`, board.tokens.viewer, undefined, 404],
      ['GET', `${base}/${v.body.id}?format=xml`, board.tokens.viewer, undefined, 400],
      ['POST', `${base}/${v.body.id}/restore`, board.tokens.participant, {}, 403],
      ['POST', `${base}/nope/restore`, board.tokens.facilitator, {}, 404],
      ['POST', `${base}/${v.body.id}/restore`, board.tokens.facilitator, { itemIds: 'n1' }, 400],
      ['POST', `${base}/${v.body.id}/restore`, board.tokens.facilitator, { itemIds: ['zz'] }, 400],
      ['POST', `${base}/${v.body.id}/restore`, board.tokens.facilitator, { itemIds: ['a b'] }, 400],
    ]
    const before = Y.encodeStateVector(a.doc)
    for (const [method, path, token, body, status] of cases) {
      const res = await api<{ error?: string }>(method, path, token, body)
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status)
      expect(res.body.error).toEqual(expect.any(String))
    }
    const list = await api<{ versions: VersionInfo[] }>('GET', base, board.tokens.viewer)
    expect(list.body.versions).toHaveLength(1)
    // The version never existed for another board's token.
    const other = await server.createBoard()
    const foreign = await api('GET', `${base}/${v.body.id}`, other.tokens.facilitator)
    expect(foreign.status).toBe(401)
    await saved(a)
    expect(Y.encodeStateVector(a.doc)).toEqual(before)
  })
})
