import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type RunningServer, type ServerOptions } from '../../server/app.ts'
import { MemoryStore } from '../../server/persistence/memory.ts'
import { createBoard, type CreatedBoard } from './http.ts'

export interface TestServerOptions extends Partial<ServerOptions> {
  /** 'memory' (default) or 'sqlite' in dataDir; ignored when `store` is given. */
  storage?: 'memory' | 'sqlite'
}

export interface TestServer extends RunningServer {
  dataDir: string
  createBoard(body?: Record<string, unknown>): Promise<CreatedBoard>
  /** close(), then removes the temporary data dir (unless one was passed in). */
  stop(): Promise<void>
}

export const tempDir = (prefix = 'board-test-') => mkdtempSync(join(tmpdir(), prefix))

/**
 * A real server on an ephemeral port with a throwaway DATA_DIR, whose rooms unload as soon as
 * nobody holds them (unless roomLingerMs is given). Logs are silent unless TEST_LOG=debug (or
 * another level) is set.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { storage = 'memory', ...rest } = options
  const ownDir = !rest.dataDir
  const dataDir = rest.dataDir ?? tempDir()
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    staticDir: null,
    logLevel: (process.env.TEST_LOG as ServerOptions['logLevel'] | undefined) ?? 'silent',
    store: storage === 'memory' && !rest.store ? new MemoryStore() : undefined,
    // Tests watch boards unload when their last client leaves; linger is tested on its own.
    roomLingerMs: 0,
    ...rest,
    dataDir,
  })
  return {
    ...server,
    dataDir,
    createBoard: (body) => createBoard(server.url, body),
    stop: async () => {
      await server.close()
      if (ownDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
