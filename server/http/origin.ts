import type { IncomingMessage } from 'node:http'

/**
 * Whether a browser request may act on this server: requests without an Origin header (curl,
 * other servers, Node clients) pass; a browser's Origin must be the server's own (PUBLIC_URL,
 * or the host the request was sent to) or one of ALLOWED_ORIGINS. This keeps other web pages
 * from opening sockets or creating boards from their visitors' browsers.
 */
export function originAllowed(
  req: IncomingMessage,
  publicUrl: string | undefined,
  allowed: readonly string[],
): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true
  if (origin === 'null') return false
  let parsed: URL
  try {
    parsed = new URL(origin)
  } catch {
    return false
  }
  if (allowed.includes(parsed.origin)) return true
  if (publicUrl) return parsed.origin === new URL(publicUrl).origin
  // Without PUBLIC_URL the server's own origin is the host it was reached at (http or https:
  // a TLS proxy in front may change the scheme, not the host).
  return (
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    parsed.host === req.headers.host?.toLowerCase()
  )
}
