/**
 * Capability tokens: a link carries a token that grants one role on one board. The token is an
 * HMAC of `${boardId}:${role}` (generation 0, the board's first links) or
 * `${boardId}:${role}:${generation}` under SERVER_SECRET, prefixed by a letter naming the role
 * and, from generation 1 on, the generation and a dot. So the signature alone tells role and
 * generation before any board is loaded; whether that generation is still the board's current
 * one (and not expired) is the link registry's question (link-registry.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { ROLES, type Role } from '../../shared/protocol/messages.ts'

const PREFIX: Record<Role, string> = { facilitator: 'f', participant: 'p', viewer: 'v' }
const TOKEN = /^([a-z])(?:([1-9]\d{0,8})\.)?([A-Za-z0-9_-]{43})$/

export interface TokenGrant {
  role: Role
  generation: number
}

function mac(secret: string, boardId: string, role: Role, generation: number): Buffer {
  const subject = generation === 0 ? `${boardId}:${role}` : `${boardId}:${role}:${generation}`
  return createHmac('sha256', secret).update(subject).digest()
}

export function createToken(secret: string, boardId: string, role: Role, generation = 0): string {
  const gen = generation === 0 ? '' : `${generation}.`
  return PREFIX[role] + gen + mac(secret, boardId, role, generation).toString('base64url')
}

export function createTokens(
  secret: string,
  boardId: string,
  generations: Partial<Record<Role, number>> = {},
): Record<Role, string> {
  return Object.fromEntries(
    ROLES.map((r) => [r, createToken(secret, boardId, r, generations[r] ?? 0)]),
  ) as Record<Role, string>
}

/** The role and link generation a token was signed for on this board, or null if it is not ours. */
export function readToken(secret: string, boardId: string, token: unknown): TokenGrant | null {
  if (typeof token !== 'string' || token.length > 100) return null
  const match = TOKEN.exec(token)
  if (!match) return null
  const role = ROLES.find((r) => PREFIX[r] === match[1])
  if (!role) return null
  const generation = match[2] ? Number(match[2]) : 0
  const given = Buffer.from(match[3]!, 'base64url')
  const expected = mac(secret, boardId, role, generation)
  if (given.length !== expected.length) return null
  // base64url decoding ignores stray characters; compare the canonical form too.
  if (given.toString('base64url') !== match[3]) return null
  return timingSafeEqual(given, expected) ? { role, generation } : null
}

/** The role a generation-0 token grants (signature only; no look-up of rotations or expiry). */
export function verifyToken(secret: string, boardId: string, token: unknown): Role | null {
  const grant = readToken(secret, boardId, token)
  return grant && grant.generation === 0 ? grant.role : null
}
