import type { Browser, Page } from 'puppeteer-core';
import { evaluateInBrowserWindow } from '../support/browser-window';
import { poll } from '../support/queries';

/** Where our entries sit in Firefox's context menu: item ids start with the add-on id, dots as `_`. */
const OUR_ITEMS = '[id^="ado-companion_ado-companion_dev-menuitem-_"]';

/**
 * A page of some other site with links on it, and Firefox's real context menu on those links.
 *
 * The browser window's own document (chrome://browser/content/browser.xhtml) is reachable over
 * WebDriver BiDi when Firefox runs with `--remote-allow-system-access`, as these tests do: a
 * right-click on a link opens the real `contentAreaContextMenu`, with the items Firefox built from
 * the extension's `targetUrlPatterns`; choosing one fires the extension's `menus.onClicked` as a
 * person's click does (docs/context-menu.md).
 */
export class FirefoxLinkPage {
  page!: Page;

  constructor(private readonly browser: Browser) {}

  /** A data: page with one link per entry (text → href): no request leaves Firefox. */
  async open(links: Record<string, string>): Promise<this> {
    const items = Object.entries(links)
      .map(([text, href], index) => `<li><a id="link-${index}" href="${href}">${text}</a></li>`)
      .join('');
    this.page = await this.browser.newPage();
    await this.page.goto(`data:text/html,${encodeURIComponent(`<!doctype html><title>Notes</title><ul style="font-size:24px">${items}</ul>`)}`);
    return this;
  }

  /** Right-clicks the link and returns the labels of our entries in the menu that opens. */
  async rightClick(linkText: string): Promise<string[]> {
    await this.closeMenu();
    const link = await this.page.waitForSelector(`xpath/.//a[normalize-space(.)="${linkText}"]`);
    await link!.click({ button: 'right' });
    await poll(() => this.chrome<string>(`document.getElementById('contentAreaContextMenu').state`), 'open');
    return JSON.parse(
      await this.chrome<string>(
        `JSON.stringify([...document.getElementById('contentAreaContextMenu').querySelectorAll('${OUR_ITEMS}')].filter((item) => !item.hidden).map((item) => item.label))`,
      ),
    ) as string[];
  }

  /** Chooses our entry `label` in the open menu, inside the "ADO Companion" submenu. */
  async choose(label: string): Promise<void> {
    await this.chrome(`(() => {
      const item = [...document.getElementById('contentAreaContextMenu').querySelectorAll('${OUR_ITEMS}')].find((item) => item.label === ${JSON.stringify(label)});
      const submenu = item.closest('menupopup');
      const shown = new Promise((resolve) => submenu.addEventListener('popupshown', resolve, { once: true }));
      submenu.parentNode.openMenu(true);
      return shown.then(() => submenu.activateItem(item));
    })()`);
  }

  /** The system clipboard, read by the browser window (no permission prompt there). */
  clipboard(): Promise<string> {
    return this.chrome<string>('navigator.clipboard.readText()');
  }

  setClipboard(text: string): Promise<void> {
    return this.chrome(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  }

  private async closeMenu(): Promise<void> {
    await this.chrome(`document.getElementById('contentAreaContextMenu').hidePopup()`);
    await poll(() => this.chrome<string>(`document.getElementById('contentAreaContextMenu').state`), 'closed');
  }

  private chrome<T = unknown>(expression: string): Promise<T> {
    return evaluateInBrowserWindow<T>(this.browser, expression);
  }
}
