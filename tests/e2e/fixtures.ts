import { test as base, expect, type BrowserContext, type Worker } from '@playwright/test';
import { startFakeAdo, type FakeAdo } from '../fake-ado/server';
import { rmSync } from 'node:fs';
import { EXTENSION_DIR, extensionIdOf, launchExtensionBrowser, registerWithFakeEntra, signInToAzureDevOpsWeb } from './support/launch-browser';
import { profileAllowing } from './support/allow-optional-permissions';
import { PopupPage } from './pages/popup';
import { RepoPage } from './pages/repo-page';

interface TestFixtures {
  /** Optional API permissions the user allowed before (`test.use`): asking for them shows no prompt. */
  allowedPermissions: string[];
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
  allowedPermissions: [[], { option: true }],
  context: async ({ fakeAdo, allowedPermissions }, use) => {
    fakeAdo.control.reset();
    const userDataDir = allowedPermissions.length ? profileAllowing(EXTENSION_DIR, allowedPermissions) : undefined;
    const context = await launchExtensionBrowser({ fakeAdoPort: fakeAdo.port, hosts: fakeAdo.hosts, userDataDir });
    registerWithFakeEntra(fakeAdo, await extensionIdOf(context));
    // Signed in to Azure DevOps' web UI like a user of the extension (tests that need otherwise clear the cookies).
    await signInToAzureDevOpsWeb(context, fakeAdo);
    await use(context);
    await context.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
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
