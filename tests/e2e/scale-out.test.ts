/**
 * A deployment as deploy/ describes it: Debian's nginx with the shipped configuration in front of
 * two server processes on PostgreSQL and Redis. Two Chromium pages on one board through nginx;
 * the process holding their sockets is killed; both keep editing and converge on the other.
 */
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startCluster, type Cluster } from '../helpers/cluster.ts'
import { createBoard } from '../helpers/http.ts'
import { startNginx, type Nginx } from '../helpers/nginx.ts'
import { gate, nginxAvailable, postgresAvailable, redisAvailable } from '../helpers/services.ts'
import { ARTIFACTS, browserAvailable, CHROMIUM, eventually, launchBrowser } from './browser.ts'
import { STATIC_DIR } from './app.ts'
import { BoardPage } from './pages/BoardPage.ts'

const run =
  gate(`Chromium at ${CHROMIUM}`, browserAvailable()) &&
  gate('PostgreSQL at 127.0.0.1:5432', await postgresAvailable()) &&
  gate('Redis at 127.0.0.1:6379', await redisAvailable()) &&
  gate('nginx (apt-get install nginx)', nginxAvailable())

/** Open sync connections of one process, from its metrics. */
async function connectionsOf(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text()
  return text
    .split('\n')
    .filter((l) => l.startsWith('board_connections{'))
    .reduce((n, l) => n + Number(l.split(' ')[1]), 0)
}

describe.skipIf(!run)('two processes behind nginx, in the browser', () => {
  let cluster: Cluster
  let nginx: Nginx
  let browser: Browser
  const pages: Page[] = []

  beforeAll(async () => {
    // The client built with its test hooks, which the page objects read.
    cluster = await startCluster(2, { CLIENT_DIR: resolve(STATIC_DIR) })
    nginx = await startNginx(cluster.processes.map((p) => p.port))
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await nginx?.stop()
    await cluster?.stop()
  })

  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    page.on('pageerror', (err) => console.error('[page error]', err.message))
    pages.push(page)
    return page
  }

  it('keeps both pages editing and converging when the process under them is killed', async () => {
    const created = await createBoard(nginx.url, { title: 'Plenary' })
    // The links point at nginx: it passes the Host header on.
    expect(created.links.facilitator.startsWith(nginx.url)).toBe(true)
    const ada = await new BoardPage(await newPage()).open(created.links.facilitator, 'Ada')
    const grace = await new BoardPage(await newPage()).open(created.links.participant, 'Grace')
    await Promise.all([ada.waitOnline(), grace.waitOnline()])

    await ada.createNoteAt(300, 300)
    await ada.type('Before the crash')
    await ada.finishEditing()
    await grace.waitForItem((i) => i.text === 'Before the crash', 'Ada’s post-it at Grace')

    // Kill the process that holds the most of their sockets (nginx spreads them).
    const counts = await Promise.all(cluster.processes.map((p) => connectionsOf(p.url)))
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2)
    const victim = counts[0]! >= counts[1]! ? 0 : 1
    cluster.processes[victim]!.kill('SIGKILL')
    await cluster.processes[victim]!.exited

    // Both go on editing at once, wherever their sockets are now.
    await Promise.all([
      (async () => {
        await ada.createNoteAt(300, 500)
        await ada.type('Ada after the crash')
        await ada.finishEditing()
      })(),
      (async () => {
        await grace.createNoteAt(700, 300)
        await grace.type('Grace after the crash')
        await grace.finishEditing()
      })(),
    ])
    // Back online through nginx; on a loaded machine this may take a while. On failure, say
    // what the surviving process and nginx logged.
    const online = async (page: BoardPage) =>
      eventually(async () => (await page.summary()).connection === 'online', 'online', 30_000)
    try {
      await Promise.all([online(ada), online(grace)])
    } catch (err) {
      const survivor = cluster.processes[1 - victim]!
      console.error(
        survivor.output.filter((l) => /closing|rejected|warn|error/i.test(l)).slice(-20),
      )
      console.error(nginx.output.join('').slice(-2000))
      throw err
    }
    const texts = async (page: BoardPage) =>
      (await page.summary()).items
        .map((i) => i.text)
        .filter(Boolean)
        .sort()
    const expected = ['Ada after the crash', 'Before the crash', 'Grace after the crash']
    await eventually(
      async () => JSON.stringify(await texts(ada)) === JSON.stringify(expected),
      'all three post-its at Ada',
      20_000,
    )
    await eventually(
      async () => JSON.stringify(await texts(grace)) === JSON.stringify(expected),
      'all three post-its at Grace',
      20_000,
    )
    // Everything is on the surviving process now.
    expect(await connectionsOf(cluster.processes[1 - victim]!.url)).toBe(2)
    await ada.waitSaved()
    await ada.page.screenshot({ path: join(ARTIFACTS, 'scale-out-ada.png') })
    await grace.page.screenshot({ path: join(ARTIFACTS, 'scale-out-grace.png') })
  }, 120_000)
})
