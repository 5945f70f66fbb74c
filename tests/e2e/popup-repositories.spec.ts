import { axeViolations } from './support/axe';
import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';

test.describe('popup: repositories', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('lists the repositories of a connected organization, filters as you type, copies and clones without a request', async ({ popup, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    await expect(popup.page.getByRole('heading', { name: 'Repositories' })).toBeFocused();
    const list = popup.page.getByRole('list', { name: 'Repositories' });
    await expect(list.locator('[data-repository="ios-app"]')).toBeVisible();
    await expect(popup.page.locator('#repositories-count')).toContainText('updated');

    // Grouped by organization, then project; each row says its project, default branch, and whether it is a fork.
    await expect(list.getByRole('heading', { name: 'contoso', level: 3 })).toBeVisible();
    await expect(list.getByRole('heading', { name: 'Automação', level: 4 })).toBeVisible();
    const filterBox = popup.page.getByRole('searchbox', { name: 'Filter repositories' });
    await filterBox.fill('web-portal');
    await expect(list.getByRole('heading', { name: 'Platform', level: 4 })).toBeVisible();
    await expect(list.locator('[data-repository="web-portal"]')).toContainText('contoso / Platform · main');
    await expect(list.locator('[data-repository="web-portal-fork"]')).toContainText('fork');
    await expect(list.locator('[data-repository="web-portal"]')).not.toContainText('fork');
    await filterBox.fill('empty');
    await expect(list.locator('[data-repository="empty-repo"]')).toContainText('contoso / Platform · empty');

    // Arrow keys go from the filter to each repository's clone link (Enter clones) and back; only the
    // current row is in the tab order.
    await filterBox.fill('app');
    const rows = list.locator('[data-repository]');
    await filterBox.press('ArrowDown');
    await expect(rows.first().getByRole('link', { name: /^Clone in / })).toBeFocused();
    await popup.page.keyboard.press('ArrowDown');
    const second = rows.nth(1);
    await expect(second.getByRole('link', { name: /^Clone in / })).toBeFocused();
    await expect(second.getByRole('link', { name: /^Clone in / })).toHaveAccessibleDescription(/^\S+ \/ .+ · /);
    await popup.page.keyboard.press('Tab');
    await popup.page.keyboard.press('Tab');
    await expect(second.getByRole('button', { name: 'Copy git clone' })).toBeFocused();
    await popup.page.keyboard.press('Tab');
    await expect(second.getByRole('button', { name: /^Forks of / })).toBeFocused();
    await popup.page.keyboard.press('Tab');
    expect(await popup.page.evaluate(() => document.activeElement?.closest('[data-repository]') ?? null)).toBeNull();
    await second.getByRole('link', { name: /^Clone in / }).focus();
    await popup.page.keyboard.press('ArrowUp');
    await popup.page.keyboard.press('ArrowUp');
    await expect(filterBox).toBeFocused();

    await filterBox.fill('mapios');
    await expect(rows).toHaveCount(1);
    const row = list.locator('[data-repository="ios-app"]');
    await expect(row).toContainText('contoso / Mobile App');
    // When it last changed: its main branch's newest commit in the fake is from 5 January 2026.
    await expect(row.locator('time')).toHaveAttribute('datetime', '2026-01-05T09:00:00.000Z');
    await expect(row.locator('time')).toHaveText(/^updated \d+ months? ago$/);

    fakeAdo.control.clearRequests();
    await row.getByRole('button', { name: 'Copy HTTPS URL' }).click();
    expect(await popup.page.evaluate(() => navigator.clipboard.readText())).toBe('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app');
    await expect(popup.page.getByRole('status').filter({ hasText: 'Copied the HTTPS clone URL of ios-app.' })).toBeAttached();

    await popup.page.getByRole('combobox', { name: 'Clone with' }).selectOption({ label: 'Visual Studio Code' });
    await popup.page.getByRole('combobox', { name: 'using' }).selectOption('ssh');
    await expect(row.getByRole('link', { name: 'Clone in Visual Studio Code' })).toHaveAttribute(
      'href',
      `vscode://vscode.git/clone?url=${encodeURIComponent('ssh://git@ssh.dev.azure.com/v3/contoso/Mobile%20App/ios-app')}`,
    );
    await row.getByRole('button', { name: 'Copy SSH URL' }).click();
    expect(await popup.page.evaluate(() => navigator.clipboard.readText())).toBe('git@ssh.dev.azure.com:v3/contoso/Mobile%20App/ios-app');
    // Clone links and copies are computed locally: Azure DevOps saw nothing.
    expect(fakeAdo.control.requests()).toEqual([]);

    expect(await axeViolations(popup.page)).toEqual([]);

    // The choice is remembered.
    await popup.reopen();
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    await expect(popup.page.getByRole('combobox', { name: 'Clone with' })).toHaveValue('vscode');
  });

  test('shows the cached list with its age when Azure DevOps cannot be reached, and the reason when asked to refresh', async ({ popup, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    await expect(popup.page.locator('[data-repository="ios-app"]')).toBeVisible();
    await expect(popup.page.locator('#repositories-count')).toContainText('updated');

    fakeAdo.control.setFailures({ offline: true });
    await popup.reopen();
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    await expect(popup.page.locator('[data-repository="ios-app"]')).toBeVisible();
    await expect(popup.page.locator('#repositories-count')).toContainText('updated');
    await popup.page.getByRole('button', { name: 'Refresh' }).click();
    // Network failures are retried with backoff before the popup says so (the cached list shows meanwhile).
    await expect(popup.alert).toContainText(/contoso: .*reach.*Showing the list from/, { timeout: 20_000 });
    await expect(popup.page.locator('[data-repository="ios-app"]')).toBeVisible();
  });

  test('reopened within five minutes shows the cache without asking Azure DevOps; Refresh or an older list fetches it again', async ({ popup, fakeAdo }) => {
    const mobileApp = fakeAdo.control.state.data.organizations.find((o) => o.name === 'contoso')!.projects.find((p) => p.name === 'Mobile App')!;
    const addRepository = (name: string, id: string) =>
      mobileApp.repositories.push({ id, name, defaultBranch: 'refs/heads/main', size: 1, branches: [{ name: 'main', objectId: 'a'.repeat(40) }], pullRequests: [] });
    // Listings only: the last-update lookups of the rows in view (`…/repositories/{id}/commits`) may still
    // be arriving from the first opening.
    const listCalls = () => fakeAdo.control.requests({ pathIncludes: '/_apis/git/repositories' }).filter((r) => r.path.endsWith('/_apis/git/repositories'));
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    await expect(popup.page.locator('[data-repository="ios-app"]')).toBeVisible();

    addRepository('watch-app', '5d4c3b2a-1f0e-4d9c-8b7a-000000000001');
    fakeAdo.control.clearRequests();
    await popup.reopen();
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    await expect(popup.page.locator('[data-repository="ios-app"]')).toBeVisible();
    await expect(popup.page.locator('#repositories-count')).toContainText('updated');
    const refresh = popup.page.getByRole('button', { name: 'Refresh' });
    await refresh.click();
    await expect(popup.page.locator('[data-repository="watch-app"]')).toBeVisible();
    await expect(refresh).toBeFocused();
    // Only the click asked Azure DevOps; opening the screen did not.
    expect(listCalls()).toHaveLength(1);

    // Six minutes later (the popup's clock moved on), opening the screen fetches by itself.
    addRepository('tv-app', '5d4c3b2a-1f0e-4d9c-8b7a-000000000002');
    await popup.page.close();
    await popup.open(() => {
      const now = Date.now.bind(Date);
      Date.now = () => now() + 6 * 60_000;
    });
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    await expect(popup.page.locator('[data-repository="tv-app"]')).toBeVisible();
    expect(listCalls()).toHaveLength(2);
  });

  test('hands Visual Studio the project and repository ids, as Azure DevOps’ own clone dialog does', async ({ popup }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    await popup.page.getByRole('combobox', { name: 'Clone with' }).selectOption({ label: 'Visual Studio' });
    const clone = popup.page.locator('[data-repository="ios-app"]').getByRole('link', { name: 'Clone in Visual Studio' });
    const href = await clone.getAttribute('href');
    const [scheme, tfslink] = href!.split('tfslink=');
    expect(scheme).toBe('vsweb://vs/?Product=Visual_Studio&EncFormat=UTF8&');
    const { id: repositoryId, projectId } = basic.repos.iosApp;
    expect(Buffer.from(tfslink!, 'base64').toString('utf8')).toBe(
      `vstfs:///Framework/TeamProject/${projectId}?url=https://dev.azure.com/contoso/&project=${projectId}&repo=${repositoryId}`,
    );
  });

  test('narrows the list to one organization when several are connected', async ({ popup }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await popup.connectWithPat('dev.azure.com/fabrikam', basic.pats.janeFabrikam);
    await expect(popup.organizationRow('fabrikam')).toBeVisible();
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    const list = popup.page.getByRole('list', { name: 'Repositories' });
    await expect(list.getByRole('heading', { name: 'contoso', exact: true })).toBeVisible();
    await expect(list.locator('[data-repository="ios-app"]')).toBeVisible();
    // Further down the list: the end of it is a keystroke away.
    await popup.page.getByRole('searchbox', { name: 'Filter repositories' }).press('ArrowDown');
    await popup.page.keyboard.press('End');
    await expect(list.getByRole('heading', { name: 'fabrikam', exact: true })).toBeVisible();
    await expect(list.locator('[data-repository="fiber-web"]')).toBeVisible();
    await popup.page.getByRole('combobox', { name: 'Organization' }).selectOption({ label: 'fabrikam' });
    await expect(list.locator('[data-repository="ios-app"]')).toHaveCount(0);
    await expect(list.locator('[data-repository="fiber-web"]')).toBeVisible();
  });
});
