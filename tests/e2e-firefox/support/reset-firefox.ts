import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { evaluateInBrowserWindow } from './browser-window';
import { browsingContextOf, FIREFOX_EXTENSION_DIR, navigateRaw, openExtensionPage } from './launch-firefox';

/**
 * An icon of the add-on, opened as a tab: a document of the extension's origin with its APIs
 * (Firefox gives them to any document of a moz-extension:// origin), which, unlike popup.html, runs
 * none of the extension's code and so asks the background for nothing while the reset clears it.
 */
function resetPagePath(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { icons: Record<string, string> };
  const icon = Object.values(manifest.icons)[0];
  if (!icon) throw new Error('the built manifest names no icon to open as the reset page');
  return icon;
}

const keptTabs = new WeakMap<Browser, Page>();

/** How long the background page may take to answer after it was reloaded. */
const RELOAD_TIMEOUT_MS = 15_000;

/**
 * Makes a Firefox that already ran a test as good as a freshly launched one (docs/testing.md#firefox-reset),
 * in a fraction of a launch's time: every tab and window closed but one blank tab; the add-on's
 * optional permissions and the Server page scripts registered with them removed; its storage areas,
 * IndexedDB databases, localStorage, alarms, badge and tooltip cleared; cookies, the HTTP cache, the clipboard and
 * the download folder dropped; then the add-on's background page reloaded, so it starts with no
 * memory of the test (its listeners, timers and connections go with the old page). Returns how long it took (ms).
 */
export async function resetFirefox(firefox: Browser): Promise<number> {
  const started = Date.now();
  // Of the tabs puppeteer knows, those still open (it is not told of every tab the add-on closed).
  const open = await topLevelContexts(firefox);
  // The tab that stays is the blank one the previous reset left (opening one costs more than the rest
  // of the reset), opened first when there is none: Firefox quits with its last window.
  const kept = keptTabs.get(firefox);
  const tab = kept && open.includes(browsingContextOf(kept)) ? kept : await firefox.newPage();
  keptTabs.set(firefox, tab);
  await Promise.all((await firefox.pages()).filter((page) => page !== tab && open.includes(browsingContextOf(page))).map((page) => page.close()));

  // The kept tab does the reset from a document of the add-on, then goes blank again.
  await openExtensionPage(firefox, resetPagePath(), tab);
  await tab.evaluate(async (timeoutMs) => {
    const api = (globalThis as unknown as { browser: typeof browser & { browserAction: typeof browser.action } }).browser;
    const declared = api.runtime.getManifest().permissions ?? [];
    // Notifications shown stay after the background page goes: gone, while the permission to see them is still held.
    if (api.notifications) await Promise.all(Object.keys(await api.notifications.getAll()).map((id) => api.notifications.clear(id)));
    const granted = await api.permissions.getAll();
    // In Manifest V2 the declared permissions hold the declared hosts too; granted hosts are `origins`.
    await api.permissions.remove({
      permissions: (granted.permissions ?? []).filter((p) => !declared.includes(p)),
      origins: (granted.origins ?? []).filter((o) => !declared.includes(o)),
    });
    // Page scripts registered for granted Azure DevOps Server hosts go with their permission.
    await api.scripting.unregisterContentScripts();
    await Promise.all([
      api.storage.local.clear(),
      api.storage.session.clear(),
      api.alarms.clearAll(),
      api.browserAction.setBadgeText({ text: '' }),
      // null: back to the manifest's title and Firefox's own colour.
      api.browserAction.setTitle({ title: null as unknown as string }),
      api.browserAction.setBadgeBackgroundColor({ color: null as unknown as string }),
    ]);
    // The popup's copy of its first screen (entrypoints/popup/first-screen-cache.ts), at the same origin.
    localStorage.clear();
    // An open connection (the background's Dexie) closes on the deletion's versionchange. A blocked
    // deletion still completes once the reload below closes it, and an open that the new page makes
    // waits for it (IndexedDB runs an origin's requests in order).
    for (const { name } of await indexedDB.databases()) {
      if (name) await new Promise((resolve) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: resolve, onerror: resolve, onblocked: resolve }));
    }
    // The page that ran the test carries a mark; the one that answers after the reload must not.
    const old = api.extension.getBackgroundPage() as unknown as (Window & Record<string, unknown>) | null;
    if (!old) throw new Error('the add-on has no background page to reload');
    old.__ranATest = true;
    old.location.reload();
    const until = Date.now() + timeoutMs;
    let last = 'no answer yet';
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      let background: Record<string, unknown> | null = null;
      try {
        background = api.extension.getBackgroundPage() as unknown as Record<string, unknown> | null;
      } catch {
        // Between the old page and the new one, Firefox throws "An unexpected error occurred" here.
      }
      if (!background || background.__ranATest || (background as unknown as Document & Window).document?.readyState !== 'complete') {
        last = background?.__ranATest ? 'the background page that ran the test still runs' : 'the new background page has not loaded';
        continue;
      }
      const answer = (await api.runtime.sendMessage({ channel: 'ado-companion', type: 'ping', data: {} }).catch((error: Error) => ({ error: error.message }))) as { ok?: boolean };
      if (answer?.ok) return;
      last = `the background answered the ping with ${JSON.stringify(answer)}`;
    }
    throw new Error(`The background page did not come back within ${timeoutMs} ms of its reload (last: ${last}).`);
  }, RELOAD_TIMEOUT_MS);

  await evaluateInBrowserWindow(
    firefox,
    `new Promise((resolve) => Services.clearData.deleteData(
      Ci.nsIClearDataService.CLEAR_COOKIES | Ci.nsIClearDataService.CLEAR_NETWORK_CACHE | Ci.nsIClearDataService.CLEAR_AUTH_CACHE | Ci.nsIClearDataService.CLEAR_AUTH_TOKENS,
      resolve,
    )).then(() => navigator.clipboard.writeText(''))`,
  );
  // A test may have sent downloads to a folder of its own (pages/popup.ts, allowDownloadsInto).
  await (firefox as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection.send('browser.setDownloadBehavior', { downloadBehavior: null });
  await navigateRaw(firefox, tab, 'about:blank');
  return Date.now() - started;
}

async function topLevelContexts(firefox: Browser): Promise<string[]> {
  // puppeteer-core exposes the BiDi connection on its BiDi classes only (as in launch-firefox.ts).
  const connection = (firefox as unknown as { connection: { send(method: 'browsingContext.getTree', params: { maxDepth: number }): Promise<{ result: { contexts: { context: string }[] } }> } }).connection;
  return (await connection.send('browsingContext.getTree', { maxDepth: 0 })).result.contexts.map((context) => context.context);
}
