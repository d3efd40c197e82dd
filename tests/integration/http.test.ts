import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readItems, readMeta } from '../../shared/doc/index.ts'
import { connectClient } from '../helpers/client.ts'
import { postJson, type CreatedBoard } from '../helpers/http.ts'
import { startTestServer, tempDir, type TestServer } from '../helpers/server.ts'

const ADMIN = 'admin-secret-token'
let open: TestServer
let guarded: TestServer
let staticDir: string

beforeAll(async () => {
  staticDir = tempDir('board-static-')
  mkdirSync(join(staticDir, 'assets'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Board app</title>')
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log("app")')
  open = await startTestServer({ staticDir })
  guarded = await startTestServer({ adminToken: ADMIN, publicUrl: 'https://boards.example.org/' })
})
afterAll(async () => {
  await Promise.all([open.stop(), guarded.stop()])
  rmSync(staticDir, { recursive: true, force: true })
})

const post = (server: TestServer, body: unknown, headers?: Record<string, string>) =>
  postJson<CreatedBoard & { error?: string }>(`${server.url}/api/boards`, body, headers)

describe('GET /healthz', () => {
  it('answers 200 JSON', async () => {
    const res = await fetch(`${open.url}/healthz`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await res.json()).toMatchObject({ ok: true })
  })
})

describe('POST /api/boards', () => {
  it('creates a board with tokens and links for every role', async () => {
    const res = await post(open, { title: 'How do we work together', template: 'blank' })
    expect(res.status).toBe(201)
    const { id, tokens, links } = res.body
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,}$/)
    expect(Object.keys(tokens).sort()).toEqual(['facilitator', 'participant', 'viewer'])
    expect(new Set(Object.values(tokens)).size).toBe(3)
    const host = new URL(open.url).host
    expect(links.participant).toBe(`http://${host}/b/${id}#token=${tokens.participant}`)

    const client = connectClient(open.url, id, tokens.viewer)
    try {
      await client.synced()
      expect(readMeta(client.doc)).toMatchObject({ title: 'How do we work together' })
      expect(readMeta(client.doc).createdAt).toBeGreaterThan(0)
      expect(readItems(client.doc)).toEqual([])
    } finally {
      client.destroy()
    }
  })

  it('accepts an empty body', async () => {
    expect((await post(open, '')).status).toBe(201)
    expect((await post(open, {})).status).toBe(201)
  })

  it.each([
    ['broken JSON', '{"title": ', /JSON/],
    ['a non-object body', '[1, 2]', /invalid body/],
    ['a title of the wrong type', { title: 42 }, /title/],
    ['a too long title', { title: 'x'.repeat(201) }, /title/],
    ['an unknown template', { template: 'no-such-template' }, /unknown template/],
    ['an unknown field', { titel: 'typo' }, /titel/],
    ['options that are not an object', { options: 'x' }, /options/],
  ])('refuses %s with 400 and a clear error', async (_name, body, message) => {
    const res = await post(open, body)
    expect(res.status).toBe(400)
    expect(res.body.error).toMatch(message)
  })

  it('refuses a body over 64 KiB with 413', async () => {
    const res = await post(open, { title: 'x'.repeat(70 * 1024) })
    expect(res.status).toBe(413)
    expect(res.body.error).toMatch(/larger/)
  })

  it('needs the admin token when one is configured', async () => {
    expect((await post(guarded, {})).status).toBe(401)
    expect((await post(guarded, {}, { authorization: 'Bearer wrong' })).status).toBe(401)
    expect((await post(guarded, {}, { authorization: ADMIN })).status).toBe(401)
    const res = await post(guarded, {}, { authorization: `Bearer ${ADMIN}` })
    expect(res.status).toBe(201)
    expect(res.body.links.viewer).toBe(
      `https://boards.example.org/b/${res.body.id}#token=${res.body.tokens.viewer}`,
    )
  })
})

describe('other routes', () => {
  it('answers unknown API routes with 404 JSON', async () => {
    const res = await fetch(`${open.url}/api/nothing-here`)
    expect(res.status).toBe(404)
    expect(await res.json()).toHaveProperty('error')
  })

  it('answers a wrong method with 405', async () => {
    const res = await fetch(`${open.url}/api/boards`)
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('POST')
  })

  it('serves the client with an SPA fallback and security headers', async () => {
    for (const path of ['/', '/b/someBoard', '/deep/link/here']) {
      const res = await fetch(`${open.url}${path}`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<title>Board app</title>')
      const csp = res.headers.get('content-security-policy')
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("connect-src 'self';")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
    }
    const asset = await fetch(`${open.url}/assets/app-1234.js`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect(await asset.text()).toContain('console.log')
    expect((await fetch(`${open.url}/assets/missing.js`)).status).toBe(404)
  })

  it('never answers API, WebSocket or health paths with the app', async () => {
    expect((await fetch(`${open.url}/api/boards/x/unknown`)).status).toBe(404)
    expect((await fetch(`${open.url}/ws/abc`)).status).toBe(404)
  })

  it('has no static client when none is configured', async () => {
    expect((await fetch(`${guarded.url}/`)).status).toBe(404)
  })
})
