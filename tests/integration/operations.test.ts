/**
 * What operations rely on: liveness and readiness that reflect the store and a drain, a drain
 * that closes clients with 4503 spread over time, and Prometheus metrics.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { CLOSE_SHUTTING_DOWN } from '../../shared/protocol/messages.ts'
import { MemoryStore } from '../../server/persistence/memory.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { connectClient, wsBase, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import { WebSocket } from 'ws'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/** A memory store whose database can be "unplugged". */
class FlakyStore extends MemoryStore {
  down = false
  override async ping(): Promise<void> {
    if (this.down) throw new Error('connection refused')
  }
}

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

async function start(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const server = await startTestServer(options)
  cleanup.push(() => server.stop())
  return server
}

function connect(server: TestServer, boardId: string, token: string): TestClient {
  const client = connectClient(server.url, boardId, token)
  cleanup.push(() => client.destroy())
  return client
}

const getJson = async (url: string) => {
  const res = await fetch(url)
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

/** A metric's value in Prometheus text, by its name with labels as printed. */
function metric(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line ? Number(line.slice(series.length + 1)) : undefined
}

describe('health checks', () => {
  it('answer 503 while the store fails, and 200 again once it is back', async () => {
    const store = new FlakyStore()
    const server = await start({ store })
    expect(await getJson(`${server.url}/healthz`)).toMatchObject({
      status: 200,
      body: { ok: true, store: 'ok' },
    })
    expect((await getJson(`${server.url}/readyz`)).status).toBe(200)
    store.down = true
    expect(await getJson(`${server.url}/healthz`)).toMatchObject({
      status: 503,
      body: { ok: false, store: 'failing', error: 'connection refused' },
    })
    expect(await getJson(`${server.url}/readyz`)).toMatchObject({
      status: 503,
      body: { ready: false, draining: false, store: 'failing' },
    })
    store.down = false
    expect((await getJson(`${server.url}/healthz`)).status).toBe(200)
  })
})

describe('a drain', () => {
  it('says not ready, refuses new sockets, stores everything and closes clients with 4503 spread out', async () => {
    const serverSecret = 'a-secret-both-servers-share'
    const server = await start({ drainMs: 800, serverSecret })
    const board = await server.createBoard()
    const clients = Array.from({ length: 6 }, () =>
      connect(server, board.id, board.tokens.participant),
    )
    await Promise.all(clients.map((c) => c.synced()))
    const closedAt: number[] = []
    for (const c of clients) c.provider.on('connection-close', () => closedAt.push(Date.now()))
    addNotes(clients[0]!.doc, note('last', 'written as the drain starts'))
    const drained = server.drain()

    expect(await getJson(`${server.url}/readyz`)).toMatchObject({
      status: 503,
      body: { ready: false, draining: true },
    })
    const late = new WebSocket(
      `${wsBase(server.url)}/${board.id}?token=${board.tokens.participant}`,
    )
    late.on('error', () => {})
    const refused = await new Promise<number>((resolve) =>
      late.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    )
    expect(refused).toBe(503)
    const codes = await Promise.all(clients.map((c) => c.closed(10_000)))
    expect(codes.map((c) => c.code)).toEqual(clients.map(() => CLOSE_SHUTTING_DOWN))
    for (const c of clients) c.provider.disconnect()
    await drained
    // Spread over the drain time rather than all in one instant (a slow machine only widens it).
    expect(Math.max(...closedAt) - Math.min(...closedAt)).toBeGreaterThanOrEqual(400)

    const again = await start({ store: server.store, serverSecret })
    const reader = connect(again, board.id, board.tokens.viewer)
    await reader.synced()
    expect(noteTexts(reader.doc)).toEqual({ last: 'written as the drain starts' })
  })
})

describe('GET /metrics', () => {
  it('reports rooms, connections by role, stored updates, store latency and refusals', async () => {
    const server = await start()
    const board = await server.createBoard()
    const writer = connect(server, board.id, board.tokens.participant)
    const viewer = connect(server, board.id, board.tokens.viewer)
    await Promise.all([writer.synced(), viewer.synced()])
    addNotes(writer.doc, note('n1', 'counted'))
    await eventually(() => expect(noteTexts(viewer.doc)).toEqual({ n1: 'counted' }))
    // A viewer's edit is refused (4403) and counted.
    addNotes(viewer.doc, note('v1', 'not allowed'))
    await viewer.closed()
    viewer.provider.disconnect()

    await eventually(async () => {
      const res = await fetch(`${server.url}/metrics`)
      expect(res.headers.get('content-type')).toContain('text/plain')
      const text = await res.text()
      expect(metric(text, 'board_rooms_loaded')).toBe(1)
      expect(metric(text, 'board_connections{role="participant"}')).toBe(1)
      expect(metric(text, 'board_connections{role="viewer"}')).toBe(0)
      expect(metric(text, 'board_updates_stored_total')).toBeGreaterThanOrEqual(1)
      expect(metric(text, 'board_update_bytes_stored_total')).toBeGreaterThan(10)
      expect(metric(text, 'board_store_seconds_count{op="append"}')).toBeGreaterThanOrEqual(1)
      expect(metric(text, 'board_refused_total{reason="forbidden"}')).toBe(1)
      expect(metric(text, 'process_resident_memory_bytes')).toBeGreaterThan(0)
    })
  })
})
