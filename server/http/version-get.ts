import * as Y from 'yjs'
import { restoredCollections } from '../../shared/history/restore.ts'
import { loadVersion } from '../history/versions.ts'
import { requireRole } from './board-access.ts'
import type { RouteHandler } from './context.ts'
import { HttpError, sendJson } from './respond.ts'

/**
 * GET /api/boards/:id/versions/:vid (any board token): the version's state as one Yjs update
 * (application/octet-stream) for a separate, read-only Y.Doc; `?format=json` gives its records.
 */
export const getVersionRoute: RouteHandler = async (ctx) => {
  await requireRole(ctx, ['facilitator', 'participant', 'viewer'])
  const found = await loadVersion(ctx.app.store, ctx.params.id!, ctx.params.vid ?? '')
  if (!found) throw new HttpError(404, 'no such version')
  const format = ctx.url.searchParams.get('format') ?? 'yjs'
  if (format === 'json') {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, found.state)
    const records = Object.fromEntries(restoredCollections(doc).map(([n, c]) => [n, c.all()]))
    doc.destroy()
    return sendJson(ctx.res, 200, { version: found.info, records })
  }
  if (format !== 'yjs') throw new HttpError(400, `unknown format "${format}"; known: yjs, json`)
  ctx.res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': found.state.byteLength,
    'Cache-Control': 'no-store',
  })
  ctx.res.end(Buffer.from(found.state.buffer, found.state.byteOffset, found.state.byteLength))
}
