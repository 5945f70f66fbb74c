import { axeViolations } from './support/axe';
import { hostRoutedFetch } from '../fake-ado/host-routed-fetch';
import { basic } from '../fake-ado/fixtures/basic';
import { test, expect } from './fixtures';

const IOS = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';
const HTTPS = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';

test.describe('page actions: copy clone URL and clone in a desktop client', () => {
  test.beforeEach(async ({ context }) => {
    for (const origin of ['https://dev.azure.com', 'https://contoso.visualstudio.com']) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    }
  });

  test('copies the clone URL in each form from the files page, without a request and with a confirmation', async ({ repoPage, fakeAdo }) => {
    await repoPage.goto(`${IOS}?version=GBdevelop`);
    const page = repoPage.page;
    const copy = page.getByRole('button', { name: 'Copy clone URL', exact: true });
    await expect(copy).toBeVisible();
    fakeAdo.control.clearRequests();

    await copy.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(HTTPS);
    await expect(page.getByRole('status').filter({ hasText: 'Copied the HTTPS clone URL.' })).toBeVisible();

    await page.getByRole('button', { name: 'More ways to copy the clone URL' }).click();
    await expect(page.getByRole('menuitem', { name: 'Copy HTTPS URL' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('git@ssh.dev.azure.com:v3/contoso/Mobile%20App/ios-app');

    await page.getByRole('button', { name: 'More ways to copy the clone URL' }).click();
    await page.getByRole('menuitem', { name: 'Copy git clone command' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`git clone ${HTTPS}`);
    expect(fakeAdo.control.requests()).toEqual([]);
  });

  test('copies the dev.azure.com form from a legacy visualstudio.com page', async ({ repoPage }) => {
    await repoPage.goto('https://contoso.visualstudio.com/DefaultCollection/Mobile%20App/_git/ios-app');
    await repoPage.page.getByRole('button', { name: 'Copy clone URL', exact: true }).click();
    expect(await repoPage.page.evaluate(() => navigator.clipboard.readText())).toBe(HTTPS);
  });

  test('links the default client to the branch being viewed, follows in-app branch switches, and never mounts twice', async ({ repoPage }) => {
    await repoPage.goto(`${IOS}?version=GBdevelop`);
    const page = repoPage.page;
    const clone = page.getByRole('link', { name: 'Clone in GitKraken Desktop' });
    const innerOf = async () => {
      const href = (await clone.getAttribute('href'))!;
      return decodeURIComponent(atob(decodeURIComponent(new URL(href).pathname.replace('/link/', ''))));
    };
    await expect(clone).toBeVisible();
    expect(await innerOf()).toContain('/link/r/-/b/develop?url=');

    // In-app switch through Azure DevOps' own branch picker: no reload.
    await page.evaluate(() => ((window as unknown as { __beforeSwitch: boolean }).__beforeSwitch = true));
    await page.locator('.version-dropdown > button').click();
    await page.getByRole('menuitem', { name: 'feature/1234-login' }).click();
    await expect(page).toHaveURL(/version=GBfeature%2F1234-login|version=GBfeature\/1234-login/);
    await expect.poll(innerOf).toContain('/link/r/-/b/feature/1234-login?url=');
    expect(await page.evaluate(() => (window as unknown as { __beforeSwitch?: boolean }).__beforeSwitch)).toBe(true);
    await expect(page.locator('[data-ado-companion-feature="clone-in-client"]')).toHaveCount(1);
    await expect(page.locator('[data-ado-companion-feature="copy-clone-url"]')).toHaveCount(1);
  });

  test('picking another client opens it, makes it the default, and says when nothing opened', async ({ repoPage }) => {
    await repoPage.goto(IOS);
    const page = repoPage.page;
    await page.getByRole('button', { name: 'Clone in another client' }).click();
    await page.getByRole('menuitem', { name: 'Visual Studio Code' }).click();
    const clone = page.getByRole('link', { name: 'Clone in Visual Studio Code' });
    await expect(clone).toHaveAttribute('href', `vscode://vscode.git/clone?url=${encodeURIComponent(HTTPS)}`);
    // Headless Chromium has no app for vscode://, and the page keeps the focus.
    await expect(page.getByRole('status').filter({ hasText: 'Didn’t open?' })).toBeVisible({ timeout: 8000 });
    await expect(page.getByRole('link', { name: 'Install Visual Studio Code' })).toHaveAttribute('href', 'https://code.visualstudio.com/download');

    await page.reload();
    await expect(page.getByRole('link', { name: 'Clone in Visual Studio Code' })).toBeVisible();
  });

  test('the injected buttons pass axe and are reachable by keyboard', async ({ repoPage }) => {
    await repoPage.goto(IOS);
    const page = repoPage.page;
    // After Azure DevOps' second render (which replaces the header and our buttons with it).
    await expect(page.locator('[data-fake-ado-rendered="2"]')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Copy clone URL', exact: true })).toBeVisible();
    expect(await axeViolations(page, '[data-ado-companion-feature]')).toEqual([]);
    await page.getByRole('button', { name: 'Clone in another client' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'GitKraken Desktop' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Clone in another client' })).toBeFocused();
  });

  test('nothing is injected on pages without a repository header', async ({ repoPage }) => {
    await repoPage.goto(`${IOS}/pullrequests`);
    await expect(repoPage.page.locator('html')).toHaveAttribute('data-ado-companion-page', 'pull-requests');
    await expect(repoPage.page.locator('[data-ado-companion-feature]')).toHaveCount(0);
  });
});

test.describe('page actions on a pull request', () => {
  test('clones the pull request’s source branch and copies the repository URL', async ({ repoPage, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://dev.azure.com' });
    await repoPage.goto(`${IOS}/pullrequest/5`);
    const page = repoPage.page;
    const clone = page.getByRole('link', { name: 'Clone in GitKraken Desktop' });
    await expect(clone).toBeVisible();
    const href = (await clone.getAttribute('href'))!;
    const inner = decodeURIComponent(atob(decodeURIComponent(new URL(href).pathname.replace('/link/', ''))));
    expect(inner).toContain('/link/r/-/b/feature/1234-login?url=');
    await page.getByRole('button', { name: 'Copy clone URL', exact: true }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(HTTPS);
  });
});

test.describe('page actions on a pull request from a fork', () => {
  test('clones the source branch in the fork’s repository', async ({ repoPage, fakeAdo }) => {
    // A PR from the fork's branch into the parent, created the way Azure DevOps' REST API does it.
    const fetchOnFake = hostRoutedFetch(fakeAdo);
    const { webPortal, webPortalFork } = basic.repos;
    const created = await fetchOnFake(`https://dev.azure.com/contoso/Platform/_apis/git/repositories/${webPortal.id}/pullrequests?api-version=7.1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`:${basic.pats.janeContoso}`).toString('base64')}` },
      body: JSON.stringify({
        sourceRefName: 'refs/heads/feature/fork-only',
        targetRefName: 'refs/heads/main',
        title: 'From the fork',
        forkSource: { repository: { id: webPortalFork.id } },
      }),
    });
    expect(created.status).toBe(201);
    const { pullRequestId } = (await created.json()) as { pullRequestId: number };

    await repoPage.goto(`https://dev.azure.com/contoso/Platform/_git/web-portal/pullrequest/${pullRequestId}`);
    const clone = repoPage.page.getByRole('link', { name: 'Clone in GitKraken Desktop' });
    await expect(clone).toBeVisible();
    const inner = decodeURIComponent(atob(decodeURIComponent(new URL((await clone.getAttribute('href'))!).pathname.replace('/link/', ''))));
    expect(inner).toContain('/b/feature/fork-only?url=');
    expect(new URL(inner).searchParams.get('url')).toBe('https://dev.azure.com/contoso/Platform/_git/web-portal-fork');
  });
});
