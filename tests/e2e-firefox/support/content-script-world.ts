import type { Page } from 'puppeteer-core';

/**
 * Runs `code` in the extension's content-script world of the tab showing `url` (Firefox runs
 * `tabs.executeScript` code in the same sandbox as the declared content scripts), from an
 * extension page. Returns the value of the code's last expression (promises are awaited).
 */
export async function evaluateInContentScript<T>(extensionPage: Page, url: string, code: string): Promise<T> {
  return extensionPage.evaluate(
    async (url: string, code: string) => {
      const api = (globalThis as unknown as { browser: typeof browser }).browser;
      const tabs = await api.tabs.query({});
      const tab = tabs.find((t) => t.url === url);
      if (tab?.id === undefined) throw new Error(`no tab shows ${url}; open tabs: ${tabs.map((t) => t.url).join(', ')}`);
      const results = await api.tabs.executeScript(tab.id, { code });
      return results?.[0] as T;
    },
    url,
    code,
  ) as Promise<T>;
}
