import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportJson } from '../../shared/export/json.ts'
import { readItems } from '../../shared/doc/index.ts'
import { createToken } from '../../server/auth/tokens.ts'
import { buildSeedBoard } from '../fixtures/seed-board.ts'
import { connectClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import { createBoard, type CreatedBoard } from '../helpers/http.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

let server: TestServer
let board: CreatedBoard

beforeAll(async () => {
  server = await startTestServer({ storage: 'sqlite' })
  board = await createBoard(server.url, { title: 'Exports' })
})
afterAll(() => server.stop())

const exportUrl = (id: string, format: string) =>
  `${server.url}/api/boards/${id}/export?format=${format}`
const auth = (token: string) => ({ authorization: `Bearer ${token}` })

async function importBoard(id: string, token: string, body: string) {
  const res = await fetch(`${server.url}/api/boards/${id}/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth(token) },
    body,
  })
  return { status: res.status, body: (await res.json()) as { ok?: boolean; error?: string } }
}

describe('GET /api/boards/:id/export', () => {
  it('exports what connected clients wrote, in every format, with its content type', async () => {
    const client = connectClient(server.url, board.id, board.tokens.participant, { acks: true })
    await client.synced()
    addNotes(client.doc, note('n1', 'Define update mechanism'))
    await eventually(async () => {
      const res = await fetch(exportUrl(board.id, 'csv'), { headers: auth(board.tokens.viewer) })
      expect(await res.text()).toContain('Define update mechanism')
    })
    client.destroy()
    const expected: Record<string, RegExp> = {
      wikitext: /^text\/x-wiki/,
      markdown: /^text\/markdown/,
      json: /^application\/json/,
      csv: /^text\/csv/,
    }
    for (const [format, type] of Object.entries(expected)) {
      const res = await fetch(exportUrl(board.id, format), { headers: auth(board.tokens.viewer) })
      expect(res.status, format).toBe(200)
      expect(res.headers.get('content-type'), format).toMatch(type)
      expect(res.headers.get('content-disposition'), format).toMatch(/^attachment; filename="/)
      expect(await res.text(), format).toContain('Define update mechanism')
    }
  })

  it('refuses a missing or wrong token, another board’s token, an unknown format or board', async () => {
    const other = await createBoard(server.url)
    const cases: [string, Record<string, string>, number][] = [
      [exportUrl(board.id, 'json'), {}, 401],
      [exportUrl(board.id, 'json'), auth('pnot-a-token'), 401],
      [exportUrl(board.id, 'json'), auth(other.tokens.facilitator), 401],
      [exportUrl(board.id, 'pdf'), auth(board.tokens.viewer), 400],
    ]
    for (const [url, headers, status] of cases) {
      const res = await fetch(url, { headers })
      expect(res.status, `${url} ${JSON.stringify(headers)}`).toBe(status)
      expect(((await res.json()) as { error: string }).error).toBeTruthy()
    }
  })
})

describe('POST /api/boards/:id/import', () => {
  it('replaces the board for everyone connected, stored before it answers', async () => {
    const target = await createBoard(server.url)
    const client = connectClient(server.url, target.id, target.tokens.participant)
    await client.synced()
    const seed = exportJson(buildSeedBoard())
    const res = await importBoard(target.id, target.tokens.facilitator, seed)
    expect(res).toMatchObject({ status: 200, body: { ok: true } })
    await eventually(() =>
      expect(readItems(client.doc).length).toBe(readItems(buildSeedBoard()).length),
    )
    client.destroy()

    // Export, import into a new board, export again: the same JSON.
    const first = await (
      await fetch(exportUrl(target.id, 'json'), { headers: auth(target.tokens.viewer) })
    ).text()
    const copy = await createBoard(server.url)
    expect((await importBoard(copy.id, copy.tokens.facilitator, first)).status).toBe(200)
    const second = await (
      await fetch(exportUrl(copy.id, 'json'), { headers: auth(copy.tokens.viewer) })
    ).text()
    const strip = (text: string) => {
      const { exportedAt: _a, source: _s, ...rest } = JSON.parse(text) as Record<string, unknown>
      return rest
    }
    expect(strip(second)).toEqual(strip(first))
  })

  it('refuses participants, broken JSON and bad files, changing nothing', async () => {
    const target = await createBoard(server.url)
    const client = connectClient(server.url, target.id, target.tokens.participant, { acks: true })
    await client.synced()
    addNotes(client.doc, note('keep', 'stays'))
    await eventually(() => expect(client.acks.length).toBeGreaterThan(1))
    const valid = exportJson(buildSeedBoard())
    const future = JSON.stringify({ ...JSON.parse(valid), version: 999 })
    const cases: [string, string, number][] = [
      [target.tokens.participant, valid, 403],
      [target.tokens.viewer, valid, 403],
      [target.tokens.facilitator, '{"type": "workshop-board", ', 400],
      [target.tokens.facilitator, '{"type":"spreadsheet","version":1}', 400],
      [target.tokens.facilitator, future, 400],
      [target.tokens.facilitator, '', 400],
    ]
    for (const [token, body, status] of cases) {
      const res = await importBoard(target.id, token, body)
      expect(res.status, body.slice(0, 40)).toBe(status)
      expect(res.body.error).toBeTruthy()
    }
    expect(noteTexts(client.doc)).toEqual({ keep: 'stays' })
    const csv = await (
      await fetch(exportUrl(target.id, 'csv'), { headers: auth(target.tokens.viewer) })
    ).text()
    expect(csv).toContain('stays')
    expect(csv).not.toContain('update mechanism')
    client.destroy()
  })

  it('answers 404 for a validly signed board that does not exist', async () => {
    const secret = readFileSync(join(server.dataDir, 'secret'), 'utf8').trim()
    const token = createToken(secret, 'nosuchboard', 'facilitator')
    const res = await fetch(exportUrl('nosuchboard', 'json'), { headers: auth(token) })
    expect(res.status).toBe(404)
  })
})
