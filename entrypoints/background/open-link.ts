import { browser, type Browser } from 'wxt/browser';

/**
 * Opens a web page in a new tab beside `tab`, or hands a custom-scheme link to the desktop app that
 * registered it. The browser gives such a link to the app and the tab stays on its page (that
 * navigation never commits), so no empty tab is left behind; without a tab only a new one can carry it.
 */
export async function openLink(kind: 'open-tab' | 'hand-to-app', url: string, tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (kind === 'open-tab') {
    await browser.tabs.create({ url, ...(tab ? { windowId: tab.windowId, index: tab.index + 1, openerTabId: tab.id } : {}) });
  } else if (tab?.id !== undefined) await browser.tabs.update(tab.id, { url });
  else await browser.tabs.create({ url });
}
