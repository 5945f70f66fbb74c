/**
 * `npm run bench` (after a build): how fast the page buttons come, in real Chromium with the built
 * extension against the fake Azure DevOps. Printed next to their targets, never asserted (timings
 * depend on the machine). Each figure is the median of at least RUNS fresh page loads, with min and max:
 * - anchor → buttons: from the header command bar appearing to our three buttons in it (target: within
 *   one animation frame);
 * - branch switch → new link: from an in-app `history.pushState` to another branch to the
 *   "Clone in …" link pointing at it (target: 100 ms);
 * - client menu, first open: from a click on "Clone in another client" to its menu showing, the menus
 *   script injected by the background on that click, with the service worker awake and stopped
 *   (as after 30 s idle); then a second open, with the script already there.
 * Measured in the page's own world with MutationObservers and performance.now(), so no round trip to
 * the test process is counted.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { startFakeAdo } from '../fake-ado/server';
import { CHROMIUM_PATH, extensionIdOf, launchExtensionBrowser, signInToAzureDevOpsWeb } from '../e2e/support/launch-browser';
import { FILES_HEADER_COMMANDBAR } from '../../lib/azure/selectors';

/** Runs of each figure; the menu's first open is measured with the worker awake and stopped on alternate page loads, so there are twice as many loads. */
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const REPO = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';
const FRAME_MS = 1000 / 60;
const FEATURES = 3;

type Clock = Record<string, number>;

/** Page-world probes, installed before any page script runs. */
function installProbes({ anchor, features }: { anchor: string; features: number }) {
  const clock: Record<string, number> = {};
  (window as unknown as { __bench: Record<string, number> }).__bench = clock;
  // The anchor node that is in the page now: Azure DevOps (and the fake) may insert it more than once.
  let seen: Element | null = null;
  new MutationObserver(() => {
    const bar = document.querySelector(anchor);
    if (!bar || clock.buttons !== undefined) return;
    if (bar !== seen) {
      seen = bar;
      clock.anchor = performance.now();
    }
    if (bar.querySelectorAll(':scope > [data-ado-companion-feature]').length === features) clock.buttons = performance.now();
  }).observe(document, { childList: true, subtree: true });
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return { runs: values.length, median: ms(median), min: ms(sorted[0]!), max: ms(sorted.at(-1)!) };
};

async function openRepoPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(installProbes, { anchor: FILES_HEADER_COMMANDBAR[0], features: FEATURES });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __bench: Clock }).__bench.buttons !== undefined, undefined, { timeout: 10_000 });
  return page;
}

/** From an in-app pushState to `branch` until the clone link points at it. */
function branchSwitch(page: Page, branch: string): Promise<number> {
  return page.evaluate(
    (branch) =>
      new Promise<number>((resolve, reject) => {
        const linked = () => {
          const href = document.querySelector('[data-ado-companion-feature="clone-in-client"]')?.shadowRoot?.querySelector('a')?.getAttribute('href') ?? '';
          try {
            return decodeURIComponent(atob(decodeURIComponent(new URL(href).pathname.replace('/link/', '')))).includes(`/b/${branch}?`);
          } catch {
            return false;
          }
        };
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (!linked()) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(document, { childList: true, subtree: true });
        setTimeout(() => reject(new Error(`the clone link did not follow the switch to ${branch} within 10 s`)), 10_000);
        history.pushState(null, '', `${location.pathname}?version=GB${encodeURIComponent(branch)}`);
      }),
    branch,
  );
}

/**
 * From a click on "Clone in another client" until its menu shows. The click is a real one (the
 * buttons act only on a person's clicks, `isTrusted`): the page world notes when it arrives, then
 * when the menu shows.
 */
async function openClientMenu(page: Page): Promise<number> {
  await page.evaluate(() => {
    const shadow = document.querySelector('[data-ado-companion-feature="clone-in-client"]')!.shadowRoot!;
    const toggle = shadow.querySelector<HTMLButtonElement>('button.more')!;
    (window as unknown as { __menuShown: Promise<number> }).__menuShown = new Promise<number>((resolve, reject) => {
      let start: number | undefined;
      toggle.addEventListener('click', () => (start = performance.now()), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        const menu = shadow.querySelector<HTMLElement>('[role=menu]');
        if (start === undefined || !menu || menu.hidden) return;
        observer.disconnect();
        resolve(performance.now() - start);
      });
      observer.observe(shadow, { childList: true, subtree: true, attributes: true });
      setTimeout(() => reject(new Error('the client menu did not show within 10 s of the click')), 10_000);
    });
  });
  await page.locator('[data-ado-companion-feature="clone-in-client"] button.more').click();
  return page.evaluate(() => (window as unknown as { __menuShown: Promise<number> }).__menuShown);
}

async function stopServiceWorker(context: BrowserContext, extensionPage: Page): Promise<void> {
  const cdp = await context.newCDPSession(extensionPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

async function main() {
  const fakeAdo = await startFakeAdo({ port: 0 });
  const context = await launchExtensionBrowser({ fakeAdoPort: fakeAdo.port, hosts: fakeAdo.hosts });
  // Azure DevOps pages need its web sign-in.
  await signInToAzureDevOpsWeb(context, fakeAdo);
  // tsx wraps named inner functions in `__name(…)`, which the functions sent to the page carry along.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  try {
    const extensionPage = await context.newPage();
    await extensionPage.goto(`chrome-extension://${await extensionIdOf(context)}/popup.html`);
    const figures = { anchor: [] as number[], branch: [] as number[], menuWarm: [] as number[], menuCold: [] as number[], menuAgain: [] as number[] };
    for (let run = 0; run < 2 * RUNS; run++) {
      const page = await openRepoPage(context, `${REPO}?version=GBdevelop`);
      const clock = await page.evaluate(() => (window as unknown as { __bench: Clock }).__bench);
      figures.anchor.push(clock.buttons! - clock.anchor!);
      // After Azure DevOps' second render, so that it does not replace the header mid-measure.
      await page.waitForSelector('[data-fake-ado-rendered="2"]');
      await page.waitForFunction(() => document.querySelectorAll('[data-ado-companion-feature]').length === 3);
      figures.branch.push(await branchSwitch(page, run % 2 ? 'main' : 'feature/1234-login'));
      if (run % 2) await stopServiceWorker(context, extensionPage);
      (run % 2 ? figures.menuCold : figures.menuWarm).push(await openClientMenu(page));
      await page.keyboard.press('Escape');
      figures.menuAgain.push(await openClientMenu(page));
      await page.close();
    }
    console.log(`Page buttons in real Chromium, ${2 * RUNS} fresh page loads (${CHROMIUM_PATH}):`);
    console.table({
      'anchor → buttons': { ...stats(figures.anchor), target: `one frame (${FRAME_MS.toFixed(1)} ms)` },
      'branch switch (pushState) → new link': { ...stats(figures.branch), target: '100 ms' },
      'client menu, first open (worker awake)': { ...stats(figures.menuWarm), target: '—' },
      'client menu, first open (worker stopped)': { ...stats(figures.menuCold), target: '—' },
      'client menu, opened again': { ...stats(figures.menuAgain), target: '—' },
    });
  } finally {
    await context.close();
    await fakeAdo.close();
  }
}

await main();
