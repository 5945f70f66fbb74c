import { test as base, expect, type BrowserContext, type Worker } from '@playwright/test';
import { startFakeAdo, type FakeAdo } from '../fake-ado/server';
import { extensionIdOf, launchExtensionBrowser, registerWithFakeEntra, signInToAzureDevOpsWeb } from './support/launch-browser';
import { resetExtensionBrowser } from './support/reset-extension-browser';
import { PopupPage } from './pages/popup';
import { RepoPage } from './pages/repo-page';

interface TestFixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  popup: PopupPage;
  repoPage: RepoPage;
  everyTestResetsTheBrowser: void;
}
interface WorkerFixtures {
  fakeAdo: FakeAdo;
  workerBrowser: WorkerBrowser;
}

/** The browser a worker's tests share, and whether a test has used it since its last reset. */
interface WorkerBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // One fake Azure DevOps per worker, reset before every test so tests cannot leak state.
  fakeAdo: [
    async ({}, use) => {
      const fakeAdo = await startFakeAdo({ port: 0 });
      await use(fakeAdo);
      await fakeAdo.close();
    },
    { scope: 'worker' },
  ],
  // One Chromium per worker, launched once: a launch costs seconds on two cores, a reset far less.
  // After each test the browser is reset to as good as new (tests/e2e/support/reset-extension-browser.ts);
  // after a failed test Playwright starts a new worker, so a browser a failure left behind is not reused.
  workerBrowser: [
    async ({ fakeAdo }, use) => {
      const context = await launchExtensionBrowser({ fakeAdoPort: fakeAdo.port, hosts: fakeAdo.hosts });
      const extensionId = await extensionIdOf(context);
      const browser: WorkerBrowser = { context, extensionId, worker: context.serviceWorkers()[0]! };
      await use(browser);
      await context.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ fakeAdo, workerBrowser }, use) => {
    fakeAdo.control.reset();
    const { context, extensionId } = workerBrowser;
    registerWithFakeEntra(fakeAdo, extensionId);
    // Signed in to Azure DevOps' web UI like a user of the extension (tests that need otherwise clear the cookies).
    await signInToAzureDevOpsWeb(context, fakeAdo);
    await use(context);
    workerBrowser.worker = await resetExtensionBrowser(context, extensionId);
  },
  // Every test, whatever fixtures it asks for, takes the context, so every test leaves a reset browser behind.
  everyTestResetsTheBrowser: [async ({ context: _context }, use) => use(), { auto: true }],
  serviceWorker: async ({ workerBrowser }, use) => {
    await use(workerBrowser.worker);
  },
  extensionId: async ({ workerBrowser }, use) => {
    await use(workerBrowser.extensionId);
  },
  popup: async ({ context, extensionId }, use) => {
    await use(new PopupPage(context, extensionId));
  },
  repoPage: async ({ context }, use) => {
    await use(new RepoPage(await context.newPage()));
  },
});

export { expect };
