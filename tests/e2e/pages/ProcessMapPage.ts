/**
 * Page object for process maps and posters: draws arrows from connection handles, styles them in
 * the inspector, edits arrow labels and free labels in place, tags post-its, and reads connectors
 * and what the canvas drew through `window.__canvas`.
 */
import type { Page } from 'playwright-core'
import { eventually } from '../browser.ts'
import { BoardPage } from './BoardPage.ts'

export interface ConnectorSummary {
  id: string
  from: { itemId: string | null; x: number; y: number }
  to: { itemId: string | null; x: number; y: number }
  line: string
  marker: string
  arrowStart: boolean
  arrowEnd: boolean
  label: string
}
export interface Drawn {
  id: string
  start: { x: number; y: number }
  end: { x: number; y: number }
  mid: { x: number; y: number }
}
interface Hook {
  connectors(): ConnectorSummary[]
  tags(): { id: string; name: string; color: string }[]
  item(id: string): { x: number; y: number; w: number; h: number; tags?: string[] } | null
  selection(): string[]
  camera(): { x: number; y: number; scale: number }
  drawn(): Drawn[]
  pixel(layer: string, x: number, y: number): number[]
  centerOn(id: string, scale: number): void
}

/** The page's `window.__canvas` (only types here: evaluated functions run in the page). */
type W = { __canvas: Hook }

export class ProcessMapPage extends BoardPage {
  constructor(page: Page) {
    super(page)
  }

  connectors(): Promise<ConnectorSummary[]> {
    return this.page.evaluate(() => (window as unknown as W).__canvas.connectors())
  }

  drawn(): Promise<Drawn[]> {
    return this.page.evaluate(() => (window as unknown as W).__canvas.drawn())
  }

  tags(): Promise<{ id: string; name: string; color: string }[]> {
    return this.page.evaluate(() => (window as unknown as W).__canvas.tags())
  }

  selection(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as W).__canvas.selection())
  }

  camera(): Promise<{ x: number; y: number; scale: number }> {
    return this.page.evaluate(() => (window as unknown as W).__canvas.camera())
  }

  itemBox(id: string): Promise<{ x: number; y: number; w: number; h: number; tags?: string[] }> {
    return this.page.evaluate((i) => (window as unknown as W).__canvas.item(i)!, id)
  }

  /** A layer's pixel at a point of the canvas (canvas coordinates). */
  pixel(layer: string, x: number, y: number): Promise<number[]> {
    return this.page.evaluate(([l, px, py]) => (window as unknown as W).__canvas.pixel(l, px, py), [
      layer,
      x,
      y,
    ] as const)
  }

  /** Where an item is on screen, in canvas coordinates. */
  async screenBox(id: string): Promise<{ x: number; y: number; w: number; h: number }> {
    const i = await this.itemBox(id)
    const c = await this.camera()
    return { x: i.x * c.scale + c.x, y: i.y * c.scale + c.y, w: i.w * c.scale, h: i.h * c.scale }
  }

  /** Puts an item in the middle of the view at `scale`, and waits for the view to settle. */
  async centerOn(id: string, scale: number): Promise<void> {
    await this.page.evaluate(([i, s]) => (window as unknown as W).__canvas.centerOn(i, s), [
      id,
      scale,
    ] as const)
    // Shapes take clicks again only once the camera has rested (150 ms, useCameraMoving).
    await this.page.waitForTimeout(300)
  }

  /** Where the canvas last drew an arrow, `at` of the way along it (canvas coordinates). */
  async arrowPoint(id: string, at = 0.5): Promise<{ x: number; y: number }> {
    const d = await eventually(
      async () => (await this.drawn()).find((x) => x.id === id),
      `arrow ${id} drawn`,
    )
    return { x: d.start.x + (d.end.x - d.start.x) * at, y: d.start.y + (d.end.y - d.start.y) * at }
  }

  /** Double-clicks the middle of an arrow, where its label goes, and waits for the editor. */
  async doubleClickArrow(id: string): Promise<void> {
    const m = await this.arrowPoint(id)
    const p = await this.canvasPoint(m.x, m.y)
    await this.page.mouse.dblclick(p.x, p.y)
    await this.page.getByTestId('text-editor').waitFor()
  }

  /** Double-clicks an item `dx` pixels in from its left edge, and waits for the editor. */
  async doubleClickItem(id: string, dx: number): Promise<void> {
    const b = await this.screenBox(id)
    const p = await this.canvasPoint(b.x + dx, b.y + b.h / 2)
    await this.page.mouse.dblclick(p.x, p.y)
    await this.page.getByTestId('text-editor').waitFor()
  }

  /** The open text editor's box (canvas coordinates) and font size in pixels. */
  async textEditorBox(): Promise<{ x: number; y: number; w: number; h: number; font: number }> {
    const editor = this.page.getByTestId('text-editor')
    const box = await editor.boundingBox()
    const canvas = await this.canvasPoint(0, 0)
    if (!box) throw new Error('no text editor')
    const font = await editor.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    return { x: box.x - canvas.x, y: box.y - canvas.y, w: box.width, h: box.height, font }
  }

  /** Selects an item by clicking its middle. */
  async clickItem(id: string): Promise<void> {
    const b = await this.screenBox(id)
    await this.clickCanvas(b.x + b.w / 2, b.y + b.h / 2)
    await eventually(async () => (await this.selection()).includes(id), `${id} selected`)
  }

  /** Selects `from`, then drags its right-hand connection handle onto `to`. */
  async connect(from: string, to: string): Promise<ConnectorSummary> {
    const before = new Set((await this.connectors()).map((c) => c.id))
    await this.clickItem(from)
    const a = await this.screenBox(from)
    const b = await this.screenBox(to)
    // The handle sits 22 screen pixels right of the selected post-it.
    await this.drag({ x: a.x + a.w + 22, y: a.y + a.h / 2 }, { x: b.x + b.w / 2, y: b.y + b.h / 2 })
    return eventually(
      async () => (await this.connectors()).find((c) => !before.has(c.id)),
      'the new arrow',
    )
  }

  async pick(
    group: 'connector-line' | 'connector-marker' | 'connector-arrows' | 'note-step',
    value: string,
  ) {
    await this.page.locator(`[data-testid=${group}] [data-value=${value}]`).click()
  }

  /** Fires the page's copy event (as Ctrl+C does) and returns what it put on the clipboard. */
  copy(): Promise<string> {
    return this.page.evaluate(() => {
      const data = new DataTransfer()
      document.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true }))
      return data.getData('text/plain')
    })
  }

  /** Fires the page's paste event (as Ctrl+V does) with `text` on the clipboard. */
  async paste(text: string): Promise<void> {
    await this.page.evaluate((t) => {
      const data = new DataTransfer()
      data.setData('text/plain', t)
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
    }, text)
  }

  async addTag(name: string): Promise<void> {
    const input = this.page.getByTestId('tag-new')
    await input.fill(name)
    await input.press('Enter')
  }

  async createBoardOf(
    baseUrl: string,
    title: string,
    template: 'blank' | 'roles-and-gaps' | 'ideal-process',
    fill?: (page: Page) => Promise<void>,
  ): Promise<void> {
    await this.page.goto(baseUrl + '/')
    await this.page.getByTestId('create-title').fill(title)
    await this.page.getByTestId(`template-${template}`).check({ force: true })
    if (fill) await fill(this.page)
    await this.page.getByTestId('create-board').click()
    await this.page.getByTestId('created').waitFor()
    await this.page.getByTestId('open-facilitator').click()
    await this.join('Ada')
    await this.waitOnline()
  }
}
