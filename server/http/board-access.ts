import type { IncomingMessage } from 'node:http'
import type { Role } from '../../shared/protocol/messages.ts'
import { verifyToken } from '../auth/tokens.ts'
import { BoardNotFoundError } from '../sync/errors.ts'
import type { Room } from '../sync/room.ts'
import type { RequestContext } from './context.ts'
import { HttpError } from './respond.ts'

/** The role the request's `Authorization: Bearer <token>` grants on board `id`, or a 401. */
export function requireRole(ctx: RequestContext, allowed: readonly Role[]): Role {
  const role = verifyToken(ctx.app.secret, ctx.params.id ?? '', bearer(ctx.req))
  if (!role)
    throw new HttpError(401, 'a valid board token is needed (Authorization: Bearer <token>)')
  if (!allowed.includes(role)) throw new HttpError(403, `a ${role} token cannot do this`)
  return role
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
