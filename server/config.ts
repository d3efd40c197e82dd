/** The server's environment, parsed once at startup with readable errors. */
import { z } from 'zod'

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional()

const url = (name: string) =>
  optionalString.refine((v) => v === undefined || URL.canParse(v), `${name} must be a URL`)

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
  SERVER_SECRET: optionalString.refine(
    (v) => v === undefined || v.length >= 16,
    'SERVER_SECRET must be at least 16 characters',
  ),
  ADMIN_TOKEN: optionalString,
  PUBLIC_URL: url('PUBLIC_URL').transform((v) => v?.replace(/\/+$/, '')),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
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
  /** Signs board links; generated into dataDir when absent. */
  serverSecret?: string
  /** When set, creating boards needs `Authorization: Bearer <adminToken>`. */
  adminToken?: string
  /** The address people open, for links; taken from the request when absent. */
  publicUrl?: string
  logLevel: LogLevel
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
    serverSecret: e.SERVER_SECRET,
    adminToken: e.ADMIN_TOKEN,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
  }
}

export const defaultConfig = (): ServerConfig => parseConfig({})
