/**
 * Catching up in a real Chromium: Ada looks at the board and goes away; Grace adds, edits,
 * moves, deletes and comments; Ada comes back to the same browser and walks through the
 * highlighted changes, then marks them seen, which survives a reload. Screenshots go to
 * tests/artifacts/ to be looked at.
 */
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, type CreatedBoard } from '../helpers/http.ts'
import { startE2EApp, type E2EApp } from './app.ts'
import { ARTIFACTS, browserAvailable, CHROMIUM, eventually } from './browser.ts'
import { BoardPage } from './pages/BoardPage.ts'
import { CatchUpPage } from './pages/CatchUpPage.ts'

const run = browserAvailable()
if (!run) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)

describe.skipIf(!run)('catch-up in the browser', () => {
  let app: E2EApp

  const newContext = (timezoneId: string) => app.newContext({ timezoneId })
  const newPage = async (context: BrowserContext): Promise<Page> => {
    const page = await context.newPage()
    page.on('pageerror', (err) => console.error('[page error]', err.message))
    return page
  }

  beforeAll(async () => {
    app = await startE2EApp('catchup')
  })
  afterAll(() => app?.close())

  it(
    'highlights what changed while a person was away and walks through it',
    { timeout: 120_000 },
    async () => {
      const board: CreatedBoard = await createBoard(app.server.url, { title: 'Catch-up' })
      const grace = await new BoardPage(
        await newPage(await newContext('America/Los_Angeles')),
      ).open(board.links.facilitator, 'Grace')
      await grace.waitOnline()
      const texts = ['Deploys are slow', 'Who owns the API?', 'Docs are outdated']
      for (const [i, text] of texts.entries()) {
        await grace.writeNoteAt(200 + i * 260, 220, text)
      }
      await grace.waitSaved()
      const graceTools = new CatchUpPage(grace.page)
      await graceTools.saveVersion('End of Part I')

      // Ada looks at the board once (her first look is the starting point), then goes away.
      const adaContext = await newContext('Europe/Berlin')
      let ada = await new BoardPage(await newPage(adaContext)).open(board.links.participant, 'Ada')
      await ada.waitOnline()
      await eventually(async () => (await ada.summary()).items.length === 3, 'three post-its')
      let adaTools = new CatchUpPage(ada.page)
      await eventually(
        () =>
          ada.page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('wb.seen.'))),
        'Ada’s first look stored',
      )
      expect(await adaTools.changeCount()).toBe(0)
      await ada.page.close()

      // Grace goes on: one new, one edited, one moved, one deleted, one comment.
      const byText = async (text: string) => {
        const item = await grace.waitForItem((i) => i.text === text, text)
        return { item, at: await grace.boardToCanvas(item.x + 80, item.y + 80) }
      }
      // Nothing selected, so no inspector covers the canvas.
      await grace.clickCanvas(240, 470)
      await grace.writeNoteAt(240, 470, 'Written while Ada was away')
      const edited = await byText('Who owns the API?')
      await grace.page.mouse.dblclick(
        ...((p) => [p.x, p.y] as const)(await grace.canvasPoint(edited.at.x, edited.at.y)),
      )
      await grace.page.getByTestId('text-editor').waitFor()
      await grace.page.keyboard.press('End')
      await grace.type(' Team Platform')
      await grace.finishEditing()
      const moved = await byText('Deploys are slow')
      await grace.drag(moved.at, { x: moved.at.x + 40, y: moved.at.y + 300 })
      const deleted = await byText('Docs are outdated')
      await grace.clickCanvas(deleted.at.x, deleted.at.y)
      await grace.page.keyboard.press('Delete')
      await eventually(
        async () => !(await grace.summary()).items.some((i) => i.text === 'Docs are outdated'),
        'the deleted post-it gone',
      )
      const commented = await byText('Who owns the API? Team Platform')
      await grace.clickCanvas(commented.at.x, commented.at.y)
      await graceTools.comment('Can someone from Platform confirm?')
      await grace.waitSaved()
      // Her own edits are not news to her.
      expect(await graceTools.changeCount()).toBe(0)
      await grace.screenshot(join(ARTIFACTS, 'e2e-catchup-writer.png'))

      // Ada returns in the same browser.
      ada = await new BoardPage(await newPage(adaContext)).open(board.links.participant, 'Ada')
      adaTools = new CatchUpPage(ada.page)
      await ada.waitOnline()
      await adaTools.waitForChanges(5)
      const rings = await adaTools.rings()
      expect(rings.map((r) => r.status).sort()).toEqual([
        'deleted',
        'edited',
        'moved',
        'new',
        'new',
      ])
      await ada.screenshot(join(ARTIFACTS, 'e2e-catchup-return.png'))

      // Grace works from another timezone: Ada sees Grace's local time in the people list.
      await ada.page.getByTestId('people').click()
      await eventually(
        async () => (await ada.page.getByTestId('person-time').allInnerTexts()).join('|'),
        'local times',
      )
      const times = await ada.page.getByTestId('person-time').allInnerTexts()
      expect(times.some((t) => t.includes('in Los Angeles') && t.includes('here now'))).toBe(true)
      expect(times.some((t) => t.includes('in Berlin'))).toBe(true)
      await ada.screenshot(join(ARTIFACTS, 'e2e-catchup-people.png'))
      await ada.page.getByTestId('people').click()

      const walked: string[] = []
      for (let i = 0; i < 5; i++) {
        const ring = await adaTools.next()
        walked.push(ring.id)
        // The view is brought to it: its ring lies inside the canvas.
        await eventually(async () => {
          const r = await ada.page.locator('.catchup-ring--current').boundingBox()
          const c = await ada.page.getByTestId('board-canvas').boundingBox()
          return (
            r &&
            c &&
            r.x >= c.x &&
            r.y >= c.y &&
            r.x + r.width <= c.x + c.width &&
            r.y + r.height <= c.y + c.height
          )
        }, `change ${ring.id} in view`)
        if (i === 1) await ada.screenshot(join(ARTIFACTS, 'e2e-catchup-walk.png'))
      }
      expect(new Set(walked).size).toBe(5)

      await adaTools.openTab('activity')
      await eventually(
        async () => (await ada.page.getByTestId('activity-entry').count()) >= 5,
        'activity entries',
      )
      const feed = await ada.page.getByTestId('activity-panel').innerText()
      expect(feed).toContain('Grace')
      expect(feed).toContain('deleted')
      await ada.screenshot(join(ARTIFACTS, 'e2e-catchup-activity.png'))

      await adaTools.openTab('history')
      await ada.page.getByTestId('history-version').filter({ hasText: 'End of Part I' }).click()
      const diff = await ada.page.getByTestId('history-diff').innerText()
      expect(diff).toContain('Written while Ada was away')
      expect(diff).toContain('Docs are outdated')
      await ada.screenshot(join(ARTIFACTS, 'e2e-catchup-history.png'))

      // Opening the version draws the board as it was, read-only, in the board's place.
      const banner = ada.page.getByTestId('version-banner')
      await banner.waitFor()
      expect(await banner.innerText()).toContain('End of Part I')
      expect(await banner.innerText()).toContain('read-only')
      expect(await ada.page.getByTestId('version-restore').count()).toBe(0)
      const drawnTexts = () =>
        ada.page.evaluate(() => {
          type Hook = { noteIds(n: number): string[]; item(id: string): { text?: string } | null }
          const c = (window as unknown as { __canvas: Hook }).__canvas
          return c.noteIds(50).map((id) => c.item(id)?.text ?? '')
        })
      await eventually(async () => (await drawnTexts()).length === 3, 'the version drawn')
      expect((await drawnTexts()).sort()).toEqual(texts.slice().sort())
      expect(await ada.page.getByTestId('version-mark').count()).toBeGreaterThanOrEqual(3)
      // No way to edit it: no toolbar, double-click opens no editor, Delete removes nothing.
      expect(await ada.page.locator('.toolbar').count()).toBe(0)
      const box = (await ada.page.getByTestId('board-canvas').boundingBox())!
      await ada.page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2)
      await ada.page.keyboard.press('Delete')
      expect(await ada.page.getByTestId('text-editor').count()).toBe(0)
      expect((await drawnTexts()).length).toBe(3)
      expect((await ada.summary()).readOnly).toBe(true)
      await ada.screenshot(join(ARTIFACTS, 'e2e-catchup-version.png'))
      await ada.page.getByTestId('version-back').click()
      await banner.waitFor({ state: 'detached' })
      expect((await ada.summary()).readOnly).toBe(false)
      await eventually(
        async () => (await drawnTexts()).includes('Written while Ada was away'),
        'the board as it is now',
      )

      // A viewer (the projector) reads the thread but cannot write or restore.
      const viewer = await new BoardPage(await newPage(await newContext('Asia/Tokyo'))).open(
        board.links.viewer,
        'Wall',
      )
      const viewerTools = new CatchUpPage(viewer.page)
      await viewer.waitOnline()
      await viewerTools.openTab('comments')
      await viewer.page
        .getByTestId('comment-thread')
        .filter({ hasText: 'Can someone from Platform confirm?' })
        .waitFor()
      expect(await viewer.page.getByTestId('comment-new-input').count()).toBe(0)
      expect(await viewer.page.getByTestId('comment-reply-input').count()).toBe(0)
      expect(await viewer.page.getByTestId('comment-resolve').count()).toBe(0)
      await viewer.screenshot(join(ARTIFACTS, 'e2e-catchup-viewer-comments.png'))
      await viewerTools.openTab('history')
      await viewer.page.getByTestId('history-version').first().click()
      await viewer.page.getByTestId('history-diff').waitFor()
      expect(await viewer.page.getByTestId('history-restore').count()).toBe(0)
      await viewer.page.close()

      await adaTools.markAllSeen()
      await ada.page.reload()
      await ada.join('Ada')
      await ada.waitOnline()
      await eventually(async () => (await ada.summary()).items.length === 3, 'the board again')
      expect(await adaTools.changeCount()).toBe(0)
      expect(await ada.page.getByTestId('catchup-ring').count()).toBe(0)

      // The facilitator restores the whole version from its banner.
      await graceTools.openTab('history')
      await grace.page.getByTestId('history-version').filter({ hasText: 'End of Part I' }).click()
      await grace.page.getByTestId('version-banner').waitFor()
      await grace.screenshot(join(ARTIFACTS, 'e2e-catchup-version-facilitator.png'))
      grace.page.once('dialog', (d) => void d.accept())
      await grace.page.getByTestId('version-restore').click()
      await grace.page.getByTestId('version-banner').waitFor({ state: 'detached' })
      await eventually(
        async () =>
          (await grace.summary()).items
            .map((i) => i.text)
            .sort()
            .join('|') === texts.slice().sort().join('|'),
        'the board back to the version',
      )
      expect((await grace.summary()).readOnly).toBe(false)
    },
  )
})
