/**
 * A person's stable identity on a board. Each device keeps a random secret; the id everyone sees
 * is derived from it, so nobody can act as someone else without their secret, which never leaves
 * the device except to the server over the board's socket (`?user=<secret>`).
 */
import { digest as sha256 } from 'lib0/hash/sha256'

/** Secrets are base64url, long enough not to be guessed. */
export const USER_SECRET_PATTERN = /^[A-Za-z0-9_-]{16,128}$/

/**
 * base64url(sha256(secret)).slice(0, 16). lib0's SHA-256 rather than Web Crypto: crypto.subtle is
 * missing on plain-http LAN addresses, which is how a workshop room often reaches the server.
 */
export function personIdFromSecret(secret: string): string {
  return base64url(sha256(new TextEncoder().encode(secret))).slice(0, 16)
}

export function newUserSecret(): string {
  const bytes = new Uint8Array(24)
  globalThis.crypto.getRandomValues(bytes)
  return base64url(bytes)
}

function base64url(bytes: Uint8Array): string {
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The private room of one person on a board: their post-its during private writing. */
export const privateRoomId = (boardId: string, personId: string) => `${boardId}~private~${personId}`

export function parsePrivateRoomId(id: string): { boardId: string; personId: string } | null {
  const m = /^([A-Za-z0-9_-]{1,64})~private~([A-Za-z0-9_-]{16})$/.exec(id)
  return m ? { boardId: m[1]!, personId: m[2]! } : null
}
