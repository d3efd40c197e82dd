import { z } from 'zod'
import * as Y from 'yjs'
import { TooManyVersionsError, saveVersion } from '../history/versions.ts'
import { requireRole, withBoard } from './board-access.ts'
import type { RouteHandler } from './context.ts'
import { HttpError, readJsonBody, sendJson } from './respond.ts'

const bodySchema = z.object({
  name: z.string().trim().min(1, 'a version needs a name').max(120),
  /** Display name of the facilitator saving it. */
  author: z.string().trim().max(80).optional(),
})

/** POST /api/boards/:id/versions {name} (facilitator): saves the live board as a named version. */
export const createVersionRoute: RouteHandler = async (ctx) => {
  await requireRole(ctx, ['facilitator'])
  const parsed = bodySchema.safeParse(
    await readJsonBody(ctx.req, 16 * 1024, ctx.app.limits.bodyIdleTimeoutMs),
  )
  if (!parsed.success)
    throw new HttpError(400, `expected {"name": "…"}: ${parsed.error.issues[0]?.message ?? ''}`)
  const { name, author = '' } = parsed.data
  // The live document, including what is not stored yet: that is what people see now.
  const state = await withBoard(ctx, (room) => Y.encodeStateAsUpdate(room.doc))
  try {
    const version = await saveVersion(ctx.app.store, ctx.params.id!, state, {
      name,
      createdBy: author,
      createdAt: Date.now(),
    })
    ctx.app.log.info({ boardId: ctx.params.id, versionId: version.id }, 'version saved')
    sendJson(ctx.res, 201, version)
  } catch (err) {
    if (err instanceof TooManyVersionsError) throw new HttpError(409, err.message)
    throw err
  }
}
