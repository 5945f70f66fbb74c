/**
 * `npm start`: the built extension in Chromium against the embedded demo Azure DevOps.
 * With a display it opens a window and stays up until Ctrl-C; without one it runs headless,
 * walks through the main screens and writes screenshots to demo-output/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startFakeAdo } from '../tests/fake-ado/server';
import type { Page } from '@playwright/test';
import { demoFixture, DEMO_USER } from '../tests/fake-ado/fixtures/demo';
import { extensionIdOf, launchExtensionBrowser, registerWithFakeEntra, signInToAzureDevOpsWeb } from '../tests/e2e/support/launch-browser';

const OUTPUT_DIR = path.resolve(process.env.DEMO_OUTPUT_DIR ?? 'demo-output');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

const fixture = demoFixture();
const fakeAdo = await startFakeAdo({ port: Number(process.env.FAKE_ADO_PORT ?? 0), fixture });
// The busiest repository of the first organization makes the richest screens.
const demoOrg = fixture.organizations[0]!;
const [demoProject, demoRepo] = demoOrg.projects
  .flatMap((project) => project.repositories.map((repo) => [project, repo] as const))
  .sort(([, a], [, b]) => b.pullRequests.length - a.pullRequests.length)[0]!;
const repoUrl = ['https://dev.azure.com', demoOrg.name, demoProject.name, '_git', demoRepo.name]
  .map((segment, index) => (index === 0 ? segment : encodeURIComponent(segment)))
  .join('/');
const profileDir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'ado-companion-demo-'));
const context = await launchExtensionBrowser({
  fakeAdoPort: fakeAdo.port,
  hosts: fakeAdo.hosts,
  userDataDir: profileDir,
  headless,
});

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await context.close().catch(() => {});
  await fakeAdo.close().catch(() => {});
  fs.rmSync(profileDir, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const extensionId = await extensionIdOf(context);
  registerWithFakeEntra(fakeAdo, extensionId);
  // Signed in to the Azure DevOps web UI as the demo user (the fake's sign-in page would do the same).
  await signInToAzureDevOpsWeb(context, fakeAdo, { user: DEMO_USER.email });
  console.log(`Fake Azure DevOps: ${fakeAdo.origin} (answers for ${fakeAdo.hosts.join(', ')})`);
  console.log(`Extension: chrome-extension://${extensionId}/popup.html`);

  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  async function screenshot(page: Page, name: string) {
    if (!headless) return;
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    const file = path.join(OUTPUT_DIR, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`screenshot: ${file}`);
  }

  // The popup, first as a new user sees it, then signed in to the demo through the fake Entra page.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(popupUrl);
  await popup.getByRole('button', { name: 'Connect to Azure DevOps' }).waitFor();
  await screenshot(popup, 'popup-connect');
  const authWindow = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Connect to Azure DevOps' }).click();
  await (await authWindow).getByRole('button', { name: `Sign in as ${DEMO_USER.displayName}` }).click();
  await popup.getByRole('heading', { name: 'Choose organizations' }).waitFor();
  await screenshot(popup, 'popup-choose-organizations');
  await popup.getByRole('button', { name: /^Use \d+ organizations?$/ }).click();
  await popup.getByRole('heading', { name: 'Accounts' }).waitFor();
  await screenshot(popup, 'popup-accounts');
  // The popup's own tools: the repository list (with when each repository last changed) and my pull requests.
  await popup.getByRole('button', { name: 'Repositories' }).click();
  await popup.locator('[data-repository] time').first().waitFor();
  await screenshot(popup, 'popup-repositories');
  await popup.getByRole('button', { name: 'Accounts' }).click();
  await popup.getByRole('button', { name: 'Pull requests' }).click();
  await popup.locator('[data-status]').first().waitFor();
  await screenshot(popup, 'popup-pull-requests');
  await popup.getByRole('button', { name: 'Back' }).click();

  for (const [name, url] of [
    ['repository-files', repoUrl],
    ['pull-requests', `${repoUrl}/pullrequests`],
  ] as const) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await screenshot(page, name);
    if (headless) await page.close();
  }

  if (headless) {
    await stop(0);
  } else {
    await popup.bringToFront();
    console.log(`Chromium is open with ADO Companion, signed in as ${DEMO_USER.displayName}. Press Ctrl-C to stop.`);
    context.on('close', () => void stop(0));
  }
} catch (error) {
  console.error('The demo could not start:', error instanceof Error ? error.message : error);
  await stop(1);
}
