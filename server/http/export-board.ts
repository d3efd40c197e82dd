import { EXPORT_FORMATS, isExportFormat, renderExport } from '../../shared/export/index.ts'
import { boardPath } from '../../shared/protocol/paths.ts'
import { requireRole, withBoard } from './board-access.ts'
import type { RouteHandler } from './context.ts'
import { publicBase } from './public-base.ts'
import { HttpError } from './respond.ts'

/** GET /api/boards/:id/export?format=…: the board as wikitext, Markdown, JSON or CSV. */
export const exportBoardRoute: RouteHandler = async (ctx) => {
  await requireRole(ctx, ['facilitator', 'participant', 'viewer'])
  const format = ctx.url.searchParams.get('format') ?? 'json'
  if (!isExportFormat(format)) {
    throw new HttpError(400, `unknown format "${format}"; known: ${EXPORT_FORMATS.join(', ')}`)
  }
  const source = `${publicBase(ctx)}${boardPath(ctx.params.id!)}`
  const out = await withBoard(ctx, (room) => renderExport(room.doc, format, { source }))
  const body = Buffer.from(out.body, 'utf8')
  ctx.res.writeHead(200, {
    'Content-Type': out.contentType,
    'Content-Length': body.length,
    'Content-Disposition': `attachment; filename="${out.filename.replace(/[^\w.-]/g, '_')}"`,
    'Cache-Control': 'no-store',
  })
  ctx.res.end(body)
}
