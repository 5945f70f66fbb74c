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

    // Arrow keys go from the filter into the list and back.
    const filterBox = popup.page.getByRole('searchbox', { name: 'Filter repositories' });
    await filterBox.fill('app');
    await filterBox.press('ArrowDown');
    await expect(list.getByRole('listitem').first().getByRole('link').first()).toBeFocused();
    await popup.page.keyboard.press('ArrowDown');
    await expect(list.getByRole('listitem').nth(1).getByRole('link').first()).toBeFocused();
    await popup.page.keyboard.press('ArrowUp');
    await popup.page.keyboard.press('ArrowUp');
    await expect(filterBox).toBeFocused();

    await filterBox.fill('mapios');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    const row = list.locator('[data-repository="ios-app"]');
    await expect(row).toContainText('contoso / Mobile App');

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

  test('shows the cached list with the reason when Azure DevOps cannot be reached', async ({ popup, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    await expect(popup.page.locator('[data-repository="web-portal"]')).toBeVisible();
    await expect(popup.page.locator('#repositories-count')).toContainText('updated');

    fakeAdo.control.setFailures({ offline: true });
    await popup.reopen();
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    await expect(popup.page.locator('[data-repository="web-portal"]')).toBeVisible();
    // Network failures are retried with backoff before the popup says so (the cached list shows meanwhile).
    await expect(popup.alert).toContainText(/contoso: .*reach.*Showing the list from/, { timeout: 20_000 });
  });

  test('narrows the list to one organization when several are connected', async ({ popup }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await popup.connectWithPat('dev.azure.com/fabrikam', basic.pats.janeFabrikam);
    await expect(popup.organizationRow('fabrikam')).toBeVisible();
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    const list = popup.page.getByRole('list', { name: 'Repositories' });
    await expect(list.locator('[data-repository="ios-app"]')).toBeVisible();
    await expect(list.locator('[data-repository="fiber-web"]')).toBeVisible();
    await popup.page.getByRole('combobox', { name: 'Organization' }).selectOption({ label: 'fabrikam' });
    await expect(list.locator('[data-repository="ios-app"]')).toHaveCount(0);
    await expect(list.locator('[data-repository="fiber-web"]')).toBeVisible();
  });
});
