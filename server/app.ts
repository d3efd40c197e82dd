/**
 * Wiring: one HTTP server on one port for the API, the built client and the sync WebSocket.
 * Everything lives in the returned RunningServer, so several servers can run in one process.
 */
import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
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
import { createWebSocketEndpoint, type CloseOptions } from './http/websocket.ts'
import { ServerMetrics } from './metrics.ts'
import { CLOSE_SHUTTING_DOWN } from '../shared/protocol/messages.ts'
import { createLogger, type Logger } from './logger.ts'
import { PostgresStore } from './persistence/postgres.ts'
import { WithLegacyFiles, type ImageStore } from './images/store.ts'
import { SqliteStore } from './persistence/sqlite.ts'
import type { BoardStore } from './persistence/store.ts'
import type { RoomBus } from './sync/bus.ts'
import { RedisBus } from './sync/redis-bus.ts'
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
  /**
   * Where boards are stored; by default PostgreSQL with databaseUrl, else SQLite in dataDir.
   * An injected store is not closed.
   */
  store?: BoardStore
  /** The fan-out to other processes; by default Redis Streams with redisUrl, else none. */
  bus?: RoomBus
  /** Where pictures on boards are stored; by default in the board store (older files found too). */
  images?: ImageStore
  /** The built client to serve; null for none. By default dist/client when it exists. */
  staticDir?: string | null
  logger?: Logger
  /** WebSocket ping interval (ms). */
  heartbeatMs: number
  /** Compact a board's stored log after this many appended updates. */
  compactEvery: number
  /** How long judging one update may hold the event loop per turn (ms); 4 by default. */
  judgeSliceMs?: number
}

export interface RunningServer {
  port: number
  /** http://host:port */
  url: string
  /** Closes: stores every room, closes sockets with 1001, stops listening. */
  close(): Promise<void>
  /**
   * Drains (SIGTERM): readiness turns 503 and new sockets are refused, everything is stored,
   * then the clients are closed with 4503 in random order spread over `drainMs`, so that they
   * reconnect (to another process) over that time rather than all at once.
   */
  drain(): Promise<void>
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
  if (config.redisUrl && !config.databaseUrl && !config.store)
    log.warn(
      'REDIS_URL without DATABASE_URL: processes on separate SQLite files see different boards',
    )

  const secret = config.serverSecret ?? loadOrCreateSecret(config.dataDir)
  const built: { rooms?: RoomManager } = {}
  const metrics = new ServerMetrics(() => built.rooms)
  const rawStore = config.store ?? (await openStore(config, log))
  const store = metrics.instrument(rawStore)
  const ownsStore = !config.store
  const bus =
    config.bus ??
    (config.redisUrl
      ? await RedisBus.connect(config.redisUrl, {
          prefix: config.redisPrefix,
          log,
          observer: metrics.bus,
        })
      : undefined)
  const ownsBus = !config.bus
  const links = new LinkRegistry(secret, config.linkStore ?? new BoardStoreLinkStore(store))
  const facilitation = new FacilitationService(store, log)
  const activity = new ActivityLog(store, log)
  const recorder = new ActivityRecorder(activity, log)
  const rooms = new RoomManager({
    store: withPrivateRooms(store),
    log,
    compactEvery: config.compactEvery,
    lingerMs: config.roomLingerMs,
    judgeSliceMs: config.judgeSliceMs,
    hooks: facilitation,
    onChange: recorder,
    bus,
  })
  facilitation.rooms = rooms
  built.rooms = rooms

  const clientDir = config.clientDir ?? DEFAULT_STATIC_DIR
  const staticDir =
    config.staticDir === undefined
      ? existsSync(join(clientDir, 'index.html'))
        ? clientDir
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
    images: config.images ?? new WithLegacyFiles(store.images, join(config.dataDir, 'images')),
    activity: { log: activity, recorder },
    metrics,
    draining: () => draining,
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
    onClosed: (code) => metrics.socketClosed(code),
  })
  let draining = false
  const http = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // How often node:http enforces the two timeouts above (30 s by default).
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    (req, res) => void handle(req, res),
  )
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A draining process takes no new sockets; a load balancer retries them elsewhere.
    if (draining)
      return void socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      )
    sockets.handleUpgrade(req, socket, head)
  })

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
    if (ownsBus) await bus?.close()
    if (ownsStore) await store.close()
    throw err
  }
  const port = (http.address() as AddressInfo).port
  const url = `http://${urlHost(config.host)}:${port}`
  log.debug({ port, url, staticDir }, 'server started')

  let closing: Promise<void> | null = null
  const shutDown = (how?: CloseOptions) =>
    (closing ??= (async () => {
      draining = true
      await rooms.flushAll()
      // Still listening meanwhile: readiness answers 503 and new sockets are refused.
      await sockets.close(how)
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()))
      await rooms.closeAll()
      await activity.flush()
      http.closeAllConnections()
      await stopped
      if (ownsBus) await bus?.close()
      if (ownsStore) await store.close()
      log.info('server closed')
    })())

  const close = () => shutDown()
  const drain = () => {
    log.info({ spreadMs: config.drainMs }, 'draining')
    return shutDown({
      code: CLOSE_SHUTTING_DOWN,
      reason: 'server restarting',
      spreadMs: config.drainMs,
    })
  }
  return { port, url, close, drain, rooms, store, facilitation }
}

async function openStore(config: ServerOptions, log: Logger): Promise<BoardStore> {
  if (!config.databaseUrl) return new SqliteStore(join(config.dataDir, 'boards.sqlite'))
  const store = await PostgresStore.open(config.databaseUrl, {
    onError: (err) => log.warn({ err: err.message }, 'PostgreSQL connection lost'),
  })
  log.info('storing boards in PostgreSQL')
  return store
}

/** An address clients can open: wildcard binds are reached through loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}
