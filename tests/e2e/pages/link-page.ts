import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { Browser } from 'wxt/browser';

/**
 * A page of some other site with links on it, and the extension's context menu on those links.
 *
 * Headless Chromium draws no context menu and DevTools cannot pick an extension's entry, so a choice
 * is delivered the way Chromium delivers it: the extension's own `contextMenus.onClicked` event fires,
 * in its service worker, with the `OnClickData` and tab Chromium would pass. Extension events carry
 * `dispatch()` in the worker, which runs the listeners the worker registered: the real handler, with
 * nothing added to the product for tests (docs/context-menu.md).
 */
export class LinkPage {
  static readonly ORIGIN = 'https://blog.example';

  private constructor(readonly page: Page) {}

  /** Serves `${ORIGIN}/` with one link per entry (text → href); nothing reaches the network. */
  static async open(context: BrowserContext, links: Record<string, string>): Promise<LinkPage> {
    const html = Object.entries(links)
      .map(([text, href]) => `<li><a href="${href}">${text}</a></li>`)
      .join('');
    await context.route(`${LinkPage.ORIGIN}/`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Notes</title><ul>${html}</ul>` }),
    );
    const page = await context.newPage();
    await page.goto(`${LinkPage.ORIGIN}/`);
    return new LinkPage(page);
  }

  /** Right-clicks the link and chooses entry `menuItemId` of the extension's menu. */
  async choose(worker: Worker, menuItemId: string, linkText: string): Promise<void> {
    const link = this.page.getByRole('link', { name: linkText, exact: true });
    await this.page.bringToFront();
    await link.click({ button: 'right' });
    const linkUrl = await link.evaluate((a: HTMLAnchorElement) => a.href);
    const pageUrl = this.page.url();
    await worker.evaluate(
      async ({ menuItemId, linkUrl, pageUrl }) => {
        const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
        const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
        const info: Browser.contextMenus.OnClickData = { menuItemId, linkUrl, pageUrl, frameId: 0, editable: false };
        (api.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, tab);
      },
      { menuItemId, linkUrl, pageUrl },
    );
  }

  clipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  setClipboard(text: string): Promise<void> {
    return this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
  }
}
