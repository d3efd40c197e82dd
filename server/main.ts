/**
 * Entry point: environment → startServer. SIGTERM/SIGINT drain (readiness 503, no new sockets,
 * everything stored, clients closed with 4503 spread over DRAIN_MS) and exit 0.
 */
import { startServer } from './app.ts'
import { ConfigError, parseConfig, type ServerConfig } from './config.ts'
import { createLogger } from './logger.ts'

let config: ServerConfig
try {
  config = parseConfig(process.env)
} catch (err) {
  if (!(err instanceof ConfigError)) throw err
  process.stderr.write(`${err.message}\n`)
  process.exit(1)
}

const log = createLogger(config.logLevel)
const server = await startServer({ ...config, logger: log })
log.info({ port: server.port, url: server.url }, 'listening')

const DRAIN_TIMEOUT_MS = config.drainMs + 15_000
let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    // A drain that hangs (a stuck store) must not keep the process from being replaced.
    setTimeout(() => {
      log.error('shutdown timed out')
      process.exit(1)
    }, DRAIN_TIMEOUT_MS).unref()
    server.drain().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  })
}
