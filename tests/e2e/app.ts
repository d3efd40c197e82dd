/**
 * The app under test for a browser spec: a real server on port 0 serving the built client, with
 * its own data directory, and one Chromium. Contexts opened through it are closed with it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { startServer, type RunningServer } from '../../server/app.ts'
import { launchBrowser } from './browser.ts'

/** The client built with its test hooks (`npm run build:e2e`); production builds have none. */
export const STATIC_DIR = process.env.E2E_STATIC_DIR ?? 'dist/client-e2e'

export interface E2EApp {
  server: RunningServer
  browser: Browser
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>
  /** A page in a new context of its own (a separate person), page errors logged. */
  newPage(options?: BrowserContextOptions): Promise<Page>
  close(): Promise<void>
}

export async function startE2EApp(name: string): Promise<E2EApp> {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    throw new Error(`${STATIC_DIR} is missing: run \`npm run build:e2e\` first (npm test does)`)
  }
  const dataDir = mkdtempSync(join(tmpdir(), `wb-e2e-${name}-`))
  const server = await startServer({ port: 0, dataDir, staticDir: STATIC_DIR, logLevel: 'warn' })
  const browser = await launchBrowser()
  const contexts: BrowserContext[] = []
  const newContext = async (options: BrowserContextOptions = {}) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options })
    contexts.push(context)
    return context
  }
  return {
    server,
    browser,
    newContext,
    newPage: async (options) => {
      const page = await (await newContext(options)).newPage()
      page.on('pageerror', (err) => console.error('[page error]', err.message))
      return page
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => {})
      await browser.close()
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
