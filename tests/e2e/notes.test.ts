/**
 * Structured notes in a real Chromium with two people: the setup is edited together, two
 * scribes type into the same notes and see each other's carets, a bold point and a post-it
 * become items of the notes, and exports name only who agreed. Screenshots in tests/artifacts/.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STATIC_DIR } from './app.ts'
import { startServer, type RunningServer } from '../../server/app.ts'
import { createBoard, type CreatedBoard } from '../helpers/http.ts'
import { ARTIFACTS, browserAvailable, CHROMIUM, eventually, launchBrowser } from './browser.ts'
import { BoardPage } from './pages/BoardPage.ts'
import { NotesPanel } from './pages/NotesPanel.ts'

const run = browserAvailable()
if (!run) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)

describe.skipIf(!run)('structured notes in the browser', () => {
  let server: RunningServer
  let browser: Browser
  let dataDir: string
  let board: CreatedBoard
  const contexts: BrowserContext[] = []
  let ada: BoardPage
  let grace: BoardPage
  let adaNotes: NotesPanel
  let graceNotes: NotesPanel

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (err) => console.error('[page error]', err.message))
    return page
  }

  const exportText = async (format: string): Promise<string> => {
    const res = await fetch(`${server.url}/api/boards/${board.id}/export?format=${format}`, {
      headers: { Authorization: `Bearer ${board.tokens.viewer}` },
    })
    expect(res.status).toBe(200)
    return res.text()
  }

  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) {
      throw new Error(`${STATIC_DIR} is missing: run \`npx vite build\` first (npm test does)`)
    }
    dataDir = mkdtempSync(join(tmpdir(), 'wb-e2e-notes-'))
    server = await startServer({ port: 0, dataDir, staticDir: STATIC_DIR, logLevel: 'warn' })
    browser = await launchBrowser()
    board = await createBoard(server.url, { title: 'How do we work together' })
    ada = await new BoardPage(await newPage()).open(board.links.facilitator, 'Ada')
    grace = await new BoardPage(await newPage()).open(board.links.participant, 'Grace')
    await ada.waitOnline()
    await grace.waitOnline()
    adaNotes = new NotesPanel(ada.page)
    graceNotes = new NotesPanel(grace.page)
    await adaNotes.open()
    await graceNotes.open()
  })

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('edits the setup together', async () => {
    await adaNotes.tab('setup')
    await graceNotes.tab('setup')
    await adaNotes.setupField('theme').fill('Working together')
    await graceNotes.setupField('leaders').fill('Birgit, Greg')
    await eventually(
      async () => (await graceNotes.setupField('theme').inputValue()) === 'Working together',
      'the theme on the other page',
    )
    await eventually(
      async () => (await adaNotes.setupField('leaders').inputValue()) === 'Birgit, Greg',
      'the leaders on the other page',
    )
    await adaNotes.page.getByTestId('setup-add-question').click()
    const q = adaNotes.page.getByTestId('setup-question')
    await q.fill('Who owns the decisions?')
    await q.press('Enter')
    await adaNotes.setupField('license').selectOption('CC0-1.0')
    await eventually(
      async () => (await exportText('markdown')).includes('Who owns the decisions?'),
      'question exported',
    )
    expect(await exportText('markdown')).toMatch(/CC0/)
  })

  it('lets two scribes type at once, with carets, bold points and time stamps', async () => {
    await adaNotes.tab('scribe')
    await graceNotes.tab('scribe')
    const a = adaNotes.scribe()
    const g = graceNotes.scribe()
    await a.click()
    await ada.page.keyboard.press('Control+b')
    await ada.page.keyboard.type('Owners must sign off', { delay: 5 })
    await ada.page.keyboard.press('Control+b')
    await ada.page.keyboard.type(' before launch.', { delay: 5 })
    await eventually(
      async () => (await g.innerText()).includes('Owners must sign off'),
      'Ada’s text at Grace',
    )
    await g.click()
    await grace.page.keyboard.press('Control+End')
    await grace.page.keyboard.press('Enter')
    await grace.page.keyboard.type('- maintenance is a broken step', { delay: 5 })
    await eventually(
      async () => (await a.innerText()).includes('maintenance is a broken step'),
      'Grace’s list at Ada',
    )
    // Each sees the other's caret with a name.
    await eventually(
      async () => (await ada.page.locator('.scribe-caret-label').allInnerTexts()).includes('Grace'),
      'Grace’s caret at Ada',
    )
    expect(await a.locator('strong').first().innerText()).toBe('Owners must sign off')
    expect(await a.locator('li').count()).toBe(1)
    expect(await a.locator('p[data-time]').count()).toBeGreaterThanOrEqual(2)
    await ada.page.screenshot({ path: join(ARTIFACTS, 'e2e-notes-scribe.png') })
    expect(await exportText('wikitext')).toContain("'''Owners must sign off'''")
  })

  it('offers bold points and promotes a post-it into a section, linked back', async () => {
    await adaNotes.tab('notes')
    const bold = ada.page.getByTestId('notes-bold')
    await bold.getByText('Owners must sign off').waitFor()
    await bold.getByRole('button', { name: 'Add' }).first().click()
    await eventually(
      async () => (await adaNotes.sectionEntries('features')).includes('Owners must sign off'),
      'the bold point as a feature',
    )
    // A post-it on the canvas, promoted from the context menu.
    await adaNotes.page.getByTestId('notes-toggle').click()
    const id = await ada.writeNoteAt(300, 300, 'Define the update mechanism')
    const p = await ada.canvasPoint(300, 300)
    await ada.page.mouse.click(p.x, p.y, { button: 'right' })
    await ada.page.getByRole('menuitem', { name: 'Add to notes: Action items' }).click()
    await adaNotes.open()
    await eventually(
      async () =>
        (await adaNotes.sectionEntries('actions')).includes('Define the update mechanism'),
      'the post-it as an action item',
    )
    const card = ada.page.locator('[data-section=actions] [data-testid=notes-entry]').first()
    await card.getByLabel('Who is responsible?').fill('Release managers')
    await ada.page.mouse.click(10, 880)
    await card.getByTestId('entry-source').click()
    // The post-it is brought into view, zoomed in.
    await eventually(
      async () => Math.abs((await ada.summary()).camera.scale - 1.5) < 0.01,
      'the view zoomed to the post-it',
    )
    await graceNotes.tab('notes')
    await eventually(
      async () =>
        (await graceNotes.sectionEntries('actions')).includes('Define the update mechanism'),
      'the action item at Grace',
    )
    await ada.page.screenshot({ path: join(ARTIFACTS, 'e2e-notes-sections.png') })
    const md = await exportText('markdown')
    expect(md).toContain('Define the update mechanism')
    expect(md).toContain('Release managers')
    expect(id).toBeTruthy()
  })

  it('names in exports only the people who agreed', async () => {
    expect(await exportText('csv')).not.toContain('Ada')
    await adaNotes.tab('setup')
    await ada.page.getByTestId('name-in-exports').check()
    await eventually(async () => (await exportText('csv')).includes('Ada'), 'Ada named in the CSV')
    const csv = await exportText('csv')
    expect(csv).not.toContain('Grace')
  })
})
