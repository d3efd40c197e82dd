import { importJson } from '../../shared/export/json.ts'
import { SYSTEM_ORIGIN } from '../../shared/doc/index.ts'
import { SchemaError } from '../../shared/schema/index.ts'
import { requireRole, withBoard } from './board-access.ts'
import type { RouteHandler } from './context.ts'
import { HttpError, readJsonBody, sendJson } from './respond.ts'

const BODY_LIMIT = 32 * 1024 * 1024

/**
 * POST /api/boards/:id/import (facilitator): replaces the board with a JSON export. Everyone
 * connected receives the change; it is stored before the answer, and a bad file changes nothing.
 */
export const importBoardRoute: RouteHandler = async (ctx) => {
  await requireRole(ctx, ['facilitator'])
  const data = await readJsonBody(ctx.req, BODY_LIMIT, ctx.app.limits.bodyIdleTimeoutMs)
  if (data === undefined) throw new HttpError(400, 'the body must be a JSON export of a board')
  const result = await withBoard(ctx, async (room) => {
    try {
      const imported = importJson(room.doc, data, SYSTEM_ORIGIN)
      await room.flush()
      return imported
    } catch (err) {
      if (err instanceof SchemaError) throw new HttpError(400, `cannot import: ${err.message}`)
      throw err
    }
  })
  ctx.app.log.info({ boardId: ctx.params.id, records: result.records }, 'board imported')
  sendJson(ctx.res, 200, { ok: true, ...result })
}
