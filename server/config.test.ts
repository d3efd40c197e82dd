import { describe, expect, it } from 'vitest'
import { ConfigError, defaultLimits, parseConfig } from './config.ts'

describe('parseConfig', () => {
  it('has the documented defaults', () => {
    expect(parseConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: undefined,
      redisUrl: undefined,
      redisPrefix: 'workshop-board:',
      drainMs: 5000,
      roomLingerMs: 30_000,
      serverSecret: undefined,
      adminToken: undefined,
      publicUrl: undefined,
      logLevel: 'info',
      limits: defaultLimits(),
    })
  })

  it('reads every variable', () => {
    const config = parseConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/board',
      DATABASE_URL: 'postgres://u:p@db/board',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SERVER_SECRET: 'a-long-enough-secret',
      ADMIN_TOKEN: 'admin',
      PUBLIC_URL: 'https://board.example.org/',
      LOG_LEVEL: 'warn',
    })
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/var/lib/board',
      databaseUrl: 'postgres://u:p@db/board',
      publicUrl: 'https://board.example.org',
      logLevel: 'warn',
    })
  })

  it('reads the limits, 0 turning one off', () => {
    const { limits } = parseConfig({
      WS_MESSAGES_PER_SECOND: '10',
      WS_AWARENESS_MAX_BYTES: '0',
      BOARDS_PER_MINUTE: '3',
      HTTP_HEADERS_TIMEOUT_MS: '2000',
      ALLOWED_ORIGINS: 'https://a.example.org/, http://b.example.org:8080',
      TRUST_PROXY: '1',
    })
    expect(limits).toMatchObject({
      messagesPerSecond: 10,
      awarenessMaxBytes: 0,
      boardsPerMinute: 3,
      headersTimeoutMs: 2000,
      allowedOrigins: ['https://a.example.org', 'http://b.example.org:8080'],
      trustProxy: true,
    })
  })

  it('treats empty values as unset', () => {
    expect(parseConfig({ ADMIN_TOKEN: '', PUBLIC_URL: ' ' })).toMatchObject({
      adminToken: undefined,
      publicUrl: undefined,
    })
  })

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PUBLIC_URL: 'not a url' }, /PUBLIC_URL must be a URL/],
    [{ SERVER_SECRET: 'short' }, /at least 16/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DATABASE_URL: 'mysql://db/board' }, /DATABASE_URL must be a postgres/],
    [{ REDIS_URL: 'http://cache' }, /REDIS_URL must be a redis/],
    [{ WS_MESSAGES_PER_SECOND: '-1' }, /WS_MESSAGES_PER_SECOND/],
    [{ ALLOWED_ORIGINS: 'nope' }, /ALLOWED_ORIGINS must be URLs/],
  ])('refuses %j with a clear error', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError)
    expect(() => parseConfig(env)).toThrow(message)
  })
})
