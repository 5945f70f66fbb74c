import type { Page } from '@playwright/test';

/** A page of the (fake) Azure DevOps web UI, as the content script sees it. */
export class RepoPage {
  constructor(readonly page: Page) {}

  async goto(url: string): Promise<this> {
    await this.page.goto(url);
    return this;
  }

  /** Which repository page the content script recognised (null: it did not mark the page). */
  pageMarker() {
    return this.page.locator('html').getAttribute('data-ado-companion-page');
  }
}
