/**
 * The board's links and their lifecycle (facilitator token):
 * GET    /api/boards/:id/links              → { links: { <role>: LinkInfo } }
 * POST   /api/boards/:id/links/:role/rotate → the same, with that role's link replaced
 * PUT    /api/boards/:id/links/:role        { "expiresAt": <ms or ISO date> | null } → the same
 * A rotated link stops working at once: sockets opened with it are closed with 4410.
 */
import { z } from 'zod'
import { formatIssues } from '../../shared/schema/index.ts'
import { ROLES, type Role } from '../../shared/protocol/messages.ts'
import { boardPath } from '../../shared/protocol/paths.ts'
import type { BoardLinkStates } from '../auth/link-store.ts'
import { requireRole, withBoard } from './board-access.ts'
import type { RequestContext, RouteHandler } from './context.ts'
import { publicBase } from './public-base.ts'
import { HttpError, readJsonBody, sendJson } from './respond.ts'

export interface LinkInfo {
  token: string
  link: string
  generation: number
  /** ISO date, or null when the link does not expire. */
  expiresAt: string | null
}

const expirySchema = z
  .object({
    expiresAt: z.union([
      z.null(),
      z.number().int().positive(),
      z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
    ]),
  })
  .strict()

async function facilitatorOnBoard(ctx: RequestContext): Promise<string> {
  await requireRole(ctx, ['facilitator'])
  // An unknown board is a 404 (its links are of no use to anyone).
  await withBoard(ctx, () => null)
  return ctx.params.id!
}

function roleParam(ctx: RequestContext): Role {
  const role = ctx.params.role as Role
  if (!ROLES.includes(role)) throw new HttpError(404, `no such role: ${ctx.params.role}`)
  return role
}

function answer(ctx: RequestContext, boardId: string, states: BoardLinkStates): void {
  const tokens = ctx.app.links.tokens(boardId, states)
  const base = publicBase(ctx)
  const links = Object.fromEntries(
    ROLES.map((role): [Role, LinkInfo] => [
      role,
      {
        token: tokens[role],
        link: `${base}${boardPath(boardId)}#token=${tokens[role]}`,
        generation: states[role].generation,
        expiresAt:
          states[role].expiresAt === null ? null : new Date(states[role].expiresAt).toISOString(),
      },
    ]),
  )
  sendJson(ctx.res, 200, { links })
}

export const listLinksRoute: RouteHandler = async (ctx) => {
  const boardId = await facilitatorOnBoard(ctx)
  answer(ctx, boardId, await ctx.app.links.states(boardId))
}

export const rotateLinkRoute: RouteHandler = async (ctx) => {
  const role = roleParam(ctx)
  const boardId = await facilitatorOnBoard(ctx)
  const states = await ctx.app.links.rotate(boardId, role)
  ctx.app.log.info({ boardId, role, generation: states[role].generation }, 'link rotated')
  answer(ctx, boardId, states)
}

export const setLinkExpiryRoute: RouteHandler = async (ctx) => {
  const role = roleParam(ctx)
  const boardId = await facilitatorOnBoard(ctx)
  const parsed = expirySchema.safeParse(
    await readJsonBody(ctx.req, 1024, ctx.app.limits.bodyIdleTimeoutMs),
  )
  if (!parsed.success) throw new HttpError(400, `invalid body: ${formatIssues(parsed.error)}`)
  const { expiresAt } = parsed.data
  const at =
    expiresAt === null ? null : typeof expiresAt === 'number' ? expiresAt : Date.parse(expiresAt)
  const states = await ctx.app.links.setExpiry(boardId, role, at)
  ctx.app.log.info({ boardId, role, expiresAt: at }, 'link expiry set')
  answer(ctx, boardId, states)
}
