/**
 * Floods sent the way an attacker would, over raw sockets: each one ends with the attacker closed
 * with the documented code, the board unharmed (another client still edits it, a fresh client
 * reads it), and other boards' event loop answering: a probe on another board pings every 10 ms
 * and the longest wait for an answer is bounded (generously; the numbers are logged).
 */
import { defaultLimits } from '../../server/config.ts'
import { encodeAwarenessFrame } from '../helpers/awareness.ts'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { LOCAL_ORIGIN, updateItems } from '../../shared/doc/index.ts'
import {
  CLOSE_PRESENCE_TOO_LARGE,
  CLOSE_RATE_LIMITED,
  MESSAGE_AWARENESS,
} from '../../shared/protocol/messages.ts'
import { addNotes, note, noteTexts } from '../helpers/board.ts'
import { connectClient, wsBase, type TestClient } from '../helpers/client.ts'
import { eventually } from '../helpers/eventually.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { openRawSocket, updateFrame, type RawSocket } from '../helpers/raw-socket.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { startStallProbe, type StallProbe } from '../helpers/stall-probe.ts'

const STALL_BOUND_MS = 500

let server: TestServer
let board: CreatedBoard
let quiet: CreatedBoard
let probe: StallProbe
let alice: TestClient
let counter = 0

beforeAll(async () => {
  server = await startTestServer()
  board = await server.createBoard({ title: 'under attack' })
  quiet = await server.createBoard({ title: 'somewhere else' })
  alice = connectClient(server.url, board.id, board.tokens.participant)
  await alice.synced()
  addNotes(alice.doc, note('kept', 'still here'))
})
afterAll(async () => {
  alice.destroy()
  await server.stop()
})
afterEach(() => {
  probe?.stop()
})

/** Started once the attack is built, so that building it (in this process) is not measured. */
const startProbe = async () => {
  probe = await startStallProbe(server.url, quiet.id, quiet.tokens.viewer)
}

/** The probe's numbers, logged and bounded. */
function expectOtherBoardsAnswered(attack: string) {
  const { maxRttMs, answered } = probe.stop()
  console.info(`[stall] ${attack}: longest wait ${maxRttMs} ms over ${answered} pings`)
  expect(answered).toBeGreaterThan(0)
  expect(maxRttMs).toBeLessThan(STALL_BOUND_MS)
}

/** Alice still edits and a fresh client reads the board with everything in it. */
async function expectBoardUnharmed() {
  const id = `after-${++counter}`
  addNotes(alice.doc, note(id))
  const fresh = connectClient(server.url, board.id, board.tokens.viewer)
  try {
    await eventually(() => {
      expect(noteTexts(fresh.doc)).toMatchObject({ kept: 'still here', [id]: id })
    })
  } finally {
    fresh.destroy()
  }
  expect(alice.closes).toEqual([])
}

const opened = async (token: string) => {
  const socket = openRawSocket(server.url, board.id, token)
  await socket.opened
  return socket
}

/**
 * Sends frames as fast as the socket takes them until it is closed (or all are sent), yielding
 * now and then so that this process (the probe's too) keeps reading its sockets.
 */
async function flood(socket: RawSocket, frames: Uint8Array[]): Promise<void> {
  for (let i = 0; i < frames.length; i++) {
    if (socket.ws.readyState !== WebSocket.OPEN) return
    socket.send(frames[i]!)
    if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve))
  }
}


describe('floods over one socket', () => {
  it('closes a participant sending thousands of updates per second with 4429', async () => {
    const doc = new Y.Doc()
    const frames: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => frames.push(updateFrame(u)))
    addNotes(doc, note('flood'))
    for (let i = 0; i < 5000; i++) updateItems(doc, { flood: { x: i } }, LOCAL_ORIGIN)
    const attacker = await opened(board.tokens.participant)
    await startProbe()
    void flood(attacker, frames)
    const { code, reason } = await attacker.closed
    expect(code).toBe(CLOSE_RATE_LIMITED)
    expect(reason).toMatch(/messages per second/)
    await expectBoardUnharmed()
    expectOtherBoardsAnswered('5,000 updates at once')
  })

  it('closes a presence flood (32 KiB states) with 4429 and relays little of it', async () => {
    const watcher = openRawSocket(server.url, board.id, board.tokens.viewer)
    await watcher.opened
    const state = { user: { name: 'x'.repeat(32 * 1024) } }
    const frames = Array.from({ length: 2000 }, (_, i) => encodeAwarenessFrame(777_000, i + 1, state))
    const attacker = await opened(board.tokens.viewer)
    await startProbe()
    void flood(attacker, frames)
    const { code, reason } = await attacker.closed
    expect(code).toBe(CLOSE_RATE_LIMITED)
    expect(reason).toMatch(/presence/)
    // The removal of its presence on close reaches the watcher too: then nothing more comes.
    await eventually(() => expect(watcher.frames.at(-1)?.[0]).toBe(MESSAGE_AWARENESS))
    const relayed = watcher.frames.reduce(
      (n, f) => n + (f[0] === MESSAGE_AWARENESS ? f.length : 0),
      0,
    )
    console.info(`[presence] relayed ${Math.round(relayed / 1024)} KiB of 64,000 KiB sent`)
    expect(relayed).toBeLessThan(1024 * 1024)
    watcher.ws.close()
    await expectBoardUnharmed()
    expectOtherBoardsAnswered('2,000 presence frames of 32 KiB')
  })

  it('closes one presence frame over the size limit with 4413', async () => {
    const attacker = await opened(board.tokens.viewer)
    await startProbe()
    attacker.send(encodeAwarenessFrame(778_000, 1, { junk: 'y'.repeat(300 * 1024) }))
    expect((await attacker.closed).code).toBe(CLOSE_PRESENCE_TOO_LARGE)
    await expectBoardUnharmed()
    expectOtherBoardsAnswered('one 300 KiB presence frame')
  })
})

describe('floods of upgrades', () => {
  it('answers bad-token upgrades beyond the budget with 429, and others join after it', async () => {
    await startProbe()
    // In waves of 10, as a script flooding from one address would.
    const statuses: number[] = []
    const started = Date.now()
    for (let wave = 0; wave < 30; wave++)
      statuses.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            upgradeStatus(`${wsBase(server.url)}/${board.id}?token=bad${wave}-${i}`),
          ),
        )),
      )
    const refused = statuses.filter((s) => s === 429).length
    const closedUnauthorized = statuses.filter((s) => s === 4401).length
    console.info(
      `[upgrades] 300 bad tokens: ${closedUnauthorized} closed with 4401, ${refused} answered 429`,
    )
    // However slow this machine is, no more get through than the budget allows per second.
    const seconds = Math.ceil((Date.now() - started) / 1000)
    expect(refused + closedUnauthorized).toBe(300)
    expect(refused).toBeGreaterThan(0)
    expect(closedUnauthorized).toBeGreaterThan(0)
    expect(closedUnauthorized).toBeLessThanOrEqual(
      defaultLimits().upgradesPerSecond * (seconds + 1),
    )
    // The budget is per second: a good link joins again right after.
    await eventually(
      async () => {
        const client = connectClient(server.url, board.id, board.tokens.viewer)
        try {
          await client.synced(1000)
        } finally {
          client.destroy()
        }
      },
      5000,
      200,
    )
    await expectBoardUnharmed()
    expectOtherBoardsAnswered('300 bad-token upgrades in waves of 10')
  })
})

/** The HTTP status of a refused upgrade, or the close code of an accepted-then-closed one. */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers })
    ws.on('error', () => {})
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.once('close', (code) => resolve(code))
  })
}

describe('limits per address', () => {
  let limited: TestServer
  let target: CreatedBoard
  beforeAll(async () => {
    limited = await startTestServer({
      limits: {
        connectionsPerAddress: 4,
        addressMessagesPerSecond: 200,
        bytesPerSecond: 96 * 1024,
      },
    })
    target = await limited.createBoard()
  })
  afterAll(() => limited.stop())

  it('closes sockets beyond the per-address count with 4429', async () => {
    const sockets = Array.from({ length: 4 }, () =>
      openRawSocket(limited.url, target.id, target.tokens.viewer),
    )
    await Promise.all(sockets.map((s) => s.opened))
    const fifth = openRawSocket(limited.url, target.id, target.tokens.viewer)
    const { code, reason } = await fifth.closed
    expect(code).toBe(CLOSE_RATE_LIMITED)
    expect(reason).toMatch(/connections from this address/)
    sockets[0]!.ws.close()
    await sockets[0]!.closed
    // A place is free again.
    await eventually(async () => {
      const again = openRawSocket(limited.url, target.id, target.tokens.viewer)
      await again.opened
      again.ws.close()
    })
    for (const s of sockets) s.ws.close()
  })

  it('closes sockets whose address together sends too much with 4429', async () => {
    const sockets = Array.from({ length: 3 }, () =>
      openRawSocket(limited.url, target.id, target.tokens.viewer),
    )
    await Promise.all(sockets.map((s) => s.opened))
    // 100 query-awareness frames each: under the per-socket limit, over the address's together.
    const query = new Uint8Array([3])
    for (let i = 0; i < 100; i++) for (const s of sockets) s.send(query)
    const codes: number[] = []
    for (const s of sockets) void s.closed.then(({ code }) => codes.push(code))
    await eventually(() => expect(codes).toContain(CLOSE_RATE_LIMITED))
    for (const s of sockets) s.ws.close()
  })

  it('closes a socket sending more bytes per second than allowed with 4429', async () => {
    const socket = openRawSocket(limited.url, target.id, target.tokens.participant)
    await socket.opened
    // Valid updates of 40 KiB each: the third one in a second is over 96 KiB.
    const doc = new Y.Doc()
    const frames: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => frames.push(updateFrame(u)))
    for (let i = 0; i < 4; i++) addNotes(doc, note(`big-${i}`, 'z'.repeat(40 * 1024)))
    for (const f of frames) socket.send(f)
    const { code, reason } = await socket.closed
    expect(code).toBe(CLOSE_RATE_LIMITED)
    expect(reason).toMatch(/bytes per second/)
  })
})
