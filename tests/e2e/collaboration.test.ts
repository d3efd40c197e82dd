/**
 * Two people on one board in a real Chromium against a real server: a post-it written on one
 * page appears with its text on the other; a viewer link cannot change anything; a poster
 * carries its post-its. Screenshots go to tests/artifacts/ to be looked at.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2EApp, type E2EApp } from './app.ts'
import { ARTIFACTS, browserAvailable, CHROMIUM, eventually } from './browser.ts'
import { BoardPage } from './pages/BoardPage.ts'
import { StartPage, type BoardLinks } from './pages/StartPage.ts'

const run = browserAvailable()
if (!run) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)

describe.skipIf(!run)('collaboration in the browser', () => {
  let app: E2EApp
  let links: BoardLinks
  let ada: BoardPage
  let grace: BoardPage

  const newPage = () => app.newPage()

  beforeAll(async () => {
    app = await startE2EApp('collab')
  })
  afterAll(() => app?.close())

  it('shows a post-it written on one page, with its text, on the other', async () => {
    const start = new StartPage(await newPage())
    await start.goto(app.server.url)
    links = await start.createBoard('How do we work together')
    expect(links.participant).toContain('#token=')
    await start.openAsFacilitator()
    ada = new BoardPage(start.page)
    await ada.join('Ada')
    await ada.waitOnline()

    const gracePage = await newPage()
    const sockets: string[] = []
    gracePage.on('websocket', (ws) => sockets.push(new URL(ws.url()).pathname))
    grace = await new BoardPage(gracePage).open(links.participant, 'Grace')
    await grace.waitOnline()
    // The session opened as the app starts is the one the page uses: one socket to the board,
    // and the token has left the address bar.
    const boardPath = new URL(links.participant).pathname
    expect(sockets.filter((p) => p === `/ws/${boardPath.split('/').pop()}`)).toHaveLength(1)
    expect(gracePage.url()).not.toContain('token=')

    await ada.createNoteAt(420, 320)
    await ada.type('Code review takes too long')
    await ada.page.screenshot({ path: join(ARTIFACTS, 'e2e-editing.png') })
    await ada.finishEditing()

    const seen = await grace.waitForItem(
      (i) => i.kind === 'note' && i.text === 'Code review takes too long',
      'the post-it with its text on the second page',
    )
    expect(seen.parentId).toBeNull()
    await ada.waitSaved()
    expect(await ada.saveStatus()).toBe('All changes saved')
    // Each sees the other.
    await eventually(async () => (await grace.summary()).peers.includes('Ada'), 'Ada in the list')
    expect((await grace.summary()).title).toBe('How do we work together')

    await ada.page.screenshot({ path: join(ARTIFACTS, 'e2e-facilitator.png') })
    await grace.page.screenshot({ path: join(ARTIFACTS, 'e2e-participant.png') })
  })

  it('gives a viewer link a read-only board', async () => {
    const viewer = await new BoardPage(await newPage()).open(links.viewer, 'Projector')
    await viewer.waitOnline()
    await viewer.waitForItem((i) => i.text === 'Code review takes too long', 'the post-it')
    const before = await viewer.summary()
    expect(before.readOnly).toBe(true)
    expect(await viewer.hasToolbarTool('note')).toBe(false)
    expect(await viewer.hasToolbarTool('frame')).toBe(false)

    // Neither double-click nor the keyboard makes a post-it.
    const p = await viewer.canvasPoint(900, 600)
    await viewer.page.mouse.dblclick(p.x, p.y)
    await viewer.page.keyboard.press('n')
    await viewer.page.keyboard.press('Delete')
    expect(await viewer.page.getByTestId('text-editor').count()).toBe(0)
    expect((await viewer.summary()).items).toEqual(before.items)
    expect((await ada.summary()).items).toHaveLength(before.items.length)
    await viewer.page.screenshot({ path: join(ARTIFACTS, 'e2e-viewer.png') })
  })

  it('moves a poster together with the post-its on it', async () => {
    await ada.chooseTool('frame')
    await ada.drag({ x: 620, y: 150 }, { x: 1180, y: 560 })
    const frame = await ada.waitForItem((i) => i.kind === 'frame', 'the poster')

    await ada.writeNoteAt(800, 380, 'Who owns the deploy?')
    const note = await ada.waitForItem((i) => i.text === 'Who owns the deploy?', 'the note')
    expect(note.parentId).toBe(frame.id)

    // Drag the poster by its title bar; the post-it goes along.
    await ada.clickCanvas(1000, 800 - 40)
    await ada.drag({ x: 700, y: 170 }, { x: 600, y: 220 })
    const moved = await ada.waitForItem(
      (i) => i.id === note.id && i.x !== note.x,
      'the post-it moved with its poster',
    )
    expect(moved.x - note.x).toBe(-100)
    expect(moved.y - note.y).toBe(50)
    await grace.waitForItem(
      (i) => i.id === note.id && i.x === moved.x,
      'the move on the other page',
    )

    // Dragged out of the poster, it leaves it.
    await ada.drag({ x: 700, y: 430 }, { x: 300, y: 650 })
    await ada.waitForItem(
      (i) => i.id === note.id && i.parentId === null,
      'the post-it out of the poster',
    )
    await ada.page.screenshot({ path: join(ARTIFACTS, 'e2e-poster.png') })
  })

  it('leaves the board alone while the name dialog is open, keys included', async () => {
    const page = await newPage()
    await page.goto(links.participant)
    const input = page.getByTestId('name-input')
    await input.waitFor()
    const board = new BoardPage(page)
    const notesBefore = (await board.summary()).items.filter((i) => i.kind === 'note').length
    // A click beside the dialog lands on its backdrop and focuses the dialog itself; N is the
    // board's key for a new post-it.
    await page.mouse.click(8, 400)
    await page.keyboard.press('n')
    await page.keyboard.type('nothing here')
    await board.join('Linus')
    await board.waitOnline()
    const notesAfter = (await board.summary()).items.filter((i) => i.kind === 'note').length
    expect(notesAfter).toBe(notesBefore)
  })

  it('says so when a link is not valid', async () => {
    const id = new URL(links.viewer).pathname.split('/').pop()!
    const page = await newPage()
    await page.goto(`${app.server.url}/b/${id}#token=pNotAValidToken`)
    const notice = page.getByTestId('notice')
    await notice.waitFor()
    expect(await notice.innerText()).toContain('This link is not valid')
  })

  it('keeps offline edits across a reload and merges them on reconnect', async () => {
    const context = grace.page.context()
    // The app shell is cached by the service worker once it controls the page.
    await eventually(
      () => grace.page.evaluate(async () => (await navigator.serviceWorker.ready).active !== null),
      'the service worker',
    )
    const before = (await grace.summary()).items.map((i) => i.id)
    await context.setOffline(true)
    await eventually(async () => (await grace.summary()).connection === 'offline', 'offline')
    await grace.createNoteWithKey(300, 650)
    await grace.type('Written offline')
    await grace.finishEditing()
    const status = await grace.page.getByTestId('save-status')
    expect(await status.getAttribute('data-state')).toBe('waiting')
    // One post-it typed in many keystrokes is one change.
    expect(await status.innerText()).toBe('Offline, 1 change waiting')

    await grace.page.reload()
    await grace.page.getByTestId('board-canvas').waitFor()
    await grace.waitForItem((i) => i.text === 'Written offline', 'the offline post-it after reload')
    // What the server had sent before is on this device too, first sync included.
    const after = (await grace.summary()).items.map((i) => i.id)
    expect(before.length).toBeGreaterThan(0)
    expect(after).toEqual(expect.arrayContaining(before))
    await grace.page.screenshot({ path: join(ARTIFACTS, 'e2e-offline.png') })
    expect(await grace.page.getByTestId('save-status').getAttribute('data-state')).toBe('waiting')

    await context.setOffline(false)
    await ada.waitForItem(
      (i) => i.text === 'Written offline',
      'the offline post-it on the other page',
    )
    await grace.waitSaved()
  })
})
