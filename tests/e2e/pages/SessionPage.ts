/**
 * Page object for one person in a live session: a facilitation page that also counts its board
 * connections (a projector must keep one), audits the page with axe-core, and reads what the
 * canvas draws (texts and their size on screen, remote cursors).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AxeResults, RunOptions } from 'axe-core'
import type { BrowserContext, Page } from 'playwright-core'
import { FacilitationPage } from './FacilitationPage.ts'

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

type AxeRun = (context: Document, options: RunOptions) => Promise<AxeResults>

export interface Violation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

export interface DrawnText {
  lines: string[]
  screenPx: number
}

export class SessionPage extends FacilitationPage {
  constructor(page: Page) {
    super(page)
  }

  /**
   * Counts, in the page, every WebSocket opened to the board's own room (not private rooms) and
   * every close it saw. Call before the page loads the board.
   */
  static async countSockets(context: BrowserContext, boardId: string): Promise<void> {
    await context.addInitScript((id: string) => {
      const Native = window.WebSocket
      const log = { opened: 0, closes: [] as number[] }
      ;(window as unknown as { __sockets: typeof log }).__sockets = log
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols)
          if (new URL(String(url)).pathname === `/ws/${id}`) {
            log.opened++
            this.addEventListener('close', (e) => log.closes.push(e.code))
          }
        }
      }
    }, boardId)
  }

  sockets(): Promise<{ opened: number; closes: number[] }> {
    return this.page.evaluate(
      () => (window as unknown as { __sockets: { opened: number; closes: number[] } }).__sockets,
    )
  }

  /** axe-core's serious and critical violations on the page as it is now. */
  async audit(): Promise<Violation[]> {
    if (!(await this.page.evaluate(() => 'axe' in window))) await this.page.evaluate(AXE_SOURCE)
    return this.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: AxeRun } }).axe
      // The rule that a control's name contains its visible text is experimental in axe: on.
      const result = await axe.run(document, {
        resultTypes: ['violations'],
        rules: { 'label-content-name-mismatch': { enabled: true } },
      })
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          targets: v.nodes.map((n) => String(n.target)),
        }))
    })
  }

  texts(id: string): Promise<DrawnText[]> {
    return this.page.evaluate((i) => window.__canvas!.texts(i), id)
  }

  cursorCount(): Promise<number> {
    return this.page.evaluate(() => window.__canvas!.cursorCount())
  }

  centerOn(id: string, scale: number): Promise<void> {
    return this.page.evaluate(([i, s]) => window.__canvas!.centerOn(i as string, s as number), [
      id,
      scale,
    ] as const)
  }

  /** A page element's box in page pixels, or null when it is not shown. */
  async box(
    testId: string,
  ): Promise<{ x: number; y: number; width: number; height: number } | null> {
    const el = this.page.getByTestId(testId)
    if ((await el.count()) === 0 || !(await el.first().isVisible())) return null
    return el.first().boundingBox()
  }

  /** An item's box on screen, in page pixels. */
  async itemBox(id: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const item = await this.page.evaluate((i) => window.__canvas!.item(i), id)
    if (!item) throw new Error(`no item ${id}`)
    const a = await this.canvasPoint(
      ...(Object.values(await this.boardToCanvas(item.x, item.y)) as [number, number]),
    )
    const { camera } = await this.summary()
    return { x: a.x, y: a.y, width: item.w * camera.scale, height: item.h * camera.scale }
  }
}
