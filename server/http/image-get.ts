import { sniffImage } from '../images/sniff.ts'
import { IMAGE_HASH } from '../images/store.ts'
import { requireRole } from './board-access.ts'
import type { RouteHandler } from './context.ts'
import { HttpError } from './respond.ts'

/**
 * GET /api/boards/:id/images/:hash with any of the board's tokens, as `Authorization: Bearer`
 * or, for an <img> that cannot send headers, `?token=`. A picture never changes under its hash:
 * browsers may keep it for good.
 */
export const getImageRoute: RouteHandler = async (ctx) => {
  const query = ctx.url.searchParams.get('token')
  if (query && !ctx.req.headers.authorization) {
    // The same rules as the header's: a rotated or expired link opens no picture either.
    const verdict = await ctx.app.links.authorize(ctx.params.id ?? '', query)
    if (!verdict.ok) throw new HttpError(401, 'a valid board token is needed')
  } else await requireRole(ctx, ['facilitator', 'participant', 'viewer'])
  const hash = ctx.params.hash ?? ''
  if (!IMAGE_HASH.test(hash)) throw new HttpError(400, 'a picture is named by its SHA-256 in hex')
  const bytes = await ctx.app.images.get(ctx.params.id!, hash)
  if (!bytes) throw new HttpError(404, 'no such picture on this board')
  const info = sniffImage(bytes)
  ctx.res.writeHead(200, {
    'Content-Type': info?.mime ?? 'application/octet-stream',
    'Content-Length': bytes.length,
    'Cache-Control': 'private, max-age=31536000, immutable',
    ETag: `"${hash}"`,
  })
  ctx.res.end(bytes)
}
