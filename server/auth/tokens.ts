/**
 * Capability tokens: a link carries a token that grants one role on one board. The token is an
 * HMAC of `${boardId}:${role}` under SERVER_SECRET, prefixed by a letter naming the role, so the
 * server needs no table of tokens and the role is known before any board is loaded.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { ROLES, type Role } from '../../shared/protocol/messages.ts'

const PREFIX: Record<Role, string> = { facilitator: 'f', participant: 'p', viewer: 'v' }

function mac(secret: string, boardId: string, role: Role): Buffer {
  return createHmac('sha256', secret).update(`${boardId}:${role}`).digest()
}

export function createToken(secret: string, boardId: string, role: Role): string {
  return PREFIX[role] + mac(secret, boardId, role).toString('base64url')
}

export function createTokens(secret: string, boardId: string): Record<Role, string> {
  return Object.fromEntries(ROLES.map((r) => [r, createToken(secret, boardId, r)])) as Record<
    Role,
    string
  >
}

/** The role a token grants on this board, or null when it is not one of ours for this board. */
export function verifyToken(secret: string, boardId: string, token: unknown): Role | null {
  if (typeof token !== 'string' || token.length < 2 || token.length > 100) return null
  const role = ROLES.find((r) => PREFIX[r] === token[0])
  if (!role) return null
  const given = Buffer.from(token.slice(1), 'base64url')
  const expected = mac(secret, boardId, role)
  if (given.length !== expected.length) return null
  // base64url decoding ignores stray characters; compare the canonical form too.
  if (given.toString('base64url') !== token.slice(1)) return null
  return timingSafeEqual(given, expected) ? role : null
}
