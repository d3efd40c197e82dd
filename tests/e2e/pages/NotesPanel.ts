/** Page object for the structured notes panel: setup, sections, takeaways and scribe notes. */
import type { Page } from 'playwright-core'

export class NotesPanel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    if (!(await this.page.getByTestId('notes-panel').isVisible())) {
      await this.page.getByTestId('notes-toggle').click()
    }
    await this.page.getByTestId('notes-panel').waitFor()
  }

  async tab(name: 'setup' | 'notes' | 'takeaways' | 'scribe'): Promise<void> {
    await this.page.getByTestId(`notes-tab-${name}`).click()
  }

  setupField(key: string) {
    return this.page.getByTestId(`setup-${key}`)
  }

  scribe() {
    return this.page.getByTestId('scribe-editor')
  }

  entryTexts(): Promise<string[]> {
    return this.page
      .getByTestId('entry-text')
      .evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value))
  }

  /** Entry texts of one section. */
  sectionEntries(section: string): Promise<string[]> {
    return this.page
      .locator(`[data-section=${section}] [data-testid=entry-text]`)
      .evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value))
  }
}
