import { axeViolations } from './support/axe';
import { hostRoutedFetch } from '../fake-ado/host-routed-fetch';
import { basic } from '../fake-ado/fixtures/basic';
import { test, expect } from './fixtures';
import type { RepoPage } from './pages/repo-page';

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
    // With no account, the branch's open pull requests are asked with the page's sign-in as it loads: that one goes first.
    await expect.poll(() => fakeAdo.control.requests({ pathIncludes: '/pullrequests' }).length).toBe(1);
    fakeAdo.control.clearRequests();

    await copy.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(HTTPS);
    await expect(page.getByRole('status').filter({ hasText: 'Copied the HTTPS clone URL.' })).toBeVisible();

    // Where the focus lands when a menu opens is the keyboard test's (below); here, the items' choices.
    // The menu script may still be loading, and the buttons may still move to their anchor as the page
    // settles (which closes the menu and takes the focus away, even between the arrow key and Enter):
    // the menu is opened and the keys pressed again until SSH is copied.
    const ssh = 'git@ssh.dev.azure.com:v3/contoso/Mobile%20App/ios-app';
    await expect(async () => {
      if (!(await page.getByRole('menuitem', { name: 'Copy HTTPS URL' }).isVisible())) {
        await page.getByRole('button', { name: 'More ways to copy the clone URL' }).click();
      }
      await page.getByRole('menuitem', { name: 'Copy HTTPS URL' }).focus({ timeout: 1_000 });
      await page.keyboard.press('ArrowDown');
      await expect(page.getByRole('menuitem', { name: 'Copy SSH URL' })).toBeFocused({ timeout: 1_000 });
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 2_000 }).toBe(ssh);
    }).toPass();

    await page.getByRole('button', { name: 'More ways to copy the clone URL' }).click();
    await page.getByRole('menuitem', { name: 'Copy git clone command' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`git clone ${HTTPS}`);
    expect(fakeAdo.control.requests()).toEqual([]);
  });

  test('a script of the page cannot pick a menu item for the user', async ({ repoPage }) => {
    await repoPage.goto(IOS);
    const page = repoPage.page;
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await page.getByRole('button', { name: 'More ways to copy the clone URL' }).click();
    await expect(page.getByRole('menuitem', { name: 'Copy SSH URL' })).toBeVisible();
    await page.getByRole('menuitem', { name: 'Copy SSH URL' }).evaluate((item: HTMLElement) => item.click());
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before');
    await page.getByRole('button', { name: 'More ways to copy the clone URL' }).click();
    await page.getByRole('menuitem', { name: 'Copy SSH URL' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('git@ssh.dev.azure.com:v3/contoso/Mobile%20App/ios-app');
  });

  test('copies the dev.azure.com form from a legacy visualstudio.com page', async ({ repoPage }) => {
    await repoPage.goto('https://contoso.visualstudio.com/DefaultCollection/Mobile%20App/_git/ios-app');
    await repoPage.page.getByRole('button', { name: 'Copy clone URL', exact: true }).click();
    await expect.poll(() => repoPage.page.evaluate(() => navigator.clipboard.readText())).toBe(HTTPS);
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

  test('a crafted branch in the page URL cannot retarget the GitKraken link', async ({ repoPage }) => {
    await repoPage.goto(`${IOS}?version=GB..%2F..%2F..%2Fworkspace%2F0b1d`);
    const href = await repoPage.page.getByRole('link', { name: 'Clone in GitKraken Desktop' }).getAttribute('href');
    const inner = new URL(atob(decodeURIComponent(new URL(href!).pathname.replace('/link/', ''))));
    expect(inner.href.split('?')[0]).toBe('vscode://eamodio.gitlens/link/r/-');
    expect(inner.searchParams.get('url')).toBe(HTTPS);
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

  test('nothing is injected on repository pages without these buttons', async ({ repoPage }) => {
    await repoPage.goto(`${IOS}/tags`);
    await repoPage.waitForRerender('tags');
    await expect(repoPage.extensionButtons).toHaveCount(0);
    // The script is running on this page: the next page (in-app) gets its buttons.
    await repoPage.navigateTo('Files');
    await repoPage.waitForHeaderButtons();
  });
});

test.describe('page actions where Azure DevOps changed its markup', () => {
  test('shows the buttons in a bar of their own when none of their anchors appears, and they work', async ({ repoPage, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://dev.azure.com' });
    await repoPage.goto(`${IOS}?fake-ado-anchors=unknown`);
    await expect(repoPage.ownBar.getByRole('button', { name: 'Copy clone URL', exact: true })).toBeVisible();
    await expect(repoPage.ownBar.getByRole('link', { name: 'Clone in GitKraken Desktop' })).toBeVisible();
    await expect(repoPage.ownBar.getByRole('button', { name: 'Create pull request', exact: true })).toBeVisible();
    await expect(repoPage.ownBar).toContainText('ADO Companion');
    await repoPage.copyCloneUrlButton.click();
    await expect.poll(() => repoPage.page.evaluate(() => navigator.clipboard.readText())).toBe(HTTPS);
  });

  test('moves the buttons from its own bar to the header when Azure DevOps renders it late: one set', async ({ repoPage }) => {
    await repoPage.goto(`${IOS}?fake-ado-anchors=late`);
    await expect(repoPage.ownBar.getByRole('button', { name: 'Copy clone URL', exact: true })).toBeVisible();
    await repoPage.renderLateAnchors();
    await expect(repoPage.ownBar).toHaveCount(0);
    await expect(repoPage.page.locator('.repos-files-header-commandbar').getByRole('button', { name: 'Copy clone URL', exact: true })).toBeVisible();
    await expect(repoPage.extensionButtons).toHaveCount(3);
    await expect(repoPage.cloneLink).toHaveCount(1);
  });

  test('the popup says when the buttons are in their own bar, so a user can tell which page changed', async ({ repoPage, popup }) => {
    await popup.open();
    await repoPage.goto(`${IOS}/pullrequest/5?fake-ado-anchors=unknown`);
    await expect(repoPage.ownBar.getByRole('button', { name: 'Copy clone URL', exact: true })).toBeVisible();
    await repoPage.page.bringToFront();
    await popup.openToolbarPopup();
    await expect.poll(() => popup.toolbarPopupText()).toContain('buttons are in ADO Companion’s own bar');
  });
});

/** The GitLens-style link inside a "Clone in GitKraken Desktop" href (lib/clients/gitkraken-link.ts). */
function innerLink(href: string): URL {
  return new URL(atob(decodeURIComponent(new URL(href).pathname.replace('/link/', ''))));
}

test.describe('page actions on the commits, pushes, pull request list and branches pages', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://dev.azure.com' });
  });

  for (const [path, view] of [
    ['commits', 'commits'],
    ['pushes', 'pushes'],
    ['pullrequests', 'pullrequests'],
    ['branches', 'branches'],
  ] as const) {
    test(`shows Clone and Copy clone URL once on /${path}, for the repository's default branch`, async ({ repoPage }) => {
      await repoPage.goto(`${IOS}/${path}`);
      const page = repoPage.page;
      // After Azure DevOps' second render, which replaces the header and our buttons with it.
      await repoPage.waitForRerender(view);
      await expect(repoPage.cloneLink).toHaveCount(1);
      await expect(repoPage.copyCloneUrlButton).toHaveCount(1);
      await expect(repoPage.cloneLink).toHaveText('Clone in GitKraken Desktop');
      await expect(repoPage.createPullRequestButton).toHaveCount(0);
      // In the header's command bar, beside Azure DevOps' own items.
      await expect(page.locator('.bolt-header-commandbar').getByRole('button', { name: 'Copy clone URL', exact: true })).toBeVisible();
      const inner = innerLink((await repoPage.cloneLink.getAttribute('href'))!);
      expect(inner.pathname).toBe('/link/r/-'); // no /b/{branch}: the default branch
      expect(inner.searchParams.get('url')).toBe(HTTPS);

      await repoPage.copyCloneUrlButton.click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(HTTPS);
      await expect(page.getByRole('status').filter({ hasText: 'Copied the HTTPS clone URL.' })).toBeVisible();
    });
  }

  test('clones the branch picked on the commits page, which Azure DevOps names itemVersion', async ({ repoPage }) => {
    await repoPage.goto(`${IOS}/commits`);
    await repoPage.waitForRerender('commits');
    await repoPage.page.locator('.version-dropdown > button').click();
    await repoPage.page.getByRole('menuitem', { name: 'feature/1234-login' }).click();
    await expect(repoPage.page).toHaveURL(/\/commits\?itemVersion=GBfeature%2F1234-login$/);
    await expect.poll(async () => innerLink((await repoPage.cloneLink.getAttribute('href'))!).pathname).toBe('/link/r/-/b/feature/1234-login');
    await expect(repoPage.cloneLink).toHaveCount(1);
  });

  const expectHeaderButtons = async (repoPage: RepoPage, createPullRequest: number) => {
    await expect(repoPage.cloneLink).toHaveCount(1);
    await expect(repoPage.copyCloneUrlButton).toHaveCount(1);
    await expect(repoPage.createPullRequestButton).toHaveCount(createPullRequest);
    await expect(repoPage.extensionButtons).toHaveCount(2 + createPullRequest);
  };

  test('moving in the app from the files page through the list pages shows the header buttons once on each', async ({ repoPage }) => {
    await repoPage.goto(IOS);
    await repoPage.waitForRerender('files');
    await expectHeaderButtons(repoPage, 1);
    for (const [name, view] of [
      ['Commits', 'commits'],
      ['Pushes', 'pushes'],
      ['Pull requests', 'pullrequests'],
    ] as const) {
      await repoPage.navigateTo(name);
      await repoPage.waitForRerender(view);
      await expectHeaderButtons(repoPage, 0);
    }
    // A tab of the pull request list changes the query only: Azure DevOps keeps the header.
    await repoPage.page.getByRole('tab', { name: 'Active' }).click();
    await expect(repoPage.page.getByRole('tab', { name: 'Active' })).toHaveAttribute('aria-selected', 'true');
    await expectHeaderButtons(repoPage, 0);
    expect(innerLink((await repoPage.cloneLink.getAttribute('href'))!).searchParams.get('url')).toBe(HTTPS);
  });

  test('moving in the app to Branches shows the header buttons once and a Create PR per row; to Tags, none', async ({ repoPage }) => {
    await repoPage.goto(`${IOS}/pushes`);
    await repoPage.waitForRerender('pushes');
    await repoPage.navigateTo('Branches');
    await repoPage.waitForRerender('branches');
    await expect(repoPage.createPrFromBranchButtons).toHaveCount(3);
    await expect(repoPage.cloneLink).toHaveCount(1);
    await expect(repoPage.copyCloneUrlButton).toHaveCount(1);
    await expect(repoPage.createPullRequestButton).toHaveCount(0);
    await repoPage.navigateTo('Tags');
    await repoPage.waitForRerender('tags');
    await expect(repoPage.extensionButtons).toHaveCount(0);
    await repoPage.navigateTo('Files');
    await repoPage.waitForRerender('files');
    await expectHeaderButtons(repoPage, 1);
  });

  test('the organization’s pull request list gets no buttons, and going back brings them once', async ({ repoPage }) => {
    await repoPage.goto(IOS);
    await repoPage.waitForRerender('files');
    await repoPage.page.getByRole('link', { name: 'contoso', exact: true }).click();
    await repoPage.waitForRerender('organization-home');
    await repoPage.navigateTo('Pull requests');
    await repoPage.waitForRerender('pullrequests');
    await expect(repoPage.page).toHaveURL('https://dev.azure.com/contoso/_pulls');
    await expect(repoPage.page.locator('.bolt-header-commandbar')).toHaveCount(1);
    await expect(repoPage.extensionButtons).toHaveCount(0);
    // Back to the files page (popstate): the buttons come back, once.
    await repoPage.page.goBack();
    await repoPage.page.goBack();
    await repoPage.waitForRerender('files');
    await expectHeaderButtons(repoPage, 1);
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
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(HTTPS);
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
