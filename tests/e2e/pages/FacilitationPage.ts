/** Page object for the facilitation overlays: timer, facilitator panel, voting, private writing. */
import type { Page } from 'playwright-core'
import { eventually } from '../browser.ts'
import { BoardPage } from './BoardPage.ts'

export class FacilitationPage extends BoardPage {
  constructor(page: Page) {
    super(page)
  }

  timerText(): Promise<string> {
    return this.page.getByTestId('timer-time').innerText()
  }

  /** Opens the facilitator's panel (closed on arrival) when it is not open. */
  async openPanel(): Promise<void> {
    const button = this.page.getByTestId('facilitation-open')
    if (await button.isVisible()) await button.click()
    await this.page.getByTestId('facilitation-panel').waitFor()
  }

  async tab(name: 'agenda' | 'voting' | 'room'): Promise<void> {
    await this.openPanel()
    await this.page.getByTestId(`fac-tab-${name}`).click()
  }

  async addAgendaPart(title: string, minutes: number): Promise<void> {
    await this.tab('agenda')
    await this.page.getByTestId('agenda-title').fill(title)
    await this.page.getByTestId('agenda-minutes').fill(String(minutes))
    await this.page.getByTestId('agenda-add').click()
  }

  async startPart(title: string): Promise<void> {
    await this.page
      .getByTestId('agenda')
      .locator('li', { hasText: title })
      .getByRole('button')
      .first()
      .click()
  }

  async writePrivately(text: string): Promise<void> {
    await this.page.getByTestId('private-text').fill(text)
    await this.page.getByTestId('private-add').click()
    await this.page.getByTestId('private-note').filter({ hasText: text }).waitFor()
  }

  /** Texts of the private post-its this page draws on its canvas. */
  async privateTexts(): Promise<string[]> {
    return (await this.summary()).items.filter((i) => i.private).map((i) => i.text)
  }

  async noteTexts(): Promise<string[]> {
    return (await this.summary()).items.filter((i) => i.kind === 'note').map((i) => i.text)
  }

  /** Clicks the middle of the post-it with this text . */
  async clickNote(text: string): Promise<void> {
    const item = await this.waitForItem((i) => i.text === text, `post-it "${text}"`)
    const at = await this.boardToCanvas(item.x + 80, item.y + 80)
    await this.clickCanvas(at.x, at.y)
  }

  async dotsLeft(): Promise<number> {
    return Number(await this.page.getByTestId('dots-left').getAttribute('data-left'))
  }

  async waitDotsLeft(n: number): Promise<void> {
    try {
      await eventually(async () => (await this.dotsLeft()) === n, `${n} dots left`, 5000)
    } catch (err) {
      await this.page.screenshot({ path: 'tests/artifacts/e2e-fac-failure.png' })
      throw err
    }
  }
}
