import type { BrowserContext, Page } from '@playwright/test';

/** The toolbar popup, opened as a tab on its own URL (what the action button shows). */
export class PopupPage {
  page!: Page;

  constructor(
    private readonly context: BrowserContext,
    private readonly extensionId: string,
  ) {}

  async open(): Promise<this> {
    this.page = await this.context.newPage();
    await this.page.goto(`chrome-extension://${this.extensionId}/popup.html`);
    return this;
  }

  get heading() {
    return this.page.getByRole('heading', { name: 'ADO Companion' });
  }

  get status() {
    return this.page.getByRole('status');
  }
}
