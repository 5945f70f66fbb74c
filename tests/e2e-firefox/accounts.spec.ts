import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basic } from '../fake-ado/fixtures/basic';
import { useFirefox } from './support/harness';
import { dumpExtensionStorage } from './support/dump-extension-storage';
import { signInWithMicrosoft } from './support/microsoft-sign-in';
import { firefoxRedirectUri } from './support/launch-firefox';
import { click, waitForGone, waitForText } from './support/queries';

const PAT_ACCOUNT = 'Jane Doe (Personal Access Token)';
const OAUTH_ACCOUNT = 'Jane Doe (Microsoft Entra)';

describe('accounts in Firefox', () => {
  const ff = useFirefox();

  it('connects with a PAT through the popup form and shows who is signed in', async () => {
    const popup = await ff.popup().open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.codeWrite);
    const card = await popup.accountText(PAT_ACCOUNT);
    assert.match(card, /Jane Doe/);
    assert.match(card, /jane@contoso\.com/);
    await popup.page.waitForSelector(popup.organizationRowSelector('contoso'));
    // It survives closing the popup.
    await popup.reopen();
    assert.match(await popup.accountText(PAT_ACCOUNT), /jane@contoso\.com/);
    assert.equal(await popup.testConnection('contoso'), 'Connected as Jane Doe');
  });

  it('signs in through identity.launchWebAuthFlow with Firefox’s redirect URI', async () => {
    const popup = await ff.popup().open();
    await signInWithMicrosoft(ff.browser, popup);
    await waitForText(popup.page, 'Signed in as Jane Doe');
    await popup.chooseOrganizations(['contoso']);
    await popup.accountText(OAUTH_ACCOUNT);
    assert.equal(await popup.testConnection('contoso'), 'Connected as Jane Doe');

    // Firefox's form, https://<SHA-1 of the add-on id>.extensions.allizom.org/, not Chromium's
    // https://<id>.chromiumapp.org/: the one the harness registered with the fake Entra.
    const authorize = ff.fakeAdo.control.requests({ host: 'login.microsoftonline.com', pathIncludes: '/oauth2/v2.0/authorize' });
    const sent = new Set(authorize.map((entry) => new URLSearchParams(entry.query).get('redirect_uri')));
    assert.deepEqual([...sent], [firefoxRedirectUri()]);
    assert.match(firefoxRedirectUri(), /^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/);
  });

  it('names an unregistered redirect URI instead of signing in', async () => {
    // As if the Entra app registration listed only the Chromium redirect URI.
    ff.fakeAdo.control.reset();
    const popup = await ff.popup().open();
    const authTarget = ff.browser.waitForTarget((target) => target.url().startsWith('https://login.microsoftonline.com/'), { timeout: 10_000 });
    await click(popup.page, 'Connect to Azure DevOps');
    const authPage = await (await authTarget).page();
    assert.match(await waitForText(authPage!, 'AADSTS50011'), /redirect URI/);
  });

  it('signing out wipes that account’s tokens and data', async () => {
    const popup = await ff.popup().open();
    await popup.connectWithPat('dev.azure.com/fabrikam', basic.pats.janeFabrikam);
    await popup.page.waitForSelector(popup.organizationRowSelector('fabrikam'));
    const accountId = await popup.page.$eval(popup.accountSelector(PAT_ACCOUNT), (card) => card.getAttribute('data-account-id'));
    assert.ok(accountId);
    const before = await dumpExtensionStorage(popup.page);
    assert.ok(before.includes(accountId), 'the account is stored');
    assert.ok(before.includes('jane@contoso.com'), 'its profile is stored');

    await popup.signOut(PAT_ACCOUNT);
    await waitForGone(popup.page, popup.accountSelector(PAT_ACCOUNT));
    await popup.waitForConnectScreen();
    const after = await dumpExtensionStorage(popup.page);
    assert.ok(!after.includes(accountId), 'no record of the account');
    assert.ok(!after.includes('jane@contoso.com'), 'no profile');
    assert.ok(!after.includes('https://dev.azure.com/fabrikam'), 'no organization');
    assert.ok(!after.includes(basic.pats.janeFabrikam), 'no token');
  });
});
