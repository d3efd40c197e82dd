import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

const digest = (s: string) => createHash('sha256').update(s).digest()

/** True when no admin token is configured, or the request carries it as a Bearer token. */
export function isAdmin(req: IncomingMessage, adminToken: string | undefined): boolean {
  if (!adminToken) return true
  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  return !!match && timingSafeEqual(digest(match[1]!.trim()), digest(adminToken))
}

/** The capability token of a request's `Authorization: Bearer <token>` header, if any. */
export function bearerToken(req: IncomingMessage): string | null {
  return /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? null
}
