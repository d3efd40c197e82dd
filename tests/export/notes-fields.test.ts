/**
 * In Chromium: a scribe promotes a post-it to an action item and a decision, gives them an
 * owner, a due time, an agreement and an urgency in the notes panel, and picks the table form;
 * the exports say so. Screenshot in tests/artifacts/notes-fields.png.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2EApp, type E2EApp } from '../e2e/app.ts'
import { ARTIFACTS, browserAvailable, CHROMIUM, eventually } from '../e2e/browser.ts'
import { BoardPage } from '../e2e/pages/BoardPage.ts'
import { NotesPanel } from '../e2e/pages/NotesPanel.ts'
import { createBoard, type CreatedBoard } from '../helpers/http.ts'

const run = browserAvailable()
if (!run) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)

describe.skipIf(!run)('owners, due times, agreement and urgency in the notes panel', () => {
  let app: E2EApp
  let board: CreatedBoard
  let ada: BoardPage
  let notes: NotesPanel

  const exportText = async (format: string): Promise<string> => {
    const res = await fetch(`${app.server.url}/api/boards/${board.id}/export?format=${format}`, {
      headers: { Authorization: `Bearer ${board.tokens.viewer}` },
    })
    expect(res.status).toBe(200)
    return res.text()
  }

  beforeAll(async () => {
    app = await startE2EApp('notes-fields')
    board = await createBoard(app.server.url, { title: 'Roadmap' })
    ada = await new BoardPage(
      await app.newPage({ viewport: { width: 1400, height: 1000 }, timezoneId: 'Europe/Berlin' }),
    ).open(board.links.facilitator, 'Ada')
    await ada.waitOnline()
    notes = new NotesPanel(ada.page)
    await notes.open()
    await notes.tab('setup')
    // Ada agrees to be named, so that she can be chosen as an owner by name.
    await ada.page.getByTestId('name-in-exports').check()
  })

  afterAll(async () => {
    await app?.close()
  })

  it('edits the fields and picks the table form, and the exports follow', async () => {
    await notes.tab('notes')
    const page = ada.page
    await page.getByTestId('add-entry-actions').click()
    const action = page.locator('[data-section=actions] [data-testid=notes-entry]').first()
    await action.getByTestId('entry-text').fill('Write the grammar RFC')
    await action.getByTestId('entry-owner').selectOption({ label: 'Ada' })
    await action.getByTestId('entry-due').fill('2026-12-11T17:00')
    await action.getByTestId('entry-urgency').selectOption('high')
    await eventually(
      async () =>
        (await action.getByTestId('entry-due-shown').innerText()).includes('Europe/Berlin'),
      'the due time as exported',
    )

    await page.getByTestId('add-entry-decisions').click()
    const decision = page.locator('[data-section=decisions] [data-testid=notes-entry]').first()
    await decision.getByTestId('entry-text').fill('Adopt Proposition 7')
    await decision.getByTestId('entry-owner-name').fill('Runtime team')
    await decision.getByTestId('entry-owner-name').press('Enter')
    await decision.getByTestId('entry-agreement').selectOption('mostly')

    await eventually(async () => {
      const wiki = await exportText('wikitext')
      return (
        wiki.includes("''Due:'' 2026-12-11 17:00 Europe/Berlin (UTC+01:00)") &&
        wiki.includes("''Agreement:'' mostly agreed") &&
        wiki.includes("''Who is responsible?'' Runtime team")
      )
    }, 'the list form in the wikitext')
    const list = await exportText('wikitext')
    expect(list).toContain("''Who is responsible?'' Ada")
    expect(list).toContain("''Urgency:'' high")

    await page.getByTestId('notes-layout-table').check()
    await page.getByTestId('notes-show-unvoted').check()
    await eventually(
      async () => (await exportText('wikitext')).includes('{| class="wikitable sortable"'),
      'the table form',
    )
    const table = await exportText('wikitext')
    expect(table).toContain(
      '| data-sort-value="2026-12-11T16:00Z" | 2026-12-11 17:00 Europe/Berlin',
    )
    expect(table).toContain('| data-sort-value="2" | mostly agreed')
    await page.getByTestId('notes-export-options').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(ARTIFACTS, 'notes-fields.png') })
    await action.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(ARTIFACTS, 'notes-fields-action.png') })
  })
})
