import { sendJson } from './respond.ts'
import type { AppContext, RouteHandler } from './context.ts'

/** Whether the store answers, for the two checks below. */
async function storeHealth(app: AppContext): Promise<{ ok: boolean; error?: string }> {
  try {
    await app.store.ping()
    return { ok: true }
  } catch (err) {
    app.log.warn({ err: (err as Error).message }, 'store health check failed')
    return { ok: false, error: (err as Error).message }
  }
}

/**
 * Liveness: answers as long as the event loop does, with 503 while the store fails (a process
 * that cannot store accepts no edits, so it is no use to anyone until the store is back).
 */
export const healthz: RouteHandler = async ({ res, app }) => {
  const store = await storeHealth(app)
  sendJson(res, store.ok ? 200 : 503, {
    ok: store.ok,
    store: store.ok ? 'ok' : 'failing',
    ...(store.error ? { error: store.error } : {}),
    uptimeSeconds: Math.round((Date.now() - app.startedAt) / 1000),
    rooms: app.rooms.loadedIds.length,
  })
}

/** Readiness for a load balancer: 503 while draining (SIGTERM) or while the store fails. */
export const readyz: RouteHandler = async ({ res, app }) => {
  const draining = app.draining()
  const store = await storeHealth(app)
  const ready = store.ok && !draining
  sendJson(res, ready ? 200 : 503, {
    ready,
    draining,
    store: store.ok ? 'ok' : 'failing',
    ...(store.error ? { error: store.error } : {}),
  })
}

/** Prometheus metrics of this process. */
export const metricsRoute: RouteHandler = async ({ res, app }) => {
  const text = await app.metrics.text()
  res.writeHead(200, { 'Content-Type': app.metrics.contentType, 'Cache-Control': 'no-store' })
  res.end(text)
}
