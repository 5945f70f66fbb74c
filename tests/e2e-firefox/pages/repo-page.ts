import type { Browser, Page } from 'puppeteer-core';

/** A page of the (fake) Azure DevOps web UI, as the content script sees it. */
export class FirefoxRepoPage {
  page!: Page;

  constructor(private readonly browser: Browser) {}

  async open(url: string): Promise<this> {
    this.page = await this.browser.newPage();
    await this.page.goto(url);
    return this;
  }

  async goto(url: string): Promise<this> {
    await this.page.goto(url);
    return this;
  }

  /** Waits until the content script has looked at this page (it marks every Azure DevOps page). */
  async waitForContentScript() {
    await this.page.waitForFunction(() => document.documentElement.getAttribute('data-ado-companion') === 'active', { timeout: 10_000 });
  }

  /** Waits until the content script marked the page as this repository page type. */
  async waitForPageMarker(type: string) {
    await this.page.waitForFunction((type: string) => document.documentElement.getAttribute('data-ado-companion-page') === type, { timeout: 10_000 }, type);
  }

  /** Which repository page the content script recognised (null: it did not mark the page). */
  pageMarker() {
    return this.page.evaluate(() => document.documentElement.getAttribute('data-ado-companion-page'));
  }
}
