import { test as base, expect, type BrowserContext, type Worker } from '@playwright/test';
import { startFakeAdo, type FakeAdo } from '../fake-ado/server';
import { extensionIdOf, launchExtensionBrowser, registerWithFakeEntra, signInToAzureDevOpsWeb } from './support/launch-browser';
import { presetChromiumPolicy } from './support/chromium-policy';
import { PopupPage } from './pages/popup';
import { RepoPage } from './pages/repo-page';

interface TestFixtures {
  /** A managed policy for the extension (docs/managed-configuration.md); none by default. */
  managedPolicy: Record<string, unknown> | null;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  popup: PopupPage;
  repoPage: RepoPage;
}
interface WorkerFixtures {
  fakeAdo: FakeAdo;
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
  managedPolicy: [null, { option: true }],
  context: async ({ fakeAdo, managedPolicy }, use, testInfo) => {
    fakeAdo.control.reset();
    const preset = managedPolicy ? presetChromiumPolicy(managedPolicy) : null;
    if (preset && 'skip' in preset) return testInfo.skip(true, preset.skip);
    try {
      const context = await launchExtensionBrowser({ fakeAdoPort: fakeAdo.port, hosts: fakeAdo.hosts, extensionDir: preset?.extensionDir });
      registerWithFakeEntra(fakeAdo, await extensionIdOf(context));
      // Signed in to Azure DevOps' web UI like a user of the extension (tests that need otherwise clear the cookies).
      await signInToAzureDevOpsWeb(context, fakeAdo);
      await use(context);
      await context.close();
    } finally {
      // The policy names only this copy's id, but it is the machine's folder: leave nothing behind.
      preset?.remove();
    }
  },
  serviceWorker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  popup: async ({ context, extensionId }, use) => {
    await use(new PopupPage(context, extensionId));
  },
  repoPage: async ({ context }, use) => {
    await use(new RepoPage(await context.newPage()));
  },
});

export { expect };
