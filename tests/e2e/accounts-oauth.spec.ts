import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { basic } from '../fake-ado/fixtures/basic';
import { stopServiceWorker } from './support/stop-service-worker';
import { registerWithFakeEntra } from './support/launch-browser';
import { signInAsJane, signInWithMicrosoft } from './support/microsoft-sign-in';

async function chooseOrganizations(popupPage: Page, keep: string[]) {
  await expect(popupPage.getByRole('heading', { name: 'Choose organizations' })).toBeVisible();
  for (const box of await popupPage.getByRole('checkbox').all()) {
    const name = (await box.locator('xpath=..').innerText()).trim();
    await box.setChecked(keep.includes(name));
  }
  await popupPage.getByRole('button', { name: /^Use \d+ organizations?$/ }).click();
}

test.describe('accounts: OAuth', () => {
  test('signs in through Microsoft Entra and lets the user pick organizations', async ({ popup, context }) => {
    await popup.open();
    await signInWithMicrosoft(context, popup.page);
    await expect(popup.page.getByText('Signed in as Jane Doe')).toBeVisible();
    // First sign-in: every organization is offered ticked.
    for (const org of ['adatum', 'contoso', 'fabrikam']) {
      await expect(popup.page.getByRole('checkbox', { name: org })).toBeChecked();
    }
    await chooseOrganizations(popup.page, ['contoso']);
    await expect(popup.account(/Jane Doe \(Microsoft Entra\)/)).toBeVisible();
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await expect(popup.organizationRow('fabrikam')).toHaveCount(0);
    const row = await popup.testConnection('contoso');
    await expect(row.getByRole('status')).toHaveText('Connected as Jane Doe');
  });

  test('closing the Microsoft sign-in window says so and leaves both ways in open', async ({ popup, context }) => {
    await popup.open();
    const authWindow = context.waitForEvent('page');
    await popup.connectOAuthButton.click();
    await expect(popup.page.getByRole('button', { name: 'Waiting for Microsoft sign-in…' })).toBeDisabled();
    await (await authWindow).close();
    await expect(popup.alert).toHaveText(/cancelled/i);
    await expect(popup.connectOAuthButton).toBeEnabled();
    await expect(popup.usePatButton).toBeVisible();
  });

  test('an organization that refuses OAuth is explained, with a one-click switch to a PAT', async ({ popup, context }) => {
    await popup.open();
    await signInWithMicrosoft(context, popup.page);
    await chooseOrganizations(popup.page, ['contoso', 'fabrikam', 'adatum']);
    const msaBacked = popup.page.locator('.org-results li[data-status="blocked"]', { hasText: 'adatum' });
    await expect(msaBacked.getByRole('alert')).toContainText('personal Microsoft accounts');
    const blocked = popup.page.locator('.org-results li[data-status="blocked"]', { hasText: 'fabrikam' });
    await expect(blocked.getByRole('alert')).toContainText('Third-party application access via OAuth');
    await expect(popup.page.locator('.org-results li[data-status="connected"]')).toContainText('contoso');
    await blocked.getByRole('button', { name: 'Use a Personal Access Token for fabrikam' }).click();
    await expect(popup.hostField).toHaveValue('dev.azure.com/fabrikam');
    await expect(popup.page.getByText('fabrikam does not accept OAuth sign-in')).toBeVisible();
    await popup.tokenField.fill(basic.pats.janeFabrikam);
    await popup.connectButton.click();
    // Two accounts at once: OAuth for contoso, a PAT for fabrikam.
    await expect(popup.account(/Jane Doe \(Microsoft Entra\)/)).toBeVisible();
    await expect(popup.account(/Jane Doe \(Personal Access Token\)/)).toBeVisible();
    await expect((await popup.testConnection('contoso')).getByRole('status')).toHaveText('Connected as Jane Doe');
    await expect((await popup.testConnection('fabrikam')).getByRole('status')).toHaveText('Connected as Jane Doe');
  });

  test('refreshes an expiring access token once, however many requests need it', async ({ popup, context, fakeAdo }) => {
    await popup.open();
    await signInWithMicrosoft(context, popup.page);
    await chooseOrganizations(popup.page, ['contoso']);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    // Every access token issued so far stops working before the extension expected it to.
    fakeAdo.control.setFailures({ expireAccessTokens: true });
    fakeAdo.control.clearRequests();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => popup.send('organizations.check', { key: 'https://dev.azure.com/contoso' })),
    );
    for (const answer of answers) expect(answer).toMatchObject({ ok: true, data: { displayName: 'Jane Doe' } });
    expect(fakeAdo.control.requests({ grantType: 'refresh_token' })).toHaveLength(1);
  });

  test('asks to sign in again when the refresh token has ended', async ({ popup, context, fakeAdo }) => {
    await popup.open();
    await signInWithMicrosoft(context, popup.page);
    await chooseOrganizations(popup.page, ['contoso']);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    // The browser's Microsoft session has ended too, so a silent sign-in cannot take over.
    fakeAdo.control.setFailures({ expireAccessTokens: true, advanceClockSeconds: 25 * 3600, entraSessionAlive: false });
    const row = await popup.testConnection('contoso');
    await expect(row.getByRole('alert')).toContainText('Sign in again');
    await popup.reopen();
    const card = popup.account(/Jane Doe \(Microsoft Entra\)/);
    await expect(card.getByRole('alert')).toContainText('24 hours');
    await signInWithMicrosoft(context, popup.page, 'Sign in again');
    await expect(popup.page.getByRole('checkbox', { name: 'contoso' })).toBeChecked();
    await expect(popup.page.getByRole('checkbox', { name: 'fabrikam' })).not.toBeChecked();
    await popup.page.getByRole('button', { name: 'Use 1 organization' }).click();
    await expect((await popup.testConnection('contoso')).getByRole('status')).toHaveText('Connected as Jane Doe');
  });

  test('after the 24-hour limit, a live Microsoft session signs in again without a window or a question', async ({ popup, context, fakeAdo }) => {
    await popup.open();
    await signInWithMicrosoft(context, popup.page);
    await chooseOrganizations(popup.page, ['contoso']);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    fakeAdo.control.setFailures({ expireAccessTokens: true, advanceClockSeconds: 25 * 3600 });
    fakeAdo.control.clearRequests();
    const row = await popup.testConnection('contoso');
    await expect(row.getByRole('status')).toHaveText('Connected as Jane Doe');
    expect(fakeAdo.control.requests({ pathIncludes: '/authorize' }).map((r) => r.query)).toEqual([expect.stringContaining('prompt=none')]);
  });

  test('the popup closed while the Microsoft window is open resumes at the organization choice', async ({ popup, context }) => {
    await popup.open();
    const authWindow = context.waitForEvent('page');
    await popup.connectOAuthButton.click();
    const signInPage = await authWindow;
    // A real toolbar popup closes as soon as the sign-in window takes focus.
    await popup.page.close();
    await popup.open();
    await expect(popup.page.getByRole('heading', { name: 'Finishing your Microsoft sign-in' })).toBeVisible();
    await signInAsJane(signInPage);
    await expect(popup.page.getByRole('heading', { name: 'Choose organizations' })).toBeVisible();
    await popup.reopen();
    await chooseOrganizations(popup.page, ['contoso']);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    // Chosen: the next popup opens on the accounts, not on the choice again.
    await popup.reopen();
    await expect(popup.account(/Jane Doe \(Microsoft Entra\)/)).toBeVisible();
  });

  test('the real toolbar popup (action.openPopup) closed during sign-in opens again at the organization choice', async ({ popup, context }) => {
    await popup.open();
    await popup.openToolbarPopup();
    await expect.poll(() => popup.toolbarPopupText()).toContain('Connect to Azure DevOps');
    const authWindow = context.waitForEvent('page');
    await popup.clickInToolbarPopup('Connect to Azure DevOps');
    const signInPage = await authWindow;
    await popup.closeToolbarPopup();
    await expect.poll(() => popup.toolbarPopupText()).toBeNull();
    await signInAsJane(signInPage);
    await expect.poll(() => popup.send('accounts.list', {})).toMatchObject({ data: { signIn: { status: 'choose-organizations' } } });
    await popup.openToolbarPopup();
    await expect.poll(() => popup.toolbarPopupText()).toContain('Choose organizations');
  });

  test('an organization a PAT serves is shown as such and stays with the PAT unless the user moves it', async ({ popup, context }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.account(/Jane Doe \(Personal Access Token\)/)).toBeVisible();
    await popup.addAccountButton.click();
    await signInWithMicrosoft(context, popup.page);
    const contoso = popup.page.getByRole('checkbox', { name: 'contoso' });
    await expect(contoso).not.toBeChecked();
    await expect(contoso).toHaveAccessibleDescription(/Used through Jane Doe’s Personal Access Token/);
    await expect(popup.page.getByRole('checkbox', { name: 'fabrikam' })).toBeChecked();
    await popup.page.getByRole('button', { name: /^Use \d+ organizations?$/ }).click();
    // adatum and fabrikam refuse OAuth in the fixture: their explanations come first.
    await popup.page.getByRole('button', { name: 'Done' }).click();
    const patCard = popup.account(/Jane Doe \(Personal Access Token\)/);
    await expect(patCard.locator('.org-row[data-organization="contoso"]')).toBeVisible();
    await expect((await popup.testConnection('contoso')).getByRole('status')).toHaveText('Connected as Jane Doe');
  });

  test('an app registration without this browser’s redirect URI is named as that, not as a network problem', async ({ popup, extensionId, fakeAdo }) => {
    // As if the registration lacked this browser's redirect URI (registered for another browser, say).
    fakeAdo.control.reset();
    await popup.open();
    await popup.connectOAuthButton.click();
    await expect(popup.alert).toContainText(`The redirect address of this browser (https://${extensionId}.chromiumapp.org/) is not registered`);
    await expect(popup.alert).not.toContainText('connection');
    expect(fakeAdo.control.requests({ pathIncludes: '/token' })).toEqual([]);
  });

  for (const [failure, sentence] of [
    ['entraConsentRequired', /has not approved ADO Companion.*administrator to grant consent/],
    ['entraConditionalAccessBlocked', /Conditional Access policies blocked this sign-in/],
  ] as const) {
    test(`a ${failure === 'entraConsentRequired' ? 'consent' : 'Conditional Access'} refusal is told in a sentence the user can act on`, async ({ popup, context, fakeAdo }) => {
      fakeAdo.control.setFailures({ [failure]: true });
      await popup.open();
      await signInWithMicrosoft(context, popup.page);
      await expect(popup.alert).toHaveText(sentence);
      await expect(popup.usePatButton).toBeVisible();
    });
  }

  test('a request after the service worker was stopped still works', async ({ popup, context, serviceWorker }) => {
    await popup.open();
    await signInWithMicrosoft(context, popup.page);
    await chooseOrganizations(popup.page, ['contoso']);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await stopServiceWorker(context, popup.page, serviceWorker);
    const row = await popup.testConnection('contoso');
    await expect(row.getByRole('status')).toHaveText('Connected as Jane Doe');
  });
});

test.describe('accounts: organizations of another directory', () => {
  test('a guest signs in to the organization’s own directory from the picker and uses it there', async ({ popup, context, fakeAdo, extensionId }) => {
    const northwindTenant = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';
    const fixture = structuredClone(fakeAdo.control.state.data);
    fixture.organizations.push({ ...structuredClone(fixture.organizations[0]!), name: 'northwind', id: '7d2c3b4a-5e6f-4a1b-9c8d-7e6f5a4b3c2d', tenantId: northwindTenant });
    fakeAdo.control.reset(fixture);
    registerWithFakeEntra(fakeAdo, extensionId);

    await popup.open();
    await signInWithMicrosoft(context, popup.page);
    await chooseOrganizations(popup.page, ['northwind']);
    const guest = popup.page.locator('.org-results li[data-status="other-tenant"]', { hasText: 'northwind' });
    await expect(guest.getByRole('alert')).toContainText('another Microsoft Entra directory');
    // A new picker, for the new sign-in: not the previous one's results.
    await signInWithMicrosoft(context, popup.page, 'Sign in to northwind’s directory');
    await chooseOrganizations(popup.page, ['northwind']);
    await expect((await popup.testConnection('northwind')).getByRole('status')).toHaveText('Connected as Jane Doe');
    await expect(popup.page.getByRole('article', { name: /Jane Doe \(Microsoft Entra\)/ })).toHaveCount(2);
  });
});
