import { axeViolations } from './support/axe';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';
import type { PopupPage } from './pages/popup';
import { signInAsJane } from './support/microsoft-sign-in';

async function expectNoViolations(page: Page, screen: string) {
  expect(await axeViolations(page), screen).toEqual([]);
}

/** Connected to contoso with a PAT, on the Accounts screen. */
async function connectWithPat(popup: PopupPage) {
  await popup.hostField.fill('dev.azure.com/contoso');
  await popup.tokenField.fill(basic.pats.janeContoso);
  await popup.connectButton.click();
  await expect(popup.page.getByRole('heading', { name: 'Accounts' })).toBeFocused();
}

test.describe('popup accessibility', () => {
  test('the connect screen and the PAT form pass axe, with their problems shown, and take the focus to their heading', async ({ popup }) => {
    // Four axe runs: 11–16 s on a quiet machine, 21 s with a core kept busy.
    test.setTimeout(60_000);
    await popup.open();
    await expect(popup.page.getByRole('heading', { name: 'Connect to Azure DevOps' })).toBeFocused();
    await expectNoViolations(popup.page, 'connect');

    await popup.usePatButton.click();
    await expect(popup.page.getByRole('heading', { name: 'Connect with a Personal Access Token' })).toBeFocused();
    await popup.hostField.fill('github.com/contoso/app');
    await expect(popup.hostField).toHaveAccessibleDescription(/GitHub/);
    await expectNoViolations(popup.page, 'PAT form with a host problem');
    await popup.hostField.fill('http://tfs.contoso.test/tfs/DefaultCollection');
    await expectNoViolations(popup.page, 'PAT form with a server warning');
  });

  test('the Accounts screen passes axe and takes the focus after connecting', async ({ popup }) => {
    await popup.open();
    await popup.usePatButton.click();
    await connectWithPat(popup);
    await expect(popup.page.getByRole('status').filter({ hasText: 'Connected to contoso as Jane Doe.' })).toBeAttached();
    await expectNoViolations(popup.page, 'accounts');
  });

  test('the organization picker and its results pass axe and take the focus', async ({ popup, context }) => {
    await popup.open();
    const authWindow = context.waitForEvent('page');
    await popup.connectOAuthButton.click();
    await signInAsJane(await authWindow);
    await expect(popup.page.getByRole('heading', { name: 'Choose organizations' })).toBeFocused();
    await expect(popup.page.getByRole('group', { name: 'Organizations to use with this sign-in' })).toBeVisible();
    await expectNoViolations(popup.page, 'organization picker');

    await popup.page.getByRole('checkbox', { name: 'adatum' }).check();
    await popup.page.getByRole('button', { name: /^Use \d+ organizations?$/ }).click();
    await expect(popup.page.getByRole('heading', { name: 'Some organizations need attention' })).toBeFocused();
    await expectNoViolations(popup.page, 'organization results');
  });
});
