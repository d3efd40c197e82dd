/**
 * PostgreSQL, Redis and nginx for the tests that need them, shared with everyone else's tests on
 * the machine: each test file gets a database of its own (created with a random name, dropped
 * after) and a Redis key prefix of its own. Where a service is absent the tests are skipped with
 * a message, except under CI=true, where its absence is a failure.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { Redis } from 'ioredis'
import pg from 'pg'

export const POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx'

const inCi = process.env.CI === 'true'

/**
 * Whether the tests needing `service` run: true when it answers; false (with a message) when it
 * does not, or an error under CI=true.
 */
export function gate(service: string, available: boolean): boolean {
  if (available) return true
  if (inCi) throw new Error(`${service} is required under CI=true but is not reachable`)
  console.warn(`skipping tests that need ${service}: it is not reachable here`)
  return false
}

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

export async function redisAvailable(): Promise<boolean> {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  redis.on('error', () => {})
  try {
    await redis.connect()
    return (await redis.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    redis.disconnect()
  }
}

export const nginxAvailable = () => existsSync(NGINX)

export const uniqueName = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`

export interface TestDatabase {
  url: string
  drop(): Promise<void>
}

/** A fresh database with a random name; drop() removes it (closing what is still connected). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = uniqueName('board_test')
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(POSTGRES_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_URL })
      await c.connect()
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await c.end()
      }
    },
  }
}

/** Deletes every key under a test's prefix. */
export async function clearRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true })
  redis.on('error', () => {})
  await redis.connect()
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500)
      cursor = next
      if (keys.length > 0) await redis.del(...keys)
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
}
