import { test, expect } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { basic } from '../fake-ado/fixtures/basic';
import { dumpExtensionStorage } from './support/dump-extension-storage';
import { evaluateInContentScript } from './support/content-script-world';
import { protocol } from '../../lib/messaging/protocol';
import { signInWithMicrosoft } from './support/microsoft-sign-in';

/** Requests a content script could try, with data that would pass each schema. */
const CONTENT_SCRIPT_SAMPLES: Record<string, unknown> = {
  'accounts.connectPat': { host: 'dev.azure.com/fabrikam', token: 'x'.repeat(52) },
  'accounts.availableOrganizations': { accountId: 'x' },
  'accounts.selectOrganizations': { accountId: 'x', baseUrls: [] },
  'accounts.signOut': { accountId: 'x' },
  'accounts.recheckFeatures': { accountId: 'x' },
  'organizations.check': { key: 'https://dev.azure.com/contoso' },
};

/** Microsoft sign-in, keeping only contoso (fabrikam is the PAT account's). */
async function signInToContosoWithMicrosoft(context: BrowserContext, popupPage: Page) {
  await signInWithMicrosoft(context, popupPage);
  await popupPage.getByRole('checkbox', { name: 'fabrikam' }).uncheck();
  await popupPage.getByRole('checkbox', { name: 'adatum' }).uncheck();
  await popupPage.getByRole('button', { name: 'Use 1 organization' }).click();
}

/** A token in any form a leak would take: as is, and inside a Basic authorization header. */
function forms(token: string): string[] {
  return [token, Buffer.from(`:${token}`).toString('base64'), Buffer.from(token).toString('base64')];
}

test.describe('accounts: tokens stay in the background', () => {
  test('no token appears at rest, in console output or in any message to a page', async ({ popup, context, fakeAdo, serviceWorker, repoPage }) => {
    // It walks every place a token could reach: 15–17 s with two other workers on two cores.
    test.setTimeout(60_000);
    const consoleLines: string[] = [];
    context.on('console', (message) => consoleLines.push(message.text()));
    serviceWorker.on('console', (message) => consoleLines.push(message.text()));
    await popup.open();
    await popup.connectWithPat('dev.azure.com/fabrikam', basic.pats.janeFabrikam);
    await expect(popup.organizationRow('fabrikam')).toBeVisible();
    await popup.addAccountButton.click();
    await signInToContosoWithMicrosoft(context, popup.page);
    await expect((await popup.testConnection('contoso')).getByRole('status')).toHaveText('Connected as Jane Doe');
    // A failing call too, since error paths are where tokens usually leak.
    fakeAdo.control.expirePat(basic.pats.janeFabrikam);
    await expect((await popup.testConnection('fabrikam')).getByRole('alert')).toContainText('expired');
    await repoPage.goto('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app');
    await repoPage.waitForHeaderButtons();

    const secrets = [
      ...forms(basic.pats.janeFabrikam),
      ...[...fakeAdo.control.state.accessTokens.keys()].flatMap(forms),
      ...[...fakeAdo.control.state.refreshTokens.keys()].flatMap(forms),
    ];
    expect(fakeAdo.control.state.accessTokens.size).toBeGreaterThan(0);
    const atRest = await dumpExtensionStorage(popup.page);
    expect(atRest).toContain('CryptoKey(AES-GCM, extractable=false)');
    expect(atRest).toContain('jane@contoso.com'); // the dump does see the data
    // Every reply the background gives a content script, for every message type there is: the only
    // channel from the background to a page (it never calls tabs.sendMessage).
    const replies: unknown[] = [];
    for (const type of Object.keys(protocol)) {
      const data = CONTENT_SCRIPT_SAMPLES[type] ?? {};
      replies.push(
        await evaluateInContentScript<unknown>(context, repoPage.page, `chrome.runtime.sendMessage(${JSON.stringify({ channel: 'ado-companion', type, data })})`),
      );
    }
    expect(replies).toHaveLength(Object.keys(protocol).length);
    expect(replies).toContainEqual(expect.objectContaining({ ok: true }));
    const repliesToPage = JSON.stringify(replies);
    const popupText = await popup.page.locator('body').innerText();
    for (const secret of secrets) {
      expect(atRest).not.toContain(secret);
      expect(consoleLines.join('\n')).not.toContain(secret);
      expect(repliesToPage).not.toContain(secret);
      expect(popupText).not.toContain(secret);
    }
  });

  test('a content script asking for accounts or a sign-in is refused', async ({ popup, context, repoPage }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await repoPage.goto('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app');
    await repoPage.waitForHeaderButtons();
    const ask = (type: string, data: unknown) =>
      evaluateInContentScript<unknown>(
        context,
        repoPage.page,
        `chrome.runtime.sendMessage(${JSON.stringify({ channel: 'ado-companion', type, data })})`,
      );
    // The channel works for what content scripts may ask…
    expect(await ask('ping', {})).toMatchObject({ ok: true });
    // …and refuses everything about accounts and tokens.
    for (const [type, data] of [
      ['accounts.list', {}],
      ['accounts.connectPat', { host: 'dev.azure.com/contoso', token: basic.pats.janeContoso }],
      ['accounts.availableOrganizations', { accountId: 'x' }],
      ['organizations.check', { key: 'https://dev.azure.com/contoso' }],
    ] as const) {
      const answer = await ask(type, data);
      expect(answer, type).toMatchObject({ ok: false, error: { kind: 'forbidden-sender' } });
      expect(JSON.stringify(answer)).not.toContain('jane@contoso.com');
    }
  });

  test('a web page cannot reach the extension', async ({ repoPage }) => {
    await repoPage.goto('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app');
    await repoPage.waitForHeaderButtons();
    // No externally_connectable: the page's own world has no channel to the extension.
    expect(await repoPage.page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
  });

  test('signing out deletes that account’s tokens and data and keeps the other account', async ({ popup, context, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/fabrikam', basic.pats.janeFabrikam);
    await expect(popup.organizationRow('fabrikam')).toBeVisible();
    await popup.addAccountButton.click();
    await signInToContosoWithMicrosoft(context, popup.page);
    await expect(popup.organizationRow('contoso')).toBeVisible();

    const patCard = popup.account(/Jane Doe \(Personal Access Token\)/);
    const patAccountId = await patCard.getAttribute('data-account-id');
    expect(await dumpExtensionStorage(popup.page)).toContain(patAccountId!);
    // Azure DevOps answering slowly: the inbox's refresh after the sign-out is still out when we look.
    fakeAdo.control.setFailures({ latencyMs: 3_000 });
    await popup.signOut(patCard);
    await expect(patCard).toHaveCount(0);
    await expect(popup.organizationRow('fabrikam')).toHaveCount(0);

    const atRest = await dumpExtensionStorage(popup.page);
    expect(atRest).not.toContain(patAccountId!);
    expect(atRest).not.toContain('https://dev.azure.com/fabrikam');
    fakeAdo.control.setFailures({ latencyMs: 0 });
    await expect((await popup.testConnection('contoso')).getByRole('status')).toHaveText('Connected as Jane Doe');
    // Survives reopening, and the last sign-out leads back to the connect screen.
    await popup.reopen();
    const oauthCard = popup.account(/Jane Doe \(Microsoft Entra\)/);
    await popup.signOut(oauthCard);
    await expect(popup.connectOAuthButton).toBeVisible();
    expect(await dumpExtensionStorage(popup.page)).not.toContain('jane@contoso.com');
  });
});
