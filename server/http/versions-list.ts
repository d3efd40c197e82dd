import { listVersions } from '../history/versions.ts'
import { requireRole, withBoard } from './board-access.ts'
import type { RouteHandler } from './context.ts'
import { sendJson } from './respond.ts'

/** GET /api/boards/:id/versions (any board token): the saved versions, oldest first. */
export const listVersionsRoute: RouteHandler = async (ctx) => {
  await requireRole(ctx, ['facilitator', 'participant', 'viewer'])
  // A 404 for a board that is gone, rather than an empty list.
  await withBoard(ctx, () => undefined)
  sendJson(ctx.res, 200, { versions: await listVersions(ctx.app.store, ctx.params.id!) })
}
