import { idSchema } from '../../shared/schema/index.ts'
import { requireRole, withBoard } from './board-access.ts'
import type { RouteHandler } from './context.ts'
import { HttpError, sendJson } from './respond.ts'

/**
 * GET /api/boards/:id/activity?since=&person=&frame=&limit= (any board token): who added or
 * changed what and when, oldest first, as the server recorded it when the updates arrived.
 */
export const activityRoute: RouteHandler = async (ctx) => {
  await requireRole(ctx, ['facilitator', 'participant', 'viewer'])
  const q = ctx.url.searchParams
  const since = q.get('since')
  const limit = q.get('limit')
  const person = q.get('person')
  const frame = q.get('frame')
  if (since !== null && !/^\d{1,15}$/.test(since))
    throw new HttpError(400, 'since must be a time in milliseconds')
  if (limit !== null && !/^\d{1,5}$/.test(limit))
    throw new HttpError(400, 'limit must be a number up to 99999')
  for (const [key, value] of [
    ['person', person],
    ['frame', frame],
  ] as const) {
    if (value !== null && !idSchema.safeParse(value).success)
      throw new HttpError(400, `${key} must be an id`)
  }
  await withBoard(ctx, () => undefined)
  const entries = await ctx.app.activity.log.query(ctx.params.id!, {
    since: since === null ? undefined : Number(since),
    personId: person ?? undefined,
    frameId: frame ?? undefined,
    limit: limit === null ? 1000 : Number(limit),
  })
  sendJson(ctx.res, 200, { entries, now: Date.now() })
}
