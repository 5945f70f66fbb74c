import { test as base, expect, type BrowserContext, type Worker } from '@playwright/test';
import { startFakeAdo, type FakeAdo } from '../fake-ado/server';
import { rmSync } from 'node:fs';
import { EXTENSION_DIR, extensionIdOf, launchExtensionBrowser, registerWithFakeEntra, signInToAzureDevOpsWeb } from './support/launch-browser';
import { profileAllowing } from './support/allow-optional-permissions';
import { presetChromiumPolicy } from './support/chromium-policy';
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
  /**
   * A managed policy for the extension (docs/managed-configuration.md); none by default. Chromium
   * reads policies when it starts, so a spec that sets one gets workers (and browsers) of its own.
   */
  managedPolicy: Record<string, unknown> | null;
  /** Optional API permissions the user allowed before (a profile made so): asking for them shows no prompt. */
  allowedPermissions: string[];
  workerBrowser: WorkerBrowser;
}

/** The browser a worker's tests share: launched once, reset after each test. */
type WorkerBrowser = { context: BrowserContext; extensionId: string; worker: Worker } | { skip: string };

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
  managedPolicy: [null, { option: true, scope: 'worker' }],
  allowedPermissions: [[], { option: true, scope: 'worker' }],
  // One Chromium per worker, launched once: a launch costs seconds on two cores, a reset far less.
  // After each test the browser is reset to as good as new (tests/e2e/support/reset-extension-browser.ts);
  // after a failed test Playwright starts a new worker, so a browser a failure left behind is not reused.
  workerBrowser: [
    async ({ fakeAdo, managedPolicy, allowedPermissions }, use) => {
      const preset = managedPolicy ? presetChromiumPolicy(managedPolicy) : null;
      if (preset && 'skip' in preset) return use(preset);
      const userDataDir = allowedPermissions.length ? profileAllowing(preset?.extensionDir ?? EXTENSION_DIR, allowedPermissions) : undefined;
      try {
        // Two page processes: a new tab (each test opens two or three) joins one instead of starting its own (docs/testing.md#time).
        const context = await launchExtensionBrowser({ fakeAdoPort: fakeAdo.port, hosts: fakeAdo.hosts, extensionDir: preset?.extensionDir, userDataDir, rendererProcessLimit: 2 });
        const extensionId = await extensionIdOf(context);
        await use({ context, extensionId, worker: context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')) });
        await context.close();
      } finally {
        // The policy names only this copy's id, but it is the machine's folder: leave nothing behind.
        preset?.remove();
        if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  context: async ({ fakeAdo, workerBrowser }, use, testInfo) => {
    if ('skip' in workerBrowser) return testInfo.skip(true, workerBrowser.skip);
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
    if ('skip' in workerBrowser) throw new Error(workerBrowser.skip);
    await use(workerBrowser.worker);
  },
  extensionId: async ({ workerBrowser }, use) => {
    if ('skip' in workerBrowser) throw new Error(workerBrowser.skip);
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
