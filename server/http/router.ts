import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AppContext, Route } from './context.ts'
import { HttpError, sendError } from './respond.ts'
import { applySecurityHeaders } from './security-headers.ts'
import type { StaticHandler } from './static.ts'

interface CompiledRoute extends Route {
  match: (pathname: string) => Record<string, string> | null
}

/** '/api/boards/:id/export' → a matcher returning { id } for '/api/boards/abc/export'. */
function compile(route: Route): CompiledRoute {
  const names: string[] = []
  const source = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    names.push(name)
    return '([^/]+)'
  })
  const regex = new RegExp(`^${source}/?$`)
  return {
    ...route,
    match: (pathname) => {
      const m = regex.exec(pathname)
      if (!m) return null
      return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]))
    },
  }
}

/** API routes first; other GETs go to the static client (when there is one). */
export function createRequestHandler(
  routes: Route[],
  app: AppContext,
  serveStatic: StaticHandler | null,
) {
  const compiled = routes.map(compile)
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    applySecurityHeaders(res)
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const candidates = compiled.flatMap((r) => {
        const params = r.match(url.pathname)
        return params ? [{ route: r, params }] : []
      })
      const hit = candidates.find((c) => c.route.method === req.method)
      if (hit) return await hit.route.handler({ req, res, url, params: hit.params, app })
      if (candidates.length > 0) {
        res.setHeader('Allow', candidates.map((c) => c.route.method).join(', '))
        throw new HttpError(405, `${req.method} is not allowed on ${url.pathname}`)
      }
      const reserved = /^\/(api|ws|healthz)(\/|$)/.test(url.pathname)
      if (!reserved && serveStatic && (req.method === 'GET' || req.method === 'HEAD')) {
        return serveStatic(req, res, () => sendError(res, 404, 'not found'))
      }
      throw new HttpError(404, `no such route: ${req.method} ${url.pathname}`)
    } catch (err) {
      if (res.headersSent) {
        res.destroy()
      } else if (err instanceof HttpError) {
        // A refused body may still be arriving; don't keep reading it.
        if (!req.complete) res.setHeader('Connection', 'close')
        if (err.retryAfterSeconds) res.setHeader('Retry-After', String(err.retryAfterSeconds))
        sendError(res, err.status, err.message)
      } else if (err instanceof URIError) {
        sendError(res, 400, 'malformed URL')
      } else {
        app.log.error({ err, url: req.url }, 'request failed')
        sendError(res, 500, 'internal error')
      }
    }
  }
}
