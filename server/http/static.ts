import { existsSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import sirv from 'sirv'

export type StaticHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  notFound: () => void,
) => void

/**
 * Serves the built client. Paths that are not files get index.html (the app routes on the
 * client, e.g. /b/<id>). Hashed assets are cached for good; index.html never is.
 */
export function createStaticHandler(dir: string): StaticHandler {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`no index.html in static dir ${dir}`)
  const serve = sirv(dir, {
    single: true,
    etag: true,
    setHeaders: (res, pathname) => {
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      )
    },
  })
  return (req, res, notFound) => serve(req, res, notFound)
}
