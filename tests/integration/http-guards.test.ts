/**
 * The HTTP side of a public server: foreign origins, non-JSON bodies, board creation floods,
 * and requests that never finish (headers or body sent slowly or not at all).
 */
import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { wsBase } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { startStallProbe } from '../helpers/stall-probe.ts'

let server: TestServer
let board: CreatedBoard

beforeAll(async () => {
  server = await startTestServer({
    limits: {
      boardsPerMinute: 5,
      allowedOrigins: ['https://partner.example.org'],
      headersTimeoutMs: 500,
      requestTimeoutMs: 3000,
      bodyIdleTimeoutMs: 300,
    },
  })
  board = await server.createBoard()
})
afterAll(() => server.stop())

const post = (body: string, headers: Record<string, string>) =>
  fetch(`${server.url}/api/boards`, { method: 'POST', headers, body })

/** The HTTP status of a refused upgrade, or the close code of an accepted socket. */
function upgradeOutcome(origin: string | undefined): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${wsBase(server.url)}/${board.id}?token=${board.tokens.viewer}`, {
      headers: origin ? { origin } : {},
    })
    ws.on('error', () => {})
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.once('open', () => {
      resolve(101)
      ws.close()
    })
  })
}

describe('origins', () => {
  it('opens sockets from no Origin, our own and allowed ones; refuses others with 403', async () => {
    const own = new URL(server.url).origin
    expect(await upgradeOutcome(undefined)).toBe(101)
    expect(await upgradeOutcome(own)).toBe(101)
    expect(await upgradeOutcome('https://partner.example.org')).toBe(101)
    expect(await upgradeOutcome('https://evil.example.com')).toBe(403)
    expect(await upgradeOutcome('null')).toBe(403)
    expect(await upgradeOutcome(own.replace('127.0.0.1', 'localhost'))).toBe(403)
  })

  it('creates boards only for our own or allowed origins', async () => {
    const json = { 'content-type': 'application/json' }
    const evil = await post('{}', { ...json, origin: 'https://evil.example.com' })
    expect(evil.status).toBe(403)
    const partner = await post('{}', { ...json, origin: 'https://partner.example.org' })
    expect(partner.status).toBe(201)
  })
})

describe('bodies', () => {
  it('refuses a JSON body not sent as application/json with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await post('{"title":"from a form"}', { 'content-type': type })
      expect(res.status).toBe(415)
      expect(((await res.json()) as { error: string }).error).toMatch(/application\/json/)
    }
  })
})

describe('board creation', () => {
  it('is limited per address by default (429 with Retry-After)', async () => {
    const limited = await startTestServer()
    try {
      const statuses: number[] = []
      for (let i = 0; i < 25; i++) {
        const res = await fetch(`${limited.url}/api/boards`, { method: 'POST' })
        statuses.push(res.status)
        if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(20)
      expect(statuses.slice(20).every((s) => s === 429)).toBe(true)
    } finally {
      await limited.stop()
    }
  })
})

describe('slow requests', () => {
  const rawConnection = () =>
    new Promise<Socket>((resolve) => {
      const { port } = new URL(server.url)
      const socket = connect(Number(port), '127.0.0.1', () => resolve(socket))
    })
  const closedAfter = (socket: Socket) =>
    new Promise<{ ms: number; answer: string }>((resolve) => {
      const started = Date.now()
      let answer = ''
      socket.on('data', (d) => (answer += d.toString()))
      socket.on('error', () => {})
      socket.once('close', () => resolve({ ms: Date.now() - started, answer }))
    })

  it('drops a connection whose headers never finish', async () => {
    const probe = await startStallProbe(server.url, board.id, board.tokens.viewer)
    const sockets = await Promise.all(Array.from({ length: 50 }, rawConnection))
    for (const s of sockets) s.write('GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ')
    const closes = await Promise.all(sockets.map(closedAfter))
    const { maxRttMs } = probe.stop()
    console.info(
      `[slow] 50 unfinished header blocks dropped after ${Math.max(...closes.map((c) => c.ms))} ms; probe ${maxRttMs} ms`,
    )
    expect(closes.every((c) => c.answer === '' || c.answer.startsWith('HTTP/1.1 408'))).toBe(true)
    expect(maxRttMs).toBeLessThan(500)
  })

  it('drops a connection that never sends a byte', async () => {
    const socket = await rawConnection()
    const { ms } = await closedAfter(socket)
    console.info(`[slow] a silent connection dropped after ${ms} ms`)
  })

  it('answers 408 to a body that stops arriving', async () => {
    const socket = await rawConnection()
    socket.write(
      `POST /api/boards/${board.id}/versions HTTP/1.1\r\nHost: x\r\n` +
        `Authorization: Bearer ${board.tokens.facilitator}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na',
    )
    const { answer, ms } = await closedAfter(socket)
    console.info(`[slow] a body that stopped: answered and closed after ${ms} ms`)
    expect(answer).toMatch(/^HTTP\/1.1 408/)
  })

  it('still answers everyone else meanwhile', async () => {
    await eventually(async () => expect((await fetch(`${server.url}/healthz`)).status).toBe(200))
  })
})
