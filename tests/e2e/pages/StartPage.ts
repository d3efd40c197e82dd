/** Page object for the start page: create a board and read its links. */
import type { Page } from 'playwright-core'

export interface BoardLinks {
  facilitator: string
  participant: string
  viewer: string
}

export class StartPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<this> {
    await this.page.goto(baseUrl + '/')
    return this
  }

  async createBoard(title: string): Promise<BoardLinks> {
    await this.page.getByTestId('create-title').fill(title)
    await this.page.getByTestId('create-board').click()
    await this.page.getByTestId('created').waitFor()
    const read = (role: string) => this.page.getByTestId(`link-${role}`).inputValue()
    return {
      facilitator: await read('facilitator'),
      participant: await read('participant'),
      viewer: await read('viewer'),
    }
  }

  async openAsFacilitator(): Promise<void> {
    await this.page.getByTestId('open-facilitator').click()
    await this.page.getByTestId('board-canvas').waitFor()
  }

  recentBoardTitles(): Promise<string[]> {
    return this.page.locator('[data-testid=recent-boards] .recent-name').allInnerTexts()
  }
}
