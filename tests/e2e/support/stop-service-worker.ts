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

/**
 * Stops the extension's service worker as Chromium does when it is idle and leaves it asleep: returns
 * once the worker no longer runs anything, so what the test does next is done without it until a
 * message wakes it.
 */
export async function putServiceWorkerToSleep(context: BrowserContext, extensionPage: Page, worker: Worker): Promise<void> {
  const cdp = await context.newCDPSession(extensionPage);
  await cdp.send('ServiceWorker.enable');
  // A stopped worker evaluates nothing (Playwright may still list it).
  const running = () =>
    Promise.race([worker.evaluate(() => true).catch(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 500))]);
  // A message the page sent just before (the popup's own requests as it opens, such as the inbox's
  // refresh) wakes the worker again: it is stopped again until it is still stopped 300 ms later.
  await expect
    .poll(async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((resolve) => setTimeout(resolve, 300));
      return running();
    })
    .toBe(false);
  await cdp.detach();
}
