import { axeViolations } from './support/axe';
import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';

test.describe('popup: remote URL helper', () => {
  test('recognises an Azure DevOps remote, shows its repository and copies the command to the dev.azure.com form', async ({ popup, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.open();
    await popup.page.getByRole('button', { name: 'Remote URL helper (no account needed)' }).click();
    await expect(popup.page.getByRole('heading', { name: 'Remote URL helper' })).toBeFocused();
    const field = popup.page.getByLabel('Remote URL', { exact: true });

    await field.fill('https://github.com/fabrikam/website.git');
    await expect(popup.page.getByRole('status').filter({ hasText: 'not an Azure DevOps repository URL' })).toBeVisible();

    await field.fill('https://fabrikam.visualstudio.com/DefaultCollection/My%20Project/_git/Website');
    const card = popup.page.locator('.card');
    await expect(card).toContainText('Organizationfabrikam');
    await expect(card).toContainText('ProjectMy Project');
    await expect(card.locator('code')).toHaveText('git remote set-url origin https://dev.azure.com/fabrikam/My%20Project/_git/Website');
    await popup.page.getByLabel('Remote name').fill('upstream');
    await popup.page.getByRole('button', { name: 'Copy command' }).click();
    expect(await popup.page.evaluate(() => navigator.clipboard.readText())).toBe('git remote set-url upstream https://dev.azure.com/fabrikam/My%20Project/_git/Website');

    expect(await axeViolations(popup.page)).toEqual([]);

    await field.fill('git@ssh.dev.azure.com:v3/fabrikam/My%20Project/Website');
    await expect(card).toContainText('already uses the current address');
  });

  test('prints the command quoted for the shell when the names hold parentheses or quotes', async ({ popup }) => {
    await popup.open();
    await popup.page.getByRole('button', { name: 'Remote URL helper (no account needed)' }).click();
    await popup.page.getByLabel('Remote URL', { exact: true }).fill("https://fabrikam.visualstudio.com/Fiber%20(old)/_git/it's");
    await expect(popup.page.locator('.card code')).toHaveText(`git remote set-url origin 'https://dev.azure.com/fabrikam/Fiber%20(old)/_git/it'\\''s'`);
  });

  test('signed in: a pasted remote of one of your repositories shows its card, to clone or copy in the current form', async ({ popup, context, fakeAdo }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await popup.page.getByRole('button', { name: 'Remote URL helper' }).click();
    const field = popup.page.getByLabel('Remote URL', { exact: true });

    // The legacy form, another case: still that repository.
    await field.fill('https://contoso.visualstudio.com/DefaultCollection/Mobile%20App/_git/IOS-App');
    const card = popup.page.locator('[data-repository="ios-app"]');
    await expect(card).toContainText('contoso / Mobile App · main');
    await expect(card.getByRole('link', { name: 'Clone in GitKraken Desktop' })).toBeVisible();
    fakeAdo.control.clearRequests();
    await card.getByRole('button', { name: 'Copy HTTPS URL' }).click();
    expect(await popup.page.evaluate(() => navigator.clipboard.readText())).toBe('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app');
    expect(fakeAdo.control.requests()).toEqual([]);
    expect(await axeViolations(popup.page)).toEqual([]);

    // Not one of them: no card, only what the URL says.
    await field.fill('https://dev.azure.com/contoso/Mobile%20App/_git/no-such-repo');
    await expect(popup.page.getByRole('status').filter({ hasText: 'Repositoryno-such-repo' })).toBeVisible();
    await expect(popup.page.locator('[data-repository]')).toHaveCount(0);
  });
});
