import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/app.ts'
import { MemoryStore } from '../../server/persistence/memory.ts'
import { spawnServerProcess } from '../helpers/process.ts'
import { startTestServer, tempDir } from '../helpers/server.ts'

const dirs = [tempDir(), tempDir()]
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('startup', () => {
  it('refuses a port that is taken, with the listen error', async () => {
    const first = await startTestServer()
    try {
      await expect(
        startServer({
          port: first.port,
          dataDir: dirs[0],
          store: new MemoryStore(),
          logLevel: 'silent',
          staticDir: null,
        }),
      ).rejects.toThrow(/EADDRINUSE/)
    } finally {
      await first.stop()
    }
  })

  it('exits with a readable message on a bad environment', async () => {
    await expect(spawnServerProcess({ PORT: 'not-a-port', DATA_DIR: dirs[1]! })).rejects.toThrow(
      /PORT/,
    )
  })
})
