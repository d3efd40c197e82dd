/**
 * Several server processes on one PostgreSQL database and one Redis, as a deployment runs them:
 * a database and a Redis key prefix of their own, so tests running at the same time on this
 * machine do not meet.
 */
import { rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { spawnServerProcess, type ServerProcess } from './process.ts'
import { tempDir } from './server.ts'
import {
  clearRedisPrefix,
  createTestDatabase,
  REDIS_URL,
  uniqueName,
  type TestDatabase,
} from './services.ts'

export interface Cluster {
  db: TestDatabase
  prefix: string
  processes: ServerProcess[]
  /** Starts one more process (or again at index `at`, after it died). */
  spawn(at?: number): Promise<ServerProcess>
  stop(): Promise<void>
}

export async function startCluster(
  count: number,
  env: Record<string, string> = {},
): Promise<Cluster> {
  const db = await createTestDatabase()
  const prefix = `${uniqueName('test')}:`
  const secret = randomBytes(24).toString('base64url')
  const dirs: string[] = []
  const processes: ServerProcess[] = []
  const spawn = async (at = processes.length) => {
    const dataDir = tempDir('board-cluster-')
    dirs.push(dataDir)
    const p = await spawnServerProcess({
      DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      SERVER_SECRET: secret,
      ...env,
    })
    processes[at] = p
    return p
  }
  try {
    // One after the other: both would create the tables at once otherwise (which works, waiting).
    for (let i = 0; i < count; i++) await spawn()
  } catch (err) {
    for (const p of processes) p.kill('SIGKILL')
    await db.drop()
    throw err
  }
  return {
    db,
    prefix,
    processes,
    spawn,
    stop: async () => {
      for (const p of processes) {
        if (p.child.exitCode === null && p.child.signalCode === null) p.kill('SIGKILL')
        await p.exited
      }
      await db.drop().catch(() => {})
      await clearRedisPrefix(prefix).catch(() => {})
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
    },
  }
}
