/**
 * Post-its on a projector far from the wall: at about a third of their size (a poster or two
 * shown whole on 1920x1080) a long post-it keeps a size that reads, its first lines ending in
 * "…", instead of shrinking all of its text to specks; a short one is drawn whole.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, type CreatedBoard } from '../helpers/http.ts'
import { startE2EApp, type E2EApp } from './app.ts'
import { ARTIFACTS, browserAvailable, CHROMIUM, eventually } from './browser.ts'
import { SessionPage } from './pages/SessionPage.ts'

const run = browserAvailable()
if (!run) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)

const LONG =
  'Who reviews the deployment plan when the release team is away at the offsite, and who ' +
  'decides whether a late change may still go out on Friday afternoon?'

describe.skipIf(!run)('post-its read on a projector', () => {
  let app: E2EApp
  let board: CreatedBoard

  beforeAll(async () => {
    app = await startE2EApp('readable')
    board = await createBoard(app.server.url, { title: 'Readable', template: 'blank' })
  })
  afterAll(() => app?.close())

  it('keeps long text at a readable size at 32 %, cut to its first lines', async () => {
    const wall = new SessionPage(await app.newPage({ viewport: { width: 1920, height: 1080 } }))
    await wall.open(board.links.participant, 'Wall')
    await wall.waitOnline()
    const long = await wall.writeNoteAt(600, 400, LONG)
    const short = await wall.writeNoteAt(900, 400, 'Who?')
    await wall.page.keyboard.press('Escape')
    await wall.centerOn(long, 0.32)
    const drawn = await eventually(async () => {
      const [text] = (await wall.texts(long)).filter((t) => t.lines.join(' ').includes('Who'))
      return text && text.screenPx >= 12 && text
    }, 'the long post-it at a readable size')
    expect(drawn.lines.at(-1)!.endsWith('…')).toBe(true)
    // Its first words, in order (a word longer than a line may be broken).
    expect(LONG.replace(/\s/g, '').startsWith(drawn.lines.join('').slice(0, -1))).toBe(true)
    const [whole] = await wall.texts(short)
    expect(whole!.lines.join(' ')).toBe('Who?')
    expect(whole!.screenPx).toBeGreaterThanOrEqual(12)
    await wall.screenshot(join(ARTIFACTS, 'e2e-readable-notes-32.png'))
    // Close up the whole text is there again.
    await wall.centerOn(long, 1)
    await eventually(async () => {
      const [text] = await wall.texts(long)
      return text?.lines.join(' ') === LONG && text
    }, 'the whole text close up')
  })
})
