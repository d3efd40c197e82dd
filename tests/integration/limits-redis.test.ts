/**
 * The rate limits shared through Redis: two server processes (here two servers in one process,
 * each with its own limiter instances) count one address's messages together, so opening
 * sockets on both does not double the budget. Runs against the Redis at REDIS_URL (default
 * redis://127.0.0.1:6379); skipped with a message when none answers, except under CI=true.
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { RateLimiterRedis } from 'rate-limiter-flexible'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLOSE_RATE_LIMITED } from '../../shared/protocol/messages.ts'
import { MemoryStore } from '../../server/persistence/memory.ts'
import type { LimiterFactory } from '../../server/http/limits.ts'
import { eventually } from '../helpers/eventually.ts'
import { openRawSocket } from '../helpers/raw-socket.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 })
  probe.on('error', () => {})
  try {
    await probe.connect()
    return (await probe.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    probe.disconnect()
  }
}

const available = await redisAnswers()
if (!available && process.env.CI === 'true') throw new Error(`CI=true but no Redis at ${REDIS_URL}`)
if (!available) console.warn(`Skipping Redis limit tests: no Redis at ${REDIS_URL}`)

describe.skipIf(!available)('limits shared through Redis', () => {
  const prefix = `wb-test-${randomUUID().slice(0, 8)}`
  let redis: Redis
  let a: TestServer
  let b: TestServer

  beforeAll(async () => {
    redis = new Redis(REDIS_URL)
    const factory: LimiterFactory = (spec) =>
      new RateLimiterRedis({
        storeClient: redis,
        ...spec,
        keyPrefix: `${prefix}:${spec.keyPrefix}`,
      })
    const store = new MemoryStore()
    const secret = 'redis-limits-secret-0123456789'
    const limits = { addressMessagesPerSecond: 150 }
    a = await startTestServer({ store, serverSecret: secret, limits, limiterFactory: factory })
    b = await startTestServer({ store, serverSecret: secret, limits, limiterFactory: factory })
  })
  afterAll(async () => {
    await a?.stop()
    await b?.stop()
    const keys = await redis.keys(`${prefix}:*`)
    if (keys.length > 0) await redis.del(...keys)
    redis.disconnect()
  })

  it('counts one address over both servers: 100 messages on each exceed 150 together', async () => {
    const board = await a.createBoard()
    const onA = openRawSocket(a.url, board.id, board.tokens.viewer)
    const onB = openRawSocket(b.url, board.id, board.tokens.viewer)
    await Promise.all([onA.opened, onB.opened])
    const codes: number[] = []
    for (const s of [onA, onB]) void s.closed.then(({ code }) => codes.push(code))
    const query = new Uint8Array([3]) // query awareness: cheap, and allowed to viewers
    for (let i = 0; i < 100; i++) for (const s of [onA, onB]) s.send(query)
    await eventually(() => expect(codes).toContain(CLOSE_RATE_LIMITED))
    expect(await redis.keys(`${prefix}:ws-addr-msg*`)).not.toHaveLength(0)
    onA.ws.close()
    onB.ws.close()
  })
})
