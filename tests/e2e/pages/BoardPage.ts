/**
 * Page object for a board: acts like a person (double-click, type, drag) and reads the document
 * through the page's test hook (`window.__board.summary()`).
 */
import type { Page } from 'playwright-core'
import type { BoardSummary } from '../../../client/board/testHook.ts'
import { eventually } from '../browser.ts'

/** The shape of the page's test hook, owned by the client that installs it. */
export type { BoardSummary }
export type ItemSummary = BoardSummary['items'][number]

export class BoardPage {
  constructor(readonly page: Page) {}

  /** Opens a board link and joins under `name`. */
  async open(url: string, name: string): Promise<this> {
    await this.page.goto(url)
    await this.join(name)
    return this
  }

  async join(name: string): Promise<void> {
    await this.page.getByTestId('board-canvas').waitFor()
    const input = this.page.getByTestId('name-input')
    if (await input.isVisible()) {
      await input.fill(name)
      await this.page.getByTestId('name-save').click()
      await input.waitFor({ state: 'detached' })
    }
  }

  summary(): Promise<BoardSummary> {
    return this.page.evaluate(() => {
      const hook = (window as unknown as { __board?: { summary(): BoardSummary } }).__board
      if (!hook) throw new Error('board not open')
      return hook.summary()
    })
  }

  async waitOnline(): Promise<void> {
    await eventually(async () => (await this.summary()).connection === 'online', 'online')
  }

  saveStatus(): Promise<string> {
    return this.page.getByTestId('save-status').innerText()
  }

  async waitSaved(): Promise<void> {
    await eventually(
      async () =>
        (await this.page.getByTestId('save-status').getAttribute('data-state')) === 'saved',
      'all changes saved',
    )
  }

  /** A point on the canvas, relative to its top-left corner, in page coordinates. */
  async canvasPoint(x: number, y: number): Promise<{ x: number; y: number }> {
    const box = await this.page.getByTestId('board-canvas').boundingBox()
    if (!box) throw new Error('no canvas')
    return { x: box.x + x, y: box.y + y }
  }

  /** Double-clicks empty canvas: creates a post-it there and opens its text editor. */
  async createNoteAt(x: number, y: number): Promise<string> {
    const before = new Set((await this.summary()).items.map((i) => i.id))
    const p = await this.canvasPoint(x, y)
    await this.page.mouse.dblclick(p.x, p.y)
    await this.page.getByTestId('text-editor').waitFor()
    return eventually(async () => {
      const added = (await this.summary()).items.find((i) => !before.has(i.id))
      return added?.id
    }, 'the new post-it')
  }

  /** A post-it at (x, y) with `text` written in it, editing finished. */
  async writeNoteAt(x: number, y: number, text: string): Promise<string> {
    const id = await this.createNoteAt(x, y)
    await this.type(text)
    await this.finishEditing()
    return id
  }

  /** Presses 'n': a post-it under the pointer, whatever is there, with its editor open. */
  async createNoteWithKey(x: number, y: number): Promise<string> {
    const before = new Set((await this.summary()).items.map((i) => i.id))
    const p = await this.canvasPoint(x, y)
    await this.page.mouse.move(p.x, p.y)
    await this.page.keyboard.press('n')
    await this.page.getByTestId('text-editor').waitFor()
    return eventually(async () => {
      const added = (await this.summary()).items.find((i) => !before.has(i.id))
      return added?.id
    }, 'the new post-it')
  }

  async type(text: string): Promise<void> {
    await this.page.getByTestId('text-editor').pressSequentially(text, { delay: 10 })
  }

  async finishEditing(): Promise<void> {
    await this.page.getByTestId('text-editor').press('Escape')
    await this.page.getByTestId('text-editor').waitFor({ state: 'detached' })
  }

  async clickCanvas(x: number, y: number, modifiers: ('Shift' | 'Control')[] = []): Promise<void> {
    const p = await this.canvasPoint(x, y)
    for (const m of modifiers) await this.page.keyboard.down(m)
    await this.page.mouse.click(p.x, p.y)
    for (const m of modifiers) await this.page.keyboard.up(m)
  }

  async drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    const a = await this.canvasPoint(from.x, from.y)
    const b = await this.canvasPoint(to.x, to.y)
    await this.page.mouse.move(a.x, a.y)
    await this.page.mouse.down()
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 })
    await this.page.mouse.move(b.x, b.y, { steps: 5 })
    await this.page.mouse.up()
  }

  async chooseTool(tool: 'select' | 'hand' | 'note' | 'frame'): Promise<void> {
    await this.page.locator(`[data-tool=${tool}]`).click()
  }

  async setColor(color: string): Promise<void> {
    await this.page.locator(`.swatch[data-color=${color}]`).click()
  }

  async waitForItem(predicate: (item: ItemSummary) => boolean, what: string): Promise<ItemSummary> {
    return eventually(async () => (await this.summary()).items.find(predicate), what)
  }

  hasToolbarTool(tool: string): Promise<boolean> {
    return this.page.locator(`[data-tool=${tool}]`).isVisible()
  }

  /** A board point as a point on the canvas (relative to its top-left corner). */
  async boardToCanvas(x: number, y: number): Promise<{ x: number; y: number }> {
    const { camera } = await this.summary()
    return { x: x * camera.scale + camera.x, y: y * camera.scale + camera.y }
  }

  /** Opens the export dialog from the top bar. */
  async openExport(): Promise<void> {
    await this.page.getByTestId('export').click()
    await this.page.getByTestId('export-dialog').waitFor()
  }

  /**
   * Clicks an export button (`export-png`, `export-pdf`, `export-markdown`...) and saves the
   * download at `path`. Returns the browser's suggested file name.
   */
  async exportTo(button: string, path: string, scope?: string): Promise<string> {
    if (scope !== undefined) await this.page.getByTestId('export-scope').selectOption(scope)
    const error = this.page.getByTestId('export-error')
    const [download] = await Promise.all([
      Promise.race([
        this.page.waitForEvent('download', { timeout: 60_000 }),
        // An export that fails says so in the dialog; fail with its message, not a timeout.
        error.waitFor({ timeout: 60_000 }).then(async () => {
          throw new Error(`export failed: ${await error.innerText()}`)
        }),
      ]),
      this.page.getByTestId(button).click(),
    ])
    const failure = await download.failure()
    if (failure) throw new Error(`download failed: ${failure}`)
    await download.saveAs(path)
    return download.suggestedFilename()
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path })
  }
}
