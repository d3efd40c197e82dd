/**
 * A UI hint of the role a token grants, so a viewer is not shown editing tools it cannot use.
 * The server decides and enforces; a wrong hint only means a refused edit (4403).
 */
import type { Role } from '../../shared/protocol/messages.ts'

const PREFIXES: Record<string, Role> = { f: 'facilitator', p: 'participant', v: 'viewer' }

/** The server's tokens are a role letter followed by a MAC (server/auth/tokens.ts). */
export function roleHintFromToken(token: string): Role | null {
  return (token.length > 1 && PREFIXES[token[0]!]) || null
}
