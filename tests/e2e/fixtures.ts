import { test as base, expect, type BrowserContext, type Worker } from '@playwright/test';
import { startFakeAdo, type FakeAdo } from '../fake-ado/server';
import { extensionIdOf, launchExtensionBrowser, registerWithFakeEntra, signInToAzureDevOpsWeb } from './support/launch-browser';
import { PopupPage } from './pages/popup';
import { RepoPage } from './pages/repo-page';

interface TestFixtures {
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
  context: async ({ fakeAdo }, use) => {
    fakeAdo.control.reset();
    const context = await launchExtensionBrowser({ fakeAdoPort: fakeAdo.port, hosts: fakeAdo.hosts });
    registerWithFakeEntra(fakeAdo, await extensionIdOf(context));
    // Signed in to Azure DevOps' web UI like a user of the extension (tests that need otherwise clear the cookies).
    await signInToAzureDevOpsWeb(context, fakeAdo);
    await use(context);
    await context.close();
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
