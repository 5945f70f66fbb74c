import { expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR } from './launch-browser';

/**
 * Makes a browser that already ran a test as good as a freshly launched one, in a fraction of the
 * time a launch takes on two cores (docs/testing.md#one-browser-per-worker): every tab closed; the
 * extension's stored data (storage areas, localStorage, IndexedDB, alarms, optional permissions and the Server page
 * scripts registered with them, badge, notifications shown) removed; the clipboard emptied; cookies, routes and granted site permissions
 * dropped, the network back on; and the service worker stopped, so the one that answers next starts with no memory of the
 * previous test. (`runtime.reload()` would be closer still, but Chromium unloads an extension loaded
 * from the command line when it reloads itself.) Returns the new service worker.
 */
export async function resetExtensionBrowser(context: BrowserContext, extensionId: string): Promise<Worker> {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  // The page that resets is the blank tab the previous reset left (a new tab costs more than the rest
  // of the reset together), opened first when there is none: a persistent context closes with its last page.
  const page = await keptTab(context);
  await Promise.all(context.pages().filter((other) => other !== page).map((other) => other.close()));
  // After the closes: `setOffline` goes to every page, and throws on one that is closing.
  await Promise.all([context.clearCookies(), context.clearPermissions(), context.setOffline(false)]);
  // A document of the extension's origin has the worker's APIs and, unlike the worker, cannot be
  // asleep. The extension's icon is the smallest such document and runs none of its code.
  await page.goto(`chrome-extension://${extensionId}/${iconPath()}`);
  // A worker that ran the test carries this mark; the one that answers after the stop must not.
  for (const worker of context.serviceWorkers()) await worker.evaluate(() => ((globalThis as Record<string, unknown>).__ranATest = true)).catch(() => undefined);

  await page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
    const manifest = api.runtime.getManifest();
    // Notifications stay on screen after their worker stops: gone, while the permission to see them is still held.
    if (api.notifications) await Promise.all(Object.keys(await api.notifications.getAll()).map((id) => api.notifications.clear(id)));
    const granted = await api.permissions.getAll();
    await api.permissions.remove({
      permissions: (granted.permissions ?? []).filter((p) => !(manifest.permissions ?? []).includes(p)),
      origins: (granted.origins ?? []).filter((o) => !(manifest.host_permissions ?? []).includes(o)),
    });
    // Page scripts registered for granted Azure DevOps Server hosts go with their permission.
    await api.scripting.unregisterContentScripts();
    await Promise.all([
      api.storage.local.clear(),
      api.storage.session.clear(),
      api.alarms.clearAll(),
      api.action.setBadgeText({ text: '' }),
      api.action.setTitle({ title: manifest.action?.default_title ?? '' }),
    ]);
    // The popup's copy of its first screen lives in the extension origin's localStorage.
    localStorage.clear();
    // An open connection (the worker's Dexie) closes on the deletion's versionchange, so it goes through.
    for (const { name } of await indexedDB.databases()) {
      if (name) await new Promise((resolve) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: resolve, onerror: resolve }));
    }
    // An extension page with clipboardWrite may copy without focus; the selection cannot be empty.
    const field = document.createElement('textarea');
    field.value = ' ';
    document.body.append(field);
    field.select();
    if (!document.execCommand('copy')) throw new Error('the reset could not empty the clipboard');
  });

  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  // Any message wakes a new worker; it starts as after an idle stop (alarms made again, no memory).
  let worker: Worker | undefined;
  await expect
    .poll(async () => {
      await page.evaluate(() => (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.sendMessage({ channel: 'ado-companion', type: 'ping', data: {} })).catch(() => undefined);
      worker = context.serviceWorkers().at(-1);
      return (await worker?.evaluate(() => (globalThis as Record<string, unknown>).__ranATest ?? false).catch(() => true)) === false;
    }, { intervals: [20, 50, 100] })
    .toBe(true);
  // The tab left open is blank; nothing waits for it to load.
  await page.goto('about:blank', { waitUntil: 'commit' });
  return worker!;
}

const keptTabs = new WeakMap<BrowserContext, Page>();

async function keptTab(context: BrowserContext): Promise<Page> {
  const kept = keptTabs.get(context);
  if (kept && !kept.isClosed()) return kept;
  const page = await context.newPage();
  keptTabs.set(context, page);
  return page;
}

let icon: string | undefined;

/** The first icon the built manifest names, a file of the extension every build has. */
function iconPath(): string {
  if (icon) return icon;
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { icons?: Record<string, string> };
  const first = Object.values(manifest.icons ?? {})[0];
  if (!first) throw new Error('the built manifest names no icon to open as the reset page');
  return (icon = first);
}
