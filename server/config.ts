/** The server's environment, parsed once at startup with readable errors. */
import { z } from 'zod'

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional()

const url = (name: string) =>
  optionalString.refine((v) => v === undefined || URL.canParse(v), `${name} must be a URL`)

// --- Limits against floods and hostile clients (README: "Limits and close codes") ---

/** A count or size; 0 turns that limit off. */
const limit = (fallback: number) => z.coerce.number().int().min(0).default(fallback)

const limitEnv = {
  WS_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  WS_MESSAGES_PER_SECOND: limit(300),
  WS_BYTES_PER_SECOND: limit(16 * 1024 * 1024),
  WS_ADDRESS_MESSAGES_PER_SECOND: limit(10_000),
  WS_ADDRESS_BYTES_PER_SECOND: limit(64 * 1024 * 1024),
  WS_ITEMS_PER_SECOND: limit(30_000),
  WS_ADDRESS_ITEMS_PER_SECOND: limit(100_000),
  WS_AWARENESS_MAX_BYTES: limit(256 * 1024),
  WS_AWARENESS_PER_SECOND: limit(40),
  WS_AWARENESS_BYTES_PER_SECOND: limit(512 * 1024),
  WS_CONNECTIONS_PER_ADDRESS: limit(256),
  WS_UPGRADES_PER_SECOND: limit(20),
  BOARDS_PER_MINUTE: limit(20),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  HTTP_BODY_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  TRUST_PROXY: z
    .enum(['', '0', '1', 'false', 'true'])
    .default('')
    .transform((v) => v === '1' || v === 'true'),
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .refine((list) => list.every((o) => URL.canParse(o)), 'ALLOWED_ORIGINS must be URLs')
    .transform((list) => list.map((o) => new URL(o).origin)),
}

/** Every limit is per second unless it says otherwise; 0 turns a limit off. */
export interface LimitSettings {
  /** Largest accepted WebSocket message; larger ones close the socket with 1009. */
  maxMessageBytes: number
  /** Per connection: frames and bytes a client may send (4429 beyond). */
  messagesPerSecond: number
  bytesPerSecond: number
  /** The same, summed over every connection from one address. */
  addressMessagesPerSecond: number
  addressBytesPerSecond: number
  /**
   * Items and delete ranges of accepted updates per connection, and summed per address (4429
   * beyond): the server's work, which bytes do not measure.
   */
  itemsPerSecond: number
  addressItemsPerSecond: number
  /** One awareness (presence) frame at most (4413 beyond), and their rate per connection. */
  awarenessMaxBytes: number
  awarenessPerSecond: number
  awarenessBytesPerSecond: number
  /** Open sockets from one address (4429 beyond). */
  connectionsPerAddress: number
  /**
   * Refused WebSocket upgrade attempts (bad token, ...) per second from one address; beyond it,
   * its attempts are answered 429 before their token is checked.
   */
  upgradesPerSecond: number
  /** Boards one address may create per minute (429). */
  boardsPerMinute: number
  /** node:http: the whole header block, the whole request, and silence inside a body. */
  headersTimeoutMs: number
  requestTimeoutMs: number
  bodyIdleTimeoutMs: number
  /** Count addresses by X-Forwarded-For (behind a reverse proxy) instead of the socket's. */
  trustProxy: boolean
  /** Origins besides the server's own that may open sockets and create boards. */
  allowedOrigins: string[]
}

function limitSettings(e: z.infer<z.ZodObject<typeof limitEnv>>): LimitSettings {
  return {
    maxMessageBytes: e.WS_MAX_MESSAGE_BYTES,
    messagesPerSecond: e.WS_MESSAGES_PER_SECOND,
    bytesPerSecond: e.WS_BYTES_PER_SECOND,
    addressMessagesPerSecond: e.WS_ADDRESS_MESSAGES_PER_SECOND,
    addressBytesPerSecond: e.WS_ADDRESS_BYTES_PER_SECOND,
    itemsPerSecond: e.WS_ITEMS_PER_SECOND,
    addressItemsPerSecond: e.WS_ADDRESS_ITEMS_PER_SECOND,
    awarenessMaxBytes: e.WS_AWARENESS_MAX_BYTES,
    awarenessPerSecond: e.WS_AWARENESS_PER_SECOND,
    awarenessBytesPerSecond: e.WS_AWARENESS_BYTES_PER_SECOND,
    connectionsPerAddress: e.WS_CONNECTIONS_PER_ADDRESS,
    upgradesPerSecond: e.WS_UPGRADES_PER_SECOND,
    boardsPerMinute: e.BOARDS_PER_MINUTE,
    headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
    bodyIdleTimeoutMs: e.HTTP_BODY_IDLE_TIMEOUT_MS,
    allowedOrigins: e.ALLOWED_ORIGINS,
    trustProxy: e.TRUST_PROXY,
  }
}

export const defaultLimits = (): LimitSettings => limitSettings(z.object(limitEnv).parse({}))

// --- end of limits ---

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: url('DATABASE_URL').refine(
    (v) => v === undefined || /^postgres(ql)?:$/.test(new URL(v).protocol),
    'DATABASE_URL must be a postgres:// URL',
  ),
  REDIS_URL: url('REDIS_URL').refine(
    (v) => v === undefined || /^rediss?:$/.test(new URL(v).protocol),
    'REDIS_URL must be a redis:// URL',
  ),
  REDIS_PREFIX: z.string().trim().min(1).max(100).default('workshop-board:'),
  DRAIN_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  ROOM_LINGER_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  CLIENT_DIR: optionalString,
  SERVER_SECRET: optionalString.refine(
    (v) => v === undefined || v.length >= 16,
    'SERVER_SECRET must be at least 16 characters',
  ),
  ADMIN_TOKEN: optionalString,
  PUBLIC_URL: url('PUBLIC_URL').transform((v) => v?.replace(/\/+$/, '')),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  ...limitEnv,
})

export type LogLevel = (typeof LOG_LEVELS)[number]

export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  /** PostgreSQL instead of SQLite, for several server processes on one database. */
  databaseUrl?: string
  /** Redis Streams fan-out between the server processes serving the same boards. */
  redisUrl?: string
  /** Prefix of every Redis key (several deployments on one Redis). */
  redisPrefix: string
  /** On SIGTERM, clients are closed (4503) spread over this many milliseconds. */
  drainMs: number
  /**
   * A board stays loaded this long after its last client left: people reconnect, and loading a
   * big board costs every board on the process a pause.
   */
  roomLingerMs: number
  /** The built client to serve; dist/client when it exists by default. */
  clientDir?: string
  /** Signs board links; generated into dataDir when absent. */
  serverSecret?: string
  /** When set, creating boards needs `Authorization: Bearer <adminToken>`. */
  adminToken?: string
  /** The address people open, for links; taken from the request when absent. */
  publicUrl?: string
  logLevel: LogLevel
  limits: LimitSettings
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function parseConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`invalid environment:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    drainMs: e.DRAIN_MS,
    roomLingerMs: e.ROOM_LINGER_MS,
    clientDir: e.CLIENT_DIR,
    serverSecret: e.SERVER_SECRET,
    adminToken: e.ADMIN_TOKEN,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    limits: limitSettings(e),
  }
}

export const defaultConfig = (): ServerConfig => parseConfig({})
