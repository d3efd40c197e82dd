import { sniffImage } from '../images/sniff.ts'
import { requireRole } from './board-access.ts'
import type { RouteHandler } from './context.ts'
import { HttpError, sendJson } from './respond.ts'

/** Photos of paper posters are large; beyond this a clear error asks for a smaller one. */
export const IMAGE_LIMIT = 10 * 1024 * 1024

/**
 * POST /api/boards/:id/images (facilitator or participant), the picture's bytes as the body →
 * 201 `{ hash, mime, width, height, size }`. PNG, JPEG and WebP only, told by their bytes.
 */
export const uploadImageRoute: RouteHandler = async (ctx) => {
  await requireRole(ctx, ['facilitator', 'participant'])
  const bytes = await readBytes(ctx.req, IMAGE_LIMIT)
  if (bytes.length === 0) throw new HttpError(400, 'the body must be a PNG, JPEG or WebP picture')
  const info = sniffImage(bytes)
  if (!info) throw new HttpError(415, 'only PNG, JPEG and WebP pictures can be put on a board')
  const boardId = ctx.params.id!
  const hash = await ctx.app.images.put(boardId, bytes)
  ctx.app.log.info({ boardId, hash, size: bytes.length, mime: info.mime }, 'image stored')
  sendJson(ctx.res, 201, { hash, ...info, size: bytes.length })
}

async function readBytes(
  req: Parameters<RouteHandler>[0]['req'],
  limit: number,
): Promise<Uint8Array> {
  const tooLarge = () =>
    new HttpError(413, `the picture is larger than ${Math.round(limit / 1024 / 1024)} MB`)
  if (Number(req.headers['content-length']) > limit) throw tooLarge()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw tooLarge()
    chunks.push(chunk)
  }
  return new Uint8Array(Buffer.concat(chunks))
}
