import { z } from 'zod'
import * as Y from 'yjs'
import { SYSTEM_ORIGIN } from '../../shared/doc/index.ts'
import { RestoreError, restoreVersion, type RestoreResult } from '../../shared/history/restore.ts'
import { idSchema } from '../../shared/schema/index.ts'
import { changesOf, type RecordChange } from '../activity/derive.ts'
import { loadVersion } from '../history/versions.ts'
import { requireRole, withBoard } from './board-access.ts'
import type { RouteHandler } from './context.ts'
import { HttpError, readJsonBody, sendJson } from './respond.ts'

const bodySchema = z.object({ itemIds: z.array(idSchema).min(1).max(10_000).optional() }).optional()

/**
 * POST /api/boards/:id/versions/:vid/restore {itemIds?} (facilitator): brings the board (or only
 * those records) back to the version as a new change, stored and sent to everyone like any edit.
 */
export const restoreVersionRoute: RouteHandler = async (ctx) => {
  await requireRole(ctx, ['facilitator'])
  const parsed = bodySchema.safeParse(
    await readJsonBody(ctx.req, 1024 * 1024, ctx.app.limits.bodyIdleTimeoutMs),
  )
  if (!parsed.success)
    throw new HttpError(400, `expected {"itemIds"?: [ids]}: ${parsed.error.issues[0]?.message}`)
  const ids = parsed.data?.itemIds
  const found = await loadVersion(ctx.app.store, ctx.params.id!, ctx.params.vid ?? '')
  if (!found) throw new HttpError(404, 'no such version')
  const past = new Y.Doc()
  Y.applyUpdate(past, found.state)
  try {
    const result = await withBoard(ctx, async (room) => {
      let outcome: RestoreResult | null = null
      let changes: RecordChange[] = []
      room.doc.transact((tr) => {
        outcome = restoreVersion(room.doc, past, SYSTEM_ORIGIN, { ids })
        changes = changesOf(room.doc, tr)
      }, SYSTEM_ORIGIN)
      const name = `↺ ${found.info.name}`.slice(0, 80)
      ctx.app.activity.recorder.recordChanges(
        room,
        { personId: null, name, key: `restore:${found.info.id}` },
        changes,
      )
      await room.flush()
      return outcome!
    })
    ctx.app.log.info({ boardId: ctx.params.id, versionId: found.info.id, ids }, 'version restored')
    sendJson(ctx.res, 200, { ok: true, version: found.info, ...result })
  } catch (err) {
    if (err instanceof RestoreError) throw new HttpError(400, err.message)
    throw err
  } finally {
    past.destroy()
  }
}
