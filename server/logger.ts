import { pino, type Logger } from 'pino'
import type { LogLevel } from './config.ts'

export type { Logger }

/** One JSON line per event on stdout; children add boardId, role and connection id. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { pid: process.pid } })
}
