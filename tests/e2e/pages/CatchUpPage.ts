/**
 * Page object for the remote-participant tools on a board page: the catch-up bar and rings, and
 * the activity, comments and history panels.
 */
import type { Page } from 'playwright-core'
import { eventually } from '../browser.ts'

export interface Ring {
  id: string
  status: string
  current: boolean
}

export class CatchUpPage {
  constructor(readonly page: Page) {}

  async changeCount(): Promise<number> {
    const bar = this.page.getByTestId('catchup-count')
    if (!(await bar.isVisible())) return 0
    return Number(await bar.getAttribute('data-count'))
  }

  async waitForChanges(count: number): Promise<void> {
    await eventually(async () => (await this.changeCount()) === count, `${count} changes`, 15_000)
  }

  rings(): Promise<Ring[]> {
    return this.page.getByTestId('catchup-ring').evaluateAll((els) =>
      els.map((el) => ({
        id: el.getAttribute('data-id') ?? '',
        status: el.getAttribute('data-status') ?? '',
        current: el.classList.contains('catchup-ring--current'),
      })),
    )
  }

  async next(): Promise<Ring> {
    await this.page.getByTestId('catchup-next').click()
    return eventually(async () => (await this.rings()).find((r) => r.current), 'a current change')
  }

  async markAllSeen(): Promise<void> {
    await this.page.getByTestId('catchup-seen').click()
    await this.page.getByTestId('catchup-bar').waitFor({ state: 'detached' })
  }

  async openTab(tab: 'activity' | 'comments' | 'history'): Promise<void> {
    const button = this.page.getByTestId(`remote-tab-${tab}`)
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click()
    await this.page.getByTestId(`${tab}-panel`).waitFor()
  }

  async comment(text: string): Promise<void> {
    await this.openTab('comments')
    await this.page.getByTestId('comment-new-input').fill(text)
    await this.page.getByTestId('comment-new-input').press('Control+Enter')
    await this.page.getByTestId('comment-thread').filter({ hasText: text }).waitFor()
  }

  async saveVersion(name: string): Promise<void> {
    await this.openTab('history')
    await this.page.getByTestId('history-name').fill(name)
    await this.page.getByTestId('history-save').click()
    await this.page.getByTestId('history-version').filter({ hasText: name }).waitFor()
  }
}
