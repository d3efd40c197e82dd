import { z } from 'zod'
import { formatIssues, SchemaError } from '../../shared/schema/index.ts'
import { ROLES, type Role } from '../../shared/protocol/messages.ts'
import { boardPath } from '../../shared/protocol/paths.ts'
import { isAdmin } from '../auth/admin.ts'
import { createTokens } from '../auth/tokens.ts'
import { createBoard } from '../boards/create-board.ts'
import type { RouteHandler } from './context.ts'
import { clientAddress } from './client-address.ts'
import { originAllowed } from './origin.ts'
import { publicBase } from './public-base.ts'
import { HttpError, readJsonBody, sendJson } from './respond.ts'

const BODY_LIMIT = 64 * 1024

const bodySchema = z
  .object({
    title: z.string().max(200).optional(),
    template: z.string().min(1).max(64).optional(),
    options: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()

/** POST /api/boards: creates a board and answers its id, role tokens and links. */
export const createBoardRoute: RouteHandler = async (ctx) => {
  const { req, res, app } = ctx
  if (!originAllowed(req, app.publicUrl, app.limits.allowedOrigins))
    throw new HttpError(403, "boards are created from this server's own pages only")
  if (!isAdmin(req, app.adminToken))
    throw new HttpError(401, 'creating boards needs the admin token')
  const spent = await app.boardCreation.spend(clientAddress(req, app.limits.trustProxy))
  if (!spent.ok)
    throw new HttpError(
      429,
      'too many boards created from this address; try again in a minute',
      Math.ceil(spent.retryAfterMs / 1000),
    )
  const raw = (await readJsonBody(req, BODY_LIMIT, app.limits.bodyIdleTimeoutMs)) ?? {}
  const body = bodySchema.safeParse(raw)
  if (!body.success) throw new HttpError(400, `invalid body: ${formatIssues(body.error)}`)
  let id: string
  try {
    id = await createBoard(app.store, body.data)
  } catch (err) {
    if (err instanceof SchemaError) throw new HttpError(400, err.message)
    throw err
  }
  const tokens = createTokens(app.secret, id)
  const base = publicBase(ctx)
  const links = Object.fromEntries(
    ROLES.map((role) => [role, `${base}${boardPath(id)}#token=${tokens[role]}`]),
  ) as Record<Role, string>
  app.log.info({ boardId: id, template: body.data.template ?? 'blank' }, 'board created')
  sendJson(res, 201, { id, tokens, links })
}
