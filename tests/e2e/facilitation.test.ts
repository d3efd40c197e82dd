/**
 * A facilitator and two participants in three pages: a timed part, a private-writing phase and a
 * dot-voting round, against a real server in a real Chromium. Screenshots go to tests/artifacts/.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STATIC_DIR } from './app.ts'
import { startServer, type RunningServer } from '../../server/app.ts'
import { createBoard, type CreatedBoard } from '../helpers/http.ts'
import { ARTIFACTS, browserAvailable, CHROMIUM, eventually, launchBrowser } from './browser.ts'
import { FacilitationPage } from './pages/FacilitationPage.ts'

const run = browserAvailable()
if (!run) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)

describe.skipIf(!run)('facilitation in the browser', () => {
  let server: RunningServer
  let browser: Browser
  let dataDir: string
  let board: CreatedBoard
  let lead: FacilitationPage
  let ada: FacilitationPage
  let ben: FacilitationPage
  const errors: string[] = []

  const open = async (link: string, name: string) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    page.on('pageerror', (err) => errors.push(`${name}: ${err.message}`))
    const p = new FacilitationPage(page)
    await p.open(link, name)
    await p.waitOnline()
    return p
  }

  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html')))
      throw new Error(`${STATIC_DIR} is missing: run \`npx vite build\` first (npm test does)`)
    dataDir = mkdtempSync(join(tmpdir(), 'wb-e2e-fac-'))
    server = await startServer({ port: 0, dataDir, staticDir: STATIC_DIR, logLevel: 'warn' })
    browser = await launchBrowser()
    board = await createBoard(server.url, { title: 'How do we work together' })
    lead = await open(board.links.facilitator, 'Fran (facilitator)')
    ada = await open(board.links.participant, 'Ada')
    ben = await open(board.links.participant, 'Ben')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('runs a timed part: everyone sees the same part and time left', async () => {
    // The facilitator's panel starts closed so the board shows on arrival.
    expect(await lead.page.getByTestId('facilitation-panel').count()).toBe(0)
    await lead.page.getByTestId('facilitation-open').waitFor()
    // A side panel at the right edge (here Activity) does not hide the facilitator's button.
    await lead.page.getByRole('button', { name: 'Activity', exact: true }).click()
    await lead.page.getByRole('complementary', { name: 'Activity' }).waitFor()
    const onTop = await lead.page.getByTestId('facilitation-open').evaluate((button) => {
      const r = button.getBoundingClientRect()
      return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === button
    })
    expect(onTop).toBe(true)
    await lead.page.getByRole('button', { name: 'Activity', exact: true }).click()
    await lead.addAgendaPart('Breakouts', 25)
    await lead.startPart('Breakouts')
    for (const p of [lead, ada, ben])
      await eventually(
        async () => (await p.page.getByTestId('timer').innerText()).includes('Breakouts'),
        'the part',
      )
    const seconds = async (p: FacilitationPage) => {
      const [m, s] = (await p.timerText()).split(':').map(Number)
      return m! * 60 + s!
    }
    const times = await Promise.all([lead, ada, ben].map(seconds))
    expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(2)
    expect(times[1]).toBeGreaterThan(24 * 60)
    await lead.screenshot(join(ARTIFACTS, 'e2e-fac-timer-facilitator.png'))
    await ada.screenshot(join(ARTIFACTS, 'e2e-fac-timer-participant.png'))
  })

  it("runs private writing: nobody sees anyone else's post-its until the reveal", async () => {
    await lead.tab('agenda')
    await lead.page.getByTestId('private-start').click()
    await ada.page.getByTestId('private-writing').waitFor()
    await ben.page.getByTestId('private-writing').waitFor()
    await ada.writePrivately('Define update mechanism')
    await ada.writePrivately('Who owns the API?')
    await ben.writePrivately('Shared roadmap')
    // On the author's canvas, marked private, where she placed them; on nobody else's.
    await eventually(
      async () => (await ada.privateTexts()).length === 2,
      "Ada's private post-its on her canvas",
    )
    expect((await ada.privateTexts()).sort()).toEqual([
      'Define update mechanism',
      'Who owns the API?',
    ])
    expect(await ben.privateTexts()).toEqual(['Shared roadmap'])
    expect(await lead.privateTexts()).toEqual([])
    // She moves one on the canvas like any post-it; it stays private.
    const mine = await ada.waitForItem((i) => i.text === 'Who owns the API?', 'private post-it')
    const from = await ada.boardToCanvas(mine.x + 60, mine.y + 60)
    await ada.drag(from, { x: from.x + 60, y: from.y + 90 })
    await eventually(async () => {
      const moved = (await ada.summary()).items.find((i) => i.id === mine.id)
      return moved !== undefined && moved.private && moved.y > mine.y + 40
    }, 'the private post-it moved')
    await ada.screenshot(join(ARTIFACTS, 'e2e-fac-private-ada.png'))
    // Stored on the server by now (the private rooms answer sync), and still nowhere else.
    for (const p of [lead, ben])
      expect(await p.noteTexts()).not.toContain('Define update mechanism')
    expect(await ada.noteTexts()).not.toContain('Shared roadmap')
    await lead.page.getByTestId('private-reveal').click()
    for (const p of [lead, ada, ben])
      await eventually(async () => {
        const texts = await p.noteTexts()
        return ['Define update mechanism', 'Who owns the API?', 'Shared roadmap'].every((t) =>
          texts.includes(t),
        )
      }, 'the revealed post-its')
    await ada.page.getByTestId('private-writing').waitFor({ state: 'detached' })
    await eventually(async () => (await ada.privateTexts()).length === 0, 'no longer private')
    await ben.screenshot(join(ARTIFACTS, 'e2e-fac-private-revealed.png'))
  })

  it('runs a voting round: limits, own dots, who has voted, ranked results', async () => {
    await lead.tab('voting')
    await lead.page.getByTestId('round-open').click()
    await ada.page.getByTestId('vote-bar').waitFor()
    await ada.waitDotsLeft(3)
    await ada.clickNote('Define update mechanism')
    await ada.waitDotsLeft(2)
    await ada.clickNote('Define update mechanism')
    await ada.waitDotsLeft(1)
    await ada.clickNote('Shared roadmap')
    await ada.waitDotsLeft(0)
    // A fourth dot is refused by the server.
    await ada.clickNote('Who owns the API?')
    await ada.page.getByRole('alert').filter({ hasText: 'no dots left' }).waitFor()
    expect(await ada.page.getByTestId('my-dot').count()).toBe(3)
    // Her own dots are marked on the two post-its, and only on her page.
    await eventually(async () => (await ada.page.getByTestId('own-dots').count()) === 2, 'marks')
    expect(await ben.page.getByTestId('own-dots').count()).toBe(0)
    await ben.clickNote('Define update mechanism')
    await ben.waitDotsLeft(2)
    await eventually(
      async () => (await lead.page.getByTestId('round-voters').innerText()).startsWith('2 people'),
      'two voters',
    )
    await ada.screenshot(join(ARTIFACTS, 'e2e-fac-voting-ada.png'))
    await lead.screenshot(join(ARTIFACTS, 'e2e-fac-voting-facilitator.png'))
    await lead.page.getByTestId('round-reveal').click()
    // In the facilitator's panel and in a participant's results card.
    const lists = [
      lead.page.getByTestId('facilitation-panel'),
      ben.page.getByTestId('vote-results'),
    ]
    for (const list of lists) {
      const results = list.getByTestId('result')
      await eventually(async () => (await results.count()) === 2, 'results')
      const texts = await results.allInnerTexts()
      expect(texts[0]).toContain('Define update mechanism (3)')
      expect(texts[1]).toContain('Shared roadmap (1)')
    }
    await lead.screenshot(join(ARTIFACTS, 'e2e-fac-results-facilitator.png'))
    await ben.screenshot(join(ARTIFACTS, 'e2e-fac-results-participant.png'))
  })

  it('brings everyone to the facilitator, and the projector follows the facilitator', async () => {
    const projector = await open(board.links.viewer, 'Projector')
    expect(await projector.page.locator('.toolbar').isVisible()).toBe(false)
    // The facilitator zooms in somewhere else; the projector follows by default.
    const zoomIn = lead.page.getByRole('button', { name: 'Zoom in' })
    await zoomIn.click()
    await zoomIn.click()
    const target = await eventually(async () => {
      const { camera } = await lead.summary()
      return camera.scale > 1.2 && camera
    }, 'zoomed in')
    const close = (a: { scale: number }, b: { scale: number }) =>
      Math.abs(a.scale - b.scale) / b.scale < 0.05
    await eventually(async () => close((await projector.summary()).camera, target), 'following')
    // A participant is brought to the same view when the facilitator calls everyone.
    expect(close((await ada.summary()).camera, target)).toBe(false)
    await lead.tab('room')
    await lead.page.getByTestId('bring-everyone').click()
    await eventually(async () => close((await ada.summary()).camera, target), 'brought here')
    await projector.page.getByTestId('presenter-large').click()
    await projector.page.getByTestId('presenter-contrast').click()
    await projector.screenshot(join(ARTIFACTS, 'e2e-fac-projector.png'))
    await lead.screenshot(join(ARTIFACTS, 'e2e-fac-room-facilitator.png'))
    expect(errors).toEqual([])
  })
})
