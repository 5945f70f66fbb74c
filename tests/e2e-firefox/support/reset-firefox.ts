import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { evaluateInBrowserWindow } from './browser-window';
import { browsingContextOf, EXTENSION_ORIGIN, EXTENSION_UUID, FIREFOX_EXTENSION_DIR, navigateRaw, openExtensionPage } from './launch-firefox';

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

/** How long the new background page may take to answer after `runtime.reload()`. */
const RELOAD_TIMEOUT_MS = 15_000;
/** An add-on page that has not loaded by then is opened again in a new tab. */
const NAVIGATION_TIMEOUT_MS = 5_000;

/**
 * Makes a Firefox that already ran a test as good as a freshly launched one (docs/testing.md#firefox-reset),
 * in a fraction of a launch's time: every tab and window closed but one blank tab; the add-on's
 * optional permissions and the Server page scripts registered with them removed; its storage areas,
 * IndexedDB databases, localStorage, alarms, badge and tooltip cleared; cookies, the HTTP cache, the clipboard and
 * the download folder dropped; then the add-on reloaded (`runtime.reload()`: a temporary add-on stays
 * installed, with the same moz-extension:// host), so its background page starts with no memory of
 * the test. Returns how long it took (ms).
 */
export async function resetFirefox(firefox: Browser): Promise<number> {
  const started = Date.now();
  // Of the tabs puppeteer knows, those still open (it is not told of one the add-on's reload closed).
  const open = await topLevelContexts(firefox);
  // The tab that stays is the blank one the previous reset left (opening one costs more), opened
  // first when there is none: Firefox quits with its last window.
  const kept = keptTabs.get(firefox);
  const blank = kept && open.includes(browsingContextOf(kept)) ? kept : await firefox.newPage();
  keptTabs.set(firefox, blank);
  await Promise.all((await firefox.pages()).filter((page) => page !== blank && open.includes(browsingContextOf(page))).map((page) => page.close()));

  const extensionPage = await openExtensionPage(firefox, resetPagePath());
  await extensionPage.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof browser & { browserAction: typeof browser.action } }).browser;
    const declared = api.runtime.getManifest().permissions ?? [];
    // Notifications shown stay after the add-on restarts: gone, while the permission to see them is still held.
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
    // An open connection (the background's Dexie) closes on the deletion's versionchange; a blocked
    // deletion still completes once the reload below closes it, before the new page can open it.
    for (const { name } of await indexedDB.databases()) {
      if (name) await new Promise((resolve) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: resolve, onerror: resolve, onblocked: resolve }));
    }
    // The background page that ran the test carries this mark; the one that answers after the reload must not.
    (api.extension.getBackgroundPage() as unknown as Record<string, unknown>).__ranATest = true;
    // After this evaluation has answered: the reload closes the add-on's pages, this one too.
    setTimeout(() => void api.runtime.reload(), 0);
  });

  await evaluateInBrowserWindow(
    firefox,
    `new Promise((resolve) => Services.clearData.deleteData(
      Ci.nsIClearDataService.CLEAR_COOKIES | Ci.nsIClearDataService.CLEAR_NETWORK_CACHE | Ci.nsIClearDataService.CLEAR_AUTH_CACHE | Ci.nsIClearDataService.CLEAR_AUTH_TOKENS,
      resolve,
    )).then(() => navigator.clipboard.writeText(''))`,
  );
  // A test may have sent downloads to a folder of its own (pages/popup.ts, allowDownloadsInto).
  await (firefox as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection.send('browser.setDownloadBehavior', { downloadBehavior: null });

  await waitForFreshBackground(firefox, extensionPage);
  return Date.now() - started;
}

/**
 * Waits until a background page without the mark answers a ping: the reloaded add-on is ready. The
 * reload closes the add-on's tabs (the reset page among them) before it starts again: only then may a
 * tab open one of its pages, or the reload would close that tab too.
 */
async function waitForFreshBackground(firefox: Browser, resetPage: Page): Promise<void> {
  const until = Date.now() + RELOAD_TIMEOUT_MS;
  let last = 'no answer yet';
  // puppeteer is not told of a tab the add-on's reload closes: the browser's own list of tabs is.
  const resetContext = browsingContextOf(resetPage);
  while ((await topLevelContexts(firefox)).includes(resetContext)) {
    if (Date.now() > until) throw new Error(`The reset page was still open ${RELOAD_TIMEOUT_MS} ms after runtime.reload(): the add-on did not stop.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  while (Date.now() < until) {
    // A tab sent to the add-on's host before the new add-on has started may never finish loading.
    const started = await evaluateInBrowserWindow<boolean>(firefox, `WebExtensionPolicy.getByHostname(${JSON.stringify(EXTENSION_UUID)})?.active === true`);
    if (!started) {
      last = 'the add-on has not started again';
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    const page = await firefox.newPage();
    try {
      await withTimeout(navigateRaw(firefox, page, `${EXTENSION_ORIGIN}/${resetPagePath()}`), NAVIGATION_TIMEOUT_MS, 'opening the add-on page');
      const state = await page.evaluate(async () => {
        const api = (globalThis as unknown as { browser?: typeof browser }).browser;
        if (!api) return 'the extension page has no extension APIs yet';
        const background = api.extension.getBackgroundPage() as unknown as Record<string, unknown> | null;
        if (!background) return 'no background page yet';
        if (background.__ranATest) return 'the background page that ran the test still runs';
        const answer = (await api.runtime.sendMessage({ channel: 'ado-companion', type: 'ping', data: {} })) as { ok?: boolean } | undefined;
        return answer?.ok ? 'fresh' : `the background answered the ping with ${JSON.stringify(answer)}`;
      });
      if (state === 'fresh') return;
      last = state;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    } finally {
      await page.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`The add-on did not come back within ${RELOAD_TIMEOUT_MS} ms of runtime.reload() (last: ${last}).`);
}

async function topLevelContexts(firefox: Browser): Promise<string[]> {
  // puppeteer-core exposes the BiDi connection on its BiDi classes only (as in launch-firefox.ts).
  const connection = (firefox as unknown as { connection: { send(method: 'browsingContext.getTree', params: { maxDepth: number }): Promise<{ result: { contexts: { context: string }[] } }> } }).connection;
  return (await connection.send('browsingContext.getTree', { maxDepth: 0 })).result.contexts.map((context) => context.context);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
