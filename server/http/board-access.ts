import type { IncomingMessage } from 'node:http'
import type { Role } from '../../shared/protocol/messages.ts'
import { BoardNotFoundError } from '../sync/errors.ts'
import type { Room } from '../sync/room.ts'
import type { RequestContext } from './context.ts'
import { HttpError } from './respond.ts'

/**
 * The role the request's `Authorization: Bearer <token>` grants on board `id` now: a 401 for a
 * token that is not the board's, or whose link was rotated or has expired.
 */
export async function requireRole(ctx: RequestContext, allowed: readonly Role[]): Promise<Role> {
  const verdict = await ctx.app.links.authorize(ctx.params.id ?? '', bearer(ctx.req))
  if (!verdict.ok) {
    if (verdict.refusal === 'replaced') throw new HttpError(401, 'this link was replaced')
    if (verdict.refusal === 'expired') throw new HttpError(401, 'this link has expired')
    throw new HttpError(401, 'a valid board token is needed (Authorization: Bearer <token>)')
  }
  if (!allowed.includes(verdict.role))
    throw new HttpError(403, `a ${verdict.role} token cannot do this`)
  return verdict.role
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  return match ? match[1]! : null
}

/** Runs `fn` on the board's live room; an unknown board is a 404. */
export async function withBoard<T>(
  ctx: RequestContext,
  fn: (room: Room) => T | Promise<T>,
): Promise<T> {
  try {
    return await ctx.app.rooms.withRoom(ctx.params.id ?? '', fn)
  } catch (err) {
    if (err instanceof BoardNotFoundError) throw new HttpError(404, 'no such board')
    throw err
  }
}
