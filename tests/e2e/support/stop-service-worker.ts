import { expect, type BrowserContext, type Page, type Worker } from '@playwright/test';

/**
 * Stops the extension's service worker the way Chromium does when it is idle, through DevTools
 * (from an extension page, whose origin the worker shares). Returns once the old worker's memory
 * is gone: a marker set in it beforehand is absent from the worker that answers afterwards.
 */
export async function stopServiceWorker(context: BrowserContext, extensionPage: Page, worker: Worker): Promise<void> {
  await worker.evaluate(() => ((globalThis as Record<string, unknown>).__stopMarker = true));
  const cdp = await context.newCDPSession(extensionPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  // Wake a worker again (any message does) and check it is a new one.
  await extensionPage.evaluate(() =>
    (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.sendMessage({ channel: 'ado-companion', type: 'ping', data: {} }),
  );
  await expect
    .poll(async () => {
      const current = context.serviceWorkers().at(-1);
      return current ? current.evaluate(() => (globalThis as Record<string, unknown>).__stopMarker ?? null).catch(() => 'gone') : 'none';
    })
    .toBeNull();
}
