/**
 * The facilitator's Links tab in a real Chromium: an expiry date, replacing the participant link
 * (the participant who joined with it is shown the link is no longer valid; the new link works),
 * and the app connecting under the CSP's `connect-src 'self'` without a violation.
 */
import type { Page } from 'playwright-core'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, type CreatedBoard } from '../helpers/http.ts'
import { startE2EApp, type E2EApp } from './app.ts'
import { ARTIFACTS, browserAvailable, CHROMIUM, eventually } from './browser.ts'
import { FacilitationPage } from './pages/FacilitationPage.ts'

const run = browserAvailable()
if (!run) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)

describe.skipIf(!run)('links in the browser', () => {
  let app: E2EApp
  let board: CreatedBoard
  let lead: FacilitationPage
  const cspViolations: string[] = []

  const open = async (link: string, name: string) => {
    const page: Page = await app.newPage()
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text())
    })
    const p = new FacilitationPage(page)
    await p.open(link, name)
    return p
  }

  beforeAll(async () => {
    app = await startE2EApp('links')
    board = await createBoard(app.server.url, { title: 'Links' })
    lead = await open(board.links.facilitator, 'Fran (facilitator)')
    await lead.waitOnline()
  })
  afterAll(() => app?.close())

  it("connects its socket under connect-src 'self'", async () => {
    const res = await fetch(board.links.viewer.split('#')[0]!)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("connect-src 'self';")
    expect(csp).not.toMatch(/connect-src[^;]*ws:/)
    // The page went online above: its ws:// socket to this same host was allowed.
    expect(cspViolations).toEqual([])
  })

  it('sets an expiry date and replaces the participant link', async () => {
    const ada = await open(board.links.participant, 'Ada')
    await ada.waitOnline()
    await lead.openPanel()
    await lead.page.getByTestId('fac-tab-links').click()
    const section = lead.page.getByTestId('links-section')
    await section.waitFor()
    expect(await lead.page.getByTestId('link-participant-value').inputValue()).toBe(
      board.links.participant,
    )
    await lead.page.getByTestId('link-viewer-date').fill('2031-06-01T18:00')
    await lead.page.getByTestId('link-viewer-set-expiry').click()
    await eventually(
      async () =>
        (await lead.page.getByTestId('link-viewer-expiry').innerText()).startsWith('Expires'),
      'the expiry date',
    )
    await lead.page.getByTestId('link-participant-rotate').click()
    await lead.page.getByTestId('link-participant-rotate-yes').click()
    await eventually(
      async () =>
        (await lead.page.getByTestId('link-participant-value').inputValue()) !==
        board.links.participant,
      'a new participant link',
    )
    await lead.page.screenshot({ path: join(ARTIFACTS, 'links-panel.png') })
    // Ada joined with the old link: she is told it is no longer valid.
    await eventually(
      async () => (await ada.page.getByText('This link is not valid').count()) > 0,
      'the old link refused',
    )
    await ada.page.screenshot({ path: join(ARTIFACTS, 'links-replaced.png') })
    // The new one opens the board.
    const fresh = await lead.page.getByTestId('link-participant-value').inputValue()
    const ben = await open(fresh, 'Ben')
    await ben.waitOnline()
    // The facilitator's own link was not touched.
    expect((await lead.summary()).connection).toBe('online')
    expect(cspViolations).toEqual([])
  })

  it('reopens the page with the new link when facilitators replace their own', async () => {
    await lead.openPanel()
    await lead.page.getByTestId('fac-tab-links').click()
    const before = await lead.page.getByTestId('link-facilitator-value').inputValue()
    await lead.page.getByTestId('link-facilitator-rotate').click()
    await lead.page.getByTestId('link-facilitator-rotate-yes').click()
    await eventually(
      async () => lead.page.url() !== before && lead.page.url().includes('#token=f1.'),
      'the page on the new link',
    )
    await lead.waitOnline()
    // The old facilitator link opens nothing any more.
    const old = await app.newPage()
    await old.goto(before)
    await eventually(
      async () => (await old.getByText('This link is not valid').count()) > 0,
      'the old facilitator link refused',
    )
  })
})
