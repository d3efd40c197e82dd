import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ActivityLog } from '../activity/log.ts'
import type { ActivityRecorder } from '../activity/recorder.ts'
import type { LinkRegistry } from '../auth/link-registry.ts'
import type { LimitSettings } from '../config.ts'
import type { Logger } from '../logger.ts'
import type { Budget } from './limits.ts'
import type { BoardStore } from '../persistence/store.ts'
import type { RoomManager } from '../sync/room-manager.ts'

/** What route handlers may use: the server's parts, never module globals. */
export interface AppContext {
  store: BoardStore
  rooms: RoomManager
  secret: string
  /** Which links open which board now (rotations, expiry). */
  links: LinkRegistry
  limits: LimitSettings
  /** Boards created per address per minute. */
  boardCreation: Budget
  adminToken?: string
  publicUrl?: string
  log: Logger
  startedAt: number
  /** Who changed what, recorded as updates arrive. */
  activity: { log: ActivityLog; recorder: ActivityRecorder }
}

export interface RequestContext {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  /** Named segments of the route's path, e.g. `id` for `/api/boards/:id/export`. */
  params: Record<string, string>
  app: AppContext
}

export type RouteHandler = (ctx: RequestContext) => void | Promise<void>

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  handler: RouteHandler
}
