import type { Browser } from 'puppeteer-core';
import { evaluateInBrowserWindow, pressKey, typeKeys } from '../support/browser-window';
import { poll } from '../support/queries';

export interface AddressBarSuggestion {
  /** What Firefox shows as the suggestion's title: an extension's description. */
  title: string;
  /** The line under it: the keyword and the suggestion's content. */
  action: string;
}

/**
 * Firefox's real address bar, used from the keyboard: Ctrl+L, typing, arrow keys, Enter. Its
 * suggestions are read from the view under it (`#urlbar-results`) in the browser window.
 */
export class FirefoxAddressBar {
  constructor(private readonly browser: Browser) {}

  /**
   * Ctrl+L (focus the address bar, its text selected), then `text` key by key. A page that finishes
   * loading meanwhile can take the focus back and the address bar its own address, as for a person
   * typing then: typed again, a moment later, until the address bar holds the text (for up to 5 s,
   * as a loaded machine can take that long to settle a new tab).
   */
  async type(text: string): Promise<void> {
    const until = Date.now() + 5_000;
    let held = '';
    do {
      if (held) await new Promise((resolve) => setTimeout(resolve, 250));
      await pressKey(this.browser, 'l', { ctrlKey: true });
      await typeKeys(this.browser, text);
      held = await evaluateInBrowserWindow<string>(
        this.browser,
        'JSON.stringify({ value: gURLBar.value, focused: gURLBar.focused, loading: gBrowser.selectedBrowser.webProgress?.isLoadingDocument })',
      );
      if ((JSON.parse(held) as { value: string }).value === text) return;
    } while (Date.now() < until);
    throw new Error(`the address bar did not keep "${text}"; it held ${held}`);
  }

  /** The suggestions once `count` of them show, the default one at the top included. */
  async suggestions(count: number): Promise<AddressBarSuggestion[]> {
    const read = async () =>
      JSON.parse(
        await evaluateInBrowserWindow<string>(
          this.browser,
          `JSON.stringify(gURLBar.view.isOpen ? [...document.querySelectorAll('#urlbar-results .urlbarView-row')].map((row) => ({ title: row.querySelector('.urlbarView-title')?.textContent ?? '', action: row.querySelector('.urlbarView-action')?.textContent ?? '' })) : [])`,
        ),
      ) as AddressBarSuggestion[];
    let last = await read();
    await poll(async () => (last = await read()).length, count);
    return last;
  }

  /**
   * ArrowDown `times` (0: the text as typed), then Enter, once the view shows the suggestions for what
   * was typed: Enter pressed before the keyword's own row is there goes to the search engine instead.
   */
  async choose(times: number): Promise<void> {
    const rows = () =>
      evaluateInBrowserWindow<number>(this.browser, `gURLBar.view.isOpen ? document.querySelectorAll('#urlbar-results .urlbarView-row').length : 0`);
    await poll(async () => (await rows()) > times, true);
    for (let i = 0; i < times; i++) await pressKey(this.browser, 'ArrowDown');
    await pressKey(this.browser, 'Enter');
  }
}
