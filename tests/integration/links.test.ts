/** Links with a lifecycle: rotating one role's link, expiry dates, and what old links still do. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLOSE_LINK_REVOKED, CLOSE_UNAUTHORIZED } from '../../shared/protocol/messages.ts'
import { MemoryStore } from '../../server/persistence/memory.ts'
import { connectClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { openRawSocket } from '../helpers/raw-socket.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

interface LinkInfo {
  token: string
  link: string
  generation: number
  expiresAt: string | null
}
type Links = Record<'facilitator' | 'participant' | 'viewer', LinkInfo>

let server: TestServer
let board: CreatedBoard

beforeAll(async () => {
  server = await startTestServer({ serverSecret: 'links-test-secret-0123456789' })
  board = await server.createBoard({ title: 'links' })
})
afterAll(() => server.stop())

async function api(
  base: string,
  path: string,
  token: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: { links: Links; error?: string } }> {
  const res = await fetch(`${base}/api/boards/${board.id}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return { status: res.status, body: (await res.json()) as { links: Links; error?: string } }
}

const closeCodeOf = async (url: string, token: string) =>
  (await openRawSocket(url, board.id, token).closed).code

describe('the links API', () => {
  it('lists the current links for facilitators only', async () => {
    const res = await api(server.url, '/links', board.tokens.facilitator)
    expect(res.status).toBe(200)
    expect(res.body.links.participant).toMatchObject({
      token: board.tokens.participant,
      generation: 0,
      expiresAt: null,
    })
    expect(res.body.links.viewer.link).toBe(board.links.viewer)
    expect((await api(server.url, '/links', board.tokens.participant)).status).toBe(403)
    expect((await api(server.url, '/links', 'pforged')).status).toBe(401)
  })

  it('refuses an unknown role and a bad expiry', async () => {
    const f = board.tokens.facilitator
    expect((await api(server.url, '/links/owner/rotate', f, { method: 'POST' })).status).toBe(404)
    const bad = await api(server.url, '/links/viewer', f, {
      method: 'PUT',
      body: { expiresAt: 'next tuesday' },
    })
    expect(bad.status).toBe(400)
  })
})

describe('rotating a link', () => {
  it('closes live sockets of the old link with 4410 within 5 s, and only those', async () => {
    const participant = connectClient(server.url, board.id, board.tokens.participant)
    const viewer = connectClient(server.url, board.id, board.tokens.viewer)
    await Promise.all([participant.synced(), viewer.synced()])
    const started = Date.now()
    const res = await api(server.url, '/links/participant/rotate', board.tokens.facilitator, {
      method: 'POST',
    })
    expect(res.status).toBe(200)
    const fresh = res.body.links.participant
    expect(fresh.generation).toBe(1)
    expect(fresh.token).not.toBe(board.tokens.participant)
    expect((await participant.closed(5000)).code).toBe(CLOSE_LINK_REVOKED)
    console.info(`[links] old participant socket closed ${Date.now() - started} ms after rotating`)
    // The old link opens nothing any more, over the socket or HTTP; the new one does.
    expect(await closeCodeOf(server.url, board.tokens.participant)).toBe(CLOSE_LINK_REVOKED)
    const exported = await fetch(`${server.url}/api/boards/${board.id}/export?format=json`, {
      headers: { authorization: `Bearer ${board.tokens.participant}` },
    })
    expect(exported.status).toBe(401)
    const renewed = connectClient(server.url, board.id, fresh.token)
    await renewed.synced()
    // Other roles' links keep working.
    expect(viewer.closes).toEqual([])
    expect(res.body.links.viewer.token).toBe(board.tokens.viewer)
    participant.destroy()
    viewer.destroy()
    renewed.destroy()
  })

  it('reaches sockets on another server process sharing the store within 5 s', async () => {
    const store = new MemoryStore()
    const secret = 'shared-secret-between-processes'
    const a = await startTestServer({ store, serverSecret: secret })
    const b = await startTestServer({ store, serverSecret: secret })
    try {
      const shared = await a.createBoard()
      const onB = connectClient(b.url, shared.id, shared.tokens.viewer)
      await onB.synced()
      const res = await fetch(`${a.url}/api/boards/${shared.id}/links/viewer/rotate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${shared.tokens.facilitator}` },
      })
      expect(res.status).toBe(200)
      const started = Date.now()
      expect((await onB.closed(5000)).code).toBe(CLOSE_LINK_REVOKED)
      console.info(`[links] socket on the other server closed ${Date.now() - started} ms after`)
      onB.destroy()
    } finally {
      await a.stop()
      await b.stop()
    }
  })
})

describe('expiry', () => {
  it('closes live sockets when the link expires, refuses new ones, and can be lifted', async () => {
    const viewer = connectClient(server.url, board.id, board.tokens.viewer)
    await viewer.synced()
    const at = Date.now() + 400
    const res = await api(server.url, '/links/viewer', board.tokens.facilitator, {
      method: 'PUT',
      body: { expiresAt: new Date(at).toISOString() },
    })
    expect(res.status).toBe(200)
    expect(Date.parse(res.body.links.viewer.expiresAt!)).toBe(at)
    // The same token until then: expiry is not a rotation.
    expect(res.body.links.viewer.token).toBe(board.tokens.viewer)
    expect((await viewer.closed(5000)).code).toBe(CLOSE_LINK_REVOKED)
    expect(Date.now()).toBeGreaterThanOrEqual(at)
    expect(await closeCodeOf(server.url, board.tokens.viewer)).toBe(CLOSE_LINK_REVOKED)
    const lifted = await api(server.url, '/links/viewer', board.tokens.facilitator, {
      method: 'PUT',
      body: { expiresAt: null },
    })
    expect(lifted.body.links.viewer.expiresAt).toBeNull()
    await eventually(async () => {
      const again = openRawSocket(server.url, board.id, board.tokens.viewer)
      await again.opened
      again.ws.close()
    })
    viewer.destroy()
  })

  it('keeps a forged token at 4401, whatever the lifecycle', async () => {
    expect(await closeCodeOf(server.url, 'v7.' + 'A'.repeat(43))).toBe(CLOSE_UNAUTHORIZED)
  })
})
