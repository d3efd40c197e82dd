/**
 * Wiring: one HTTP server on one port for the API, the built client and the sync WebSocket.
 * Everything lives in the returned RunningServer, so several servers can run in one process.
 */
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ActivityLog } from './activity/log.ts'
import { ActivityRecorder } from './activity/recorder.ts'
import { loadOrCreateSecret } from './auth/secret.ts'
import { BoardStoreLinkStore, type LinkStore } from './auth/link-store.ts'
import { LinkRegistry } from './auth/link-registry.ts'
import { defaultConfig, defaultLimits, type LimitSettings, type ServerConfig } from './config.ts'
import { Budget, memoryLimiters, type LimiterFactory } from './http/limits.ts'
import type { AppContext } from './http/context.ts'
import { createRequestHandler } from './http/router.ts'
import { routes } from './http/routes.ts'
import { createStaticHandler } from './http/static.ts'
import { createWebSocketEndpoint } from './http/websocket.ts'
import { createLogger, type Logger } from './logger.ts'
import { SqliteStore } from './persistence/sqlite.ts'
import type { BoardStore } from './persistence/store.ts'
import { RoomManager } from './sync/room-manager.ts'
import { withPrivateRooms } from './facilitation/private-store.ts'
import { FacilitationService } from './facilitation/service.ts'

export interface ServerOptions extends Omit<ServerConfig, 'limits'> {
  /** Limits; any left out take their defaults. */
  limits: Partial<LimitSettings>
  /** Makes the rate limiters; in memory by default (e.g. RateLimiterRedis to share them). */
  limiterFactory?: LimiterFactory
  /** Link generations and expiry; by default kept in the board store beside each board. */
  linkStore?: LinkStore
  /** Where boards are stored; by default SQLite in dataDir. An injected store is not closed. */
  store?: BoardStore
  /** The built client to serve; null for none. By default dist/client when it exists. */
  staticDir?: string | null
  logger?: Logger
  /** WebSocket ping interval (ms). */
  heartbeatMs: number
  /** Compact a board's stored log after this many appended updates. */
  compactEvery: number
}

export interface RunningServer {
  port: number
  /** http://host:port */
  url: string
  /** Drains: stores every room, closes sockets with 1001, stops listening. */
  close(): Promise<void>
  rooms: RoomManager
  store: BoardStore
  /** Votes and private writing (tests and diagnostics look at what it holds). */
  facilitation: FacilitationService
}

const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../dist/client', import.meta.url))

export async function startServer(options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
  const config: ServerOptions = {
    ...defaultConfig(),
    heartbeatMs: 30_000,
    compactEvery: 500,
    ...defined,
  }
  const limits: LimitSettings = { ...defaultLimits(), ...options.limits }
  const limiterFactory = config.limiterFactory ?? memoryLimiters
  const log = config.logger ?? createLogger(config.logLevel)
  if (config.databaseUrl) log.warn('DATABASE_URL is not supported yet; storing boards in SQLite')
  if (config.redisUrl) log.warn('REDIS_URL is not supported yet; rooms live in this process only')

  const secret = config.serverSecret ?? loadOrCreateSecret(config.dataDir)
  const store = config.store ?? new SqliteStore(join(config.dataDir, 'boards.sqlite'))
  const ownsStore = !config.store
  const links = new LinkRegistry(secret, config.linkStore ?? new BoardStoreLinkStore(store))
  const facilitation = new FacilitationService(store, log)
  const activity = new ActivityLog(store, log)
  const recorder = new ActivityRecorder(activity, log)
  const rooms = new RoomManager({
    store: withPrivateRooms(store),
    log,
    compactEvery: config.compactEvery,
    hooks: facilitation,
    onChange: recorder,
  })
  facilitation.rooms = rooms

  const staticDir =
    config.staticDir === undefined
      ? existsSync(join(DEFAULT_STATIC_DIR, 'index.html'))
        ? DEFAULT_STATIC_DIR
        : null
      : config.staticDir
  const app: AppContext = {
    store,
    rooms,
    secret,
    links,
    limits,
    boardCreation: new Budget(
      limiterFactory,
      { keyPrefix: 'boards', points: limits.boardsPerMinute, duration: 60 },
      log,
    ),
    adminToken: config.adminToken,
    publicUrl: config.publicUrl,
    log,
    startedAt: Date.now(),
    activity: { log: activity, recorder },
  }
  const handle = createRequestHandler(
    routes,
    app,
    staticDir ? createStaticHandler(staticDir) : null,
  )
  const sockets = createWebSocketEndpoint({
    rooms,
    links,
    log,
    limits,
    limiterFactory,
    publicUrl: config.publicUrl,
    heartbeatMs: config.heartbeatMs,
  })
  const http = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // How often node:http enforces the two timeouts above (30 s by default).
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    (req, res) => void handle(req, res),
  )
  http.on('upgrade', sockets.handleUpgrade)

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject)
      http.listen(config.port, config.host, () => {
        http.off('error', reject)
        resolve()
      })
    })
  } catch (err) {
    // E.g. the port is taken: leave nothing open behind us.
    await sockets.close()
    if (ownsStore) await store.close()
    throw err
  }
  const port = (http.address() as AddressInfo).port
  const url = `http://${urlHost(config.host)}:${port}`
  log.debug({ port, url, staticDir }, 'server started')

  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()))
      await rooms.flushAll()
      await sockets.close()
      await rooms.closeAll()
      await activity.flush()
      http.closeAllConnections()
      await stopped
      if (ownsStore) await store.close()
      log.info('server closed')
    })())

  return { port, url, close, rooms, store, facilitation }
}

/** An address clients can open: wildcard binds are reached through loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}
