import { sendJson } from './respond.ts'
import type { RouteHandler } from './context.ts'

/** Liveness for load balancers and tests: answers as long as the event loop does. */
export const healthz: RouteHandler = ({ res, app }) => {
  sendJson(res, 200, {
    ok: true,
    uptimeSeconds: Math.round((Date.now() - app.startedAt) / 1000),
    rooms: app.rooms.loadedIds.length,
  })
}
