import type { RequestContext } from './context.ts'

/** PUBLIC_URL when configured, otherwise the address the request was sent to. */
export function publicBase({ req, app }: RequestContext): string {
  if (app.publicUrl) return app.publicUrl.replace(/\/+$/, '')
  const host = req.headers.host
  const safeHost = host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? host : 'localhost'
  const proto = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http'
  return `${proto}://${safeHost}`
}
