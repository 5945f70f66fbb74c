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

  /** Ctrl+L (focus the address bar, its text selected), then `text` key by key. */
  async type(text: string): Promise<void> {
    await pressKey(this.browser, 'l', { ctrlKey: true });
    await typeKeys(this.browser, text);
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

  /** ArrowDown `times` (0: the text as typed), then Enter. */
  async choose(times: number): Promise<void> {
    for (let i = 0; i < times; i++) await pressKey(this.browser, 'ArrowDown');
    await pressKey(this.browser, 'Enter');
  }
}
