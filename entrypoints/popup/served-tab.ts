import { browser, type Browser } from 'wxt/browser';

/**
 * The tab the popup was opened over: the active tab of the last focused window. When popup.html is
 * itself a page in a tab (opened that way on purpose, as the tests do), it is the tab of its window
 * used just before it. Its `url` is there only where the browser lets us read it (`activeTab` after
 * the user's click on the toolbar button, or a host permission).
 */
export async function tabThePopupServes(): Promise<Browser.tabs.Tab | undefined> {
  const own = await browser.tabs.getCurrent();
  if (!own) return (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  const others = (await browser.tabs.query({ windowId: own.windowId })).filter((tab) => tab.id !== own.id);
  return others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}
