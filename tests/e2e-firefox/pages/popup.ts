import type { Browser, Page } from 'puppeteer-core';
import { openExtensionPage } from '../support/launch-firefox';
import { button, click, fill, waitForText } from '../support/queries';

/** The toolbar popup, opened as a tab on its own moz-extension:// URL (what the button shows). */
export class FirefoxPopup {
  page!: Page;

  constructor(private readonly browser: Browser) {}

  async open(): Promise<this> {
    this.page = await openExtensionPage(this.browser, 'popup.html');
    await this.page.setViewport({ width: 400, height: 640 });
    return this;
  }

  /** Like closing and reopening the popup. */
  async reopen(): Promise<this> {
    await this.page.close();
    return this.open();
  }

  /** The connect screen shows only once the background has answered with the (empty) account list. */
  async waitForConnectScreen() {
    await button(this.page, 'Connect to Azure DevOps');
    await button(this.page, 'Use a Personal Access Token');
  }

  async connectWithPat(host: string, token: string) {
    // Either the connect screen (no account yet) or the accounts list shows once the popup has loaded.
    const first = await button(this.page, /^(Use a Personal Access Token|Add account)$/);
    if ((await first.evaluate((b) => b.textContent?.trim())) === 'Add account') await first.click();
    await click(this.page, 'Use a Personal Access Token');
    await fill(this.page, 'Organization or server', host);
    await fill(this.page, 'Personal Access Token', token);
    await click(this.page, 'Connect');
  }

  /** Selector of an account card, by its accessible name ("Jane Doe (Personal Access Token)"). */
  accountSelector(name: string) {
    return `article[aria-label="${name}"]`;
  }

  organizationRowSelector(organization: string) {
    return `.org-row[data-organization="${organization}"]`;
  }

  /** The text of an account card, once it shows. */
  async accountText(name: string) {
    await this.page.waitForSelector(this.accountSelector(name), { timeout: 10_000 });
    return waitForText(this.page, /\S/, this.accountSelector(name));
  }

  async signOut(accountName: string) {
    await click(this.page, 'Sign out…', this.accountSelector(accountName));
    await click(this.page, 'Sign out', this.accountSelector(accountName));
  }

  /** Clicks "Test connection" on an organization's row and returns what it then says. */
  async testConnection(organization: string) {
    const row = this.organizationRowSelector(organization);
    await click(this.page, 'Test connection', row);
    return waitForText(this.page, /\S/, `${row} [role="status"], ${row} [role="alert"]`);
  }

  /** On "Choose organizations": ticks exactly `keep`, then confirms. */
  async chooseOrganizations(keep: string[]) {
    await waitForText(this.page, 'Choose organizations');
    const boxes = await this.page.$$('input[type="checkbox"]');
    for (const box of boxes) {
      const [name, checked] = await box.evaluate((b) => [(b.parentElement?.textContent ?? '').trim(), b.checked] as const);
      if (checked !== keep.includes(name)) await box.click();
    }
    await click(this.page, /^Use \d+ organizations?$/);
  }

  /** Sends a protocol message from this extension page, as the popup's own code does. */
  send(type: string, data: unknown) {
    return this.page.evaluate(
      (type, data) => (globalThis as unknown as { browser: typeof browser }).browser.runtime.sendMessage({ channel: 'ado-companion', type, data }),
      type,
      data,
    );
  }
}
