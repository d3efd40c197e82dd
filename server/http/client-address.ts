import type { IncomingMessage } from 'node:http'

/**
 * The address a request comes from, which per-address limits count by. Behind a reverse proxy
 * (TRUST_PROXY) that is the last address the proxy appended to X-Forwarded-For: the client's own
 * entries before it may be forged.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for']
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1)
    if (last) return last
  }
  return req.socket.remoteAddress ?? 'unknown'
}
