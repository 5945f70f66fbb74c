import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';

/**
 * A policy an IT department presets (docs/managed-configuration.md), written where Debian's Chromium
 * reads the machine's policies, for a copy of the extension with an id of its own (fixtures.ts).
 */

const ONLY_MICROSOFT = "Your organization's policy allows only Microsoft sign-in in ADO Companion.";

test.describe('managed policy: PAT sign-in not allowed', () => {
  test.use({ managedPolicy: { allowPatSignIn: false } });

  test('the connect screen offers only Microsoft sign-in and says it is the policy', async ({ popup }) => {
    await popup.open();
    await expect(popup.connectOAuthButton).toBeVisible();
    await expect(popup.page.getByText(ONLY_MICROSOFT)).toBeVisible();
    await expect(popup.usePatButton).toHaveCount(0);
  });

  test('the background refuses a PAT sent past the popup, naming the policy', async ({ popup }) => {
    await popup.open();
    const answer = await popup.send('accounts.connectPat', { host: 'dev.azure.com/contoso', token: basic.pats.janeContoso });
    expect(answer).toMatchObject({ ok: false, error: { message: ONLY_MICROSOFT } });
  });
});

test.describe('managed policy: allowed organizations and the Entra app', () => {
  test.use({ managedPolicy: { allowedOrganizations: ['contoso'], entraClientId: 'contoso-it-ado-companion' } });

  test('a PAT for an organization the policy does not list is refused with a sentence naming the policy', async ({ popup }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/fabrikam', basic.pats.janeFabrikam);
    await expect(popup.alert).toHaveText(/Your organization's policy does not allow ADO Companion to connect to fabrikam/);
  });

  test("Microsoft sign-in uses the policy's Entra app and offers only the allowed organizations", async ({ popup, context, fakeAdo, extensionId }) => {
    // The organization's own app registration is the only one the (fake) Entra knows now.
    fakeAdo.control.registerEntraRedirectUri('contoso-it-ado-companion', `https://${extensionId}.chromiumapp.org/`);
    await popup.open();
    await signInWithMicrosoft(context, popup.page);
    await expect(popup.page.getByRole('heading', { name: 'Choose organizations' })).toBeVisible();
    await expect(popup.page.getByRole('checkbox')).toHaveCount(1);
    await expect(popup.page.getByRole('checkbox', { name: 'contoso' })).toBeChecked();
    await expect(popup.page.getByText("Only the organizations your organization's policy allows are listed.")).toBeVisible();
  });
});

test.describe('managed policy: desktop client and clone protocol', () => {
  test.use({ managedPolicy: { defaultClient: 'vscode', cloneProtocol: 'ssh' } });

  test('the repositories screen shows both as set by the organization and does not let them change', async ({ popup }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    const client = popup.page.getByRole('combobox', { name: 'Clone with' });
    await expect(client).toHaveValue('vscode');
    await expect(client).toBeDisabled();
    await expect(client).toHaveAccessibleDescription(/Set by your organization/);
    const protocol = popup.page.getByRole('combobox', { name: 'using' });
    await expect(protocol).toHaveValue('ssh');
    await expect(protocol).toBeDisabled();
    await expect(protocol).toHaveAccessibleDescription('Set by your organization');
  });

  test("the page's Clone button opens the client the policy sets, over SSH", async ({ repoPage, serviceWorker }) => {
    // The background writes the policy's choice where the page script reads it, as it starts.
    await expect.poll(() => serviceWorker.evaluate(() => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.get('clone-client'))).toEqual({ 'clone-client': 'vscode' });
    await repoPage.goto('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app');
    await expect(repoPage.page.getByRole('link', { name: 'Clone in Visual Studio Code' })).toHaveAttribute('href', /^vscode:.*ssh\.dev\.azure\.com/);
  });
});

/** Clicks "Connect to Azure DevOps" and signs in on the (fake) Microsoft page that opens. */
async function signInWithMicrosoft(context: BrowserContext, popupPage: Page) {
  const authWindow = context.waitForEvent('page');
  await popupPage.getByRole('button', { name: 'Connect to Azure DevOps' }).click();
  const page = await authWindow;
  await page.getByRole('button', { name: 'Sign in as Jane Doe' }).click();
}
