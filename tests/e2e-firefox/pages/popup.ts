import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { openExtensionPage } from '../support/launch-firefox';
import { button, click, field, fill, waitForText } from '../support/queries';

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
    const first = await button(this.page, /^(Use a Personal Access Token|Add account)$/, null, true);
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

  /** Opens a screen from the accounts screen (or goes back to one) by its button. */
  async go(screen: string) {
    await click(this.page, screen);
    await waitForText(this.page, screen.replace(/ \(.*\)$/, ''), 'main h2');
  }

  /** Chooses `option` (its visible text) in the select labelled `label`, once that option is there. */
  async choose(label: string, option: string) {
    const select = (await field(this.page, label)) as unknown as ElementHandle<HTMLSelectElement>;
    const value = await this.page.waitForFunction(
      (select: HTMLSelectElement, option: string) => !select.disabled && Array.from(select.options).find((o) => (o.textContent ?? '').trim() === option)?.value,
      { timeout: 10_000 },
      select,
      option,
    );
    await select.select((await value.jsonValue()) as string);
  }

  /** Waits until the popup's polite status line (what a screen reader announces) says `text`. */
  announced(text: string | RegExp) {
    return waitForText(this.page, text, 'p.sr-only[role="status"]');
  }

  // Repositories
  async filterRepositories(text: string) {
    await this.page.locator('input[aria-label="Filter repositories"]').fill(text);
  }

  /** The lines of the repository list in view, as read: "# contoso", "## Platform", "web-portal-fork (fork) · contoso / Platform · main". */
  async repositoryLines(): Promise<string[]> {
    await this.page.waitForSelector('ul[aria-label="Repositories"] li', { timeout: 10_000 });
    return this.page.$$eval('ul[aria-label="Repositories"] > li', (items) =>
      items.map((item) => {
        const heading = item.querySelector('h3, h4');
        if (heading) return `${heading.tagName === 'H3' ? '#' : '##'} ${(heading.textContent ?? '').trim()}`;
        const name = (item.querySelector('.repo-name')?.textContent ?? '').trim();
        const badge = item.querySelector('.repo-title .badge')?.textContent;
        // "updated 10 months ago" depends on today's date: kept as "updated".
        const updated = item.querySelector('.repo-title time') ? ' · updated' : '';
        return `${name}${badge ? ` (${badge})` : ''} · ${(item.querySelector('.repo-about')?.textContent ?? '').trim()}${updated}`;
      }),
    );
  }

  repositoryRow(name: string, list = 'Repositories') {
    return `ul[aria-label="${list}"] li[data-repository="${name}"]`;
  }

  // SSH key
  /** The fingerprint as the SSH key card shows it, once a key is made (RSA generation takes seconds). */
  async sshKeyFingerprint(): Promise<string> {
    const handle = await this.page.waitForFunction(
      () => {
        const term = Array.from(document.querySelectorAll('.card dt')).find((dt) => dt.textContent === 'Fingerprint');
        return term?.nextElementSibling?.textContent ?? false;
      },
      { timeout: 60_000 },
    );
    return (await handle.jsonValue()) as string;
  }

  /** Downloads go to `folder`, without a dialog (BiDi `browser.setDownloadBehavior`, docs/firefox.md). */
  async allowDownloadsInto(folder: string) {
    // puppeteer-core exposes the BiDi connection on its BiDi classes only (as in launch-firefox.ts).
    const connection = (this.browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
    await connection.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: folder } });
  }

  // Pull requests
  /** Each pull request of the list `name` ("Waiting for my vote", "Created by me") as its title line reads. */
  async pullRequestLines(name: string): Promise<string[]> {
    const heading = (await this.page.waitForFunction(
      (name: string) => Array.from(document.querySelectorAll('h3')).find((h) => h.textContent === name),
      { timeout: 10_000 },
      name,
    )) as ElementHandle<HTMLHeadingElement>;
    return heading.evaluate((h) =>
      Array.from(h.closest('section')?.querySelectorAll<HTMLElement>('li[data-pull-request]') ?? []).map(
        (item) => `${item.getAttribute('data-pull-request')}: ${item.innerText.replace(/\s+/g, ' ').trim()}`,
      ),
    );
  }

  /** The switch for notifications on the Pull requests screen, found by its label. */
  async notificationsToggle(): Promise<ElementHandle<HTMLInputElement>> {
    const box = await this.page.waitForFunction(
      () => Array.from(document.querySelectorAll('label')).find((l) => (l.textContent ?? '').trim().startsWith('Notify me of review requests'))?.querySelector('input'),
      { timeout: 10_000 },
    );
    return box as ElementHandle<HTMLInputElement>;
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
