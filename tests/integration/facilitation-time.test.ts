/** Every client shows the same remaining time, whatever its own clock says. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ServerClock } from '../../shared/facilitation/clock.ts'
import { remainingMs, startTimer } from '../../shared/facilitation/timer.ts'
import { facilitationDefaults } from '../../shared/schema/facilitation.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectPerson, type PersonClient } from './facilitation-client.ts'

let server: TestServer
let board: CreatedBoard
const clients: PersonClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  board = await server.createBoard({ title: 'time' })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

/** A client whose clock is `skewMs` off, synced against the server over MESSAGE_TIME. */
async function skewedClock(skewMs: number): Promise<ServerClock> {
  const c = connectPerson(server.url, board.id, board.tokens.participant, null)
  clients.push(c)
  await c.synced()
  const local = () => Date.now() + skewMs
  const clock = new ServerClock(local)
  for (let i = 0; i < 4; i++) {
    const sentAt = local() + i / 1000
    const [echoed, serverTime] = await c.askTime(sentAt)
    clock.add({ sentAt: echoed, serverTime, receivedAt: local() })
  }
  return clock
}

describe('clock sync under skewed clocks', () => {
  it('brings clocks hours apart, ahead or behind, to the server time', async () => {
    const clocks = await Promise.all([-3 * 3600_000, 0, 47 * 60_000 + 123].map(skewedClock))
    for (const clock of clocks) expect(Math.abs(clock.now() - Date.now())).toBeLessThan(250)
    // A timer the facilitator (behind by 3 h) started shows the same time left everywhere.
    const timer = startTimer(
      { ...facilitationDefaults().timer, durationMs: 300_000, remainingMs: 300_000 },
      clocks[0]!.now(),
    )
    const left = clocks.map((c) => remainingMs(timer, c.now()))
    expect(Math.max(...left) - Math.min(...left)).toBeLessThan(500)
    expect(left[0]).toBeGreaterThan(299_000)
  })

  it('answers nothing to a client that does not ask', async () => {
    const c = connectPerson(server.url, board.id, board.tokens.viewer, null)
    clients.push(c)
    await c.synced()
    expect(c.times).toEqual([])
    // A viewer may ask: the answer is the server time, read-only.
    const [, serverTime] = await c.askTime(1)
    expect(Math.abs(serverTime - Date.now())).toBeLessThan(1000)
  })
})
