/**
 * A person's id from the secret their device keeps (`?user=<secret>`): the same derivation as
 * shared/facilitation/identity.ts, synchronously with Node's crypto.
 */
import { createHash } from 'node:crypto'
import { USER_SECRET_PATTERN } from '../../shared/facilitation/identity.ts'

export function personIdOf(secret: string | null): string | null {
  if (secret === null || !USER_SECRET_PATTERN.test(secret)) return null
  return createHash('sha256').update(secret).digest('base64url').slice(0, 16)
}
