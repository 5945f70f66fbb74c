import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';

// Chromium's native "Allow access to tfs.contoso.test?" dialog cannot be clicked by automation
// (microsoft/playwright#32755). Here the user answers "Deny"; the accepted path is covered by
// tests/unit/lib/auth/session.test.ts against the same fake server.
test.describe('accounts: Azure DevOps Server', () => {
  test('asks for permission to reach the server and explains a refusal without losing the form', async ({ popup }) => {
    await popup.open(() => {
      const chromeApi = (globalThis as unknown as { chrome: typeof browser }).chrome;
      const requests: unknown[] = ((globalThis as Record<string, unknown>).__permissionRequests = []);
      chromeApi.permissions.request = (async (permissions: unknown) => {
        requests.push(permissions);
        return false;
      }) as typeof chromeApi.permissions.request;
    });
    await popup.connectWithPat(basic.orgs.server.url, basic.pats.janeServer);
    await expect(popup.alert).toContainText('https://tfs.contoso.test');
    await expect(popup.alert).toContainText('choose Allow');
    expect(await popup.page.evaluate(() => (globalThis as Record<string, unknown>).__permissionRequests)).toEqual([
      { origins: ['https://tfs.contoso.test/*'] },
    ]);
    await expect(popup.hostField).toHaveValue(basic.orgs.server.url);
    await expect(popup.tokenField).toHaveValue(basic.pats.janeServer);
  });

  test('the background refuses a server it has no permission for, whatever the popup says', async ({ popup }) => {
    await popup.open();
    const answer = await popup.send('accounts.connectPat', { host: basic.orgs.server.url, token: basic.pats.janeServer });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'permission-denied' } });
  });

  test('the background refuses to turn page actions on for a Server host the user did not grant, whatever the popup says', async ({ popup }) => {
    await popup.open();
    const answer = await popup.send('serverPages.enable', { origin: new URL(basic.orgs.server.url).origin });
    expect(answer).toMatchObject({ ok: false, error: { message: 'ADO Companion needs your permission to add its buttons to the pages of tfs.contoso.test. Click “Enable page actions on tfs.contoso.test” and choose Allow.' } });
    expect(await popup.send('serverPages.status', { origin: new URL(basic.orgs.server.url).origin })).toEqual({ ok: true, data: { enabled: false } });
  });

  for (const [host, text] of [
    ['http://tfs.contoso.test/tfs/DefaultCollection', /travel in clear/],
    // A pasted repository URL of the same server is no way around the question.
    ['http://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app', /travel in clear/],
    ['https://dev.\u0430zure.com/tfs/DefaultCollection', /dev\.xn--zure-[a-z0-9]+\.com is not dev\.azure\.com/],
  ] as const) {
    test(`asks the user to confirm before a token goes to ${host}`, async ({ popup }) => {
      await popup.open();
      await expect(popup.usePatButton).toBeVisible();
      await popup.usePatButton.click();
      await popup.hostField.fill(host);
      await popup.tokenField.fill(basic.pats.janeServer);
      const trust = popup.page.getByRole('checkbox', { name: 'I trust this server; send my token to it' });
      await expect(trust).toHaveAccessibleDescription(text);
      await expect(popup.connectButton).toBeDisabled();
      await trust.check();
      await expect(popup.connectButton).toBeEnabled();
      // Changing the address asks again.
      await popup.hostField.fill(`${host}/`);
      await expect(trust).not.toBeChecked();
      await expect(popup.connectButton).toBeDisabled();
    });
  }
});

// Chromium cannot be made to grant the host here (above), and without the grant its service worker
// cannot reach the Server to connect. So both are stood in for in the service worker: the grant, and
// the collection an account serves (a row as connecting stores it). What is real is Chromium's own
// registerContentScripts taking our registration (file, pattern, persistence). The page script at
// work on a Server page: tests/e2e-firefox/server-pages.spec.ts.
test.describe('Server page script in Chromium', () => {
  test('is registered for a granted Server host with an account, when the grant arrives', async ({ popup, serviceWorker }) => {
    await popup.open();
    // Shown once the background has answered from its database: the database then exists to write the row into.
    await expect(popup.connectOAuthButton).toBeVisible();
    await serviceWorker.evaluate(async (baseUrl: string) => {
      const chromeApi = (globalThis as unknown as { chrome: typeof browser }).chrome;
      const granted = `${new URL(baseUrl).origin}/*`;
      const getAll = chromeApi.permissions.getAll.bind(chromeApi.permissions);
      chromeApi.permissions.getAll = (async () => {
        const all = await getAll();
        return { ...all, origins: [...(all.origins ?? []), granted] };
      }) as typeof chromeApi.permissions.getAll;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('ado-companion');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const put = db.transaction('organizations', 'readwrite').objectStore('organizations').put({
          key: baseUrl.toLowerCase(), name: 'DefaultCollection', kind: 'server', baseUrl, accountId: 'account-1', selected: true, instanceId: null, apiVersion: null,
        });
        put.onsuccess = () => resolve();
        put.onerror = () => reject(put.error);
      });
      db.close();
      (chromeApi.permissions.onAdded as unknown as { dispatch(p: unknown): void }).dispatch({ origins: [granted] });
    }, basic.orgs.server.url);
    const registered = () =>
      serviceWorker.evaluate(() => (globalThis as unknown as { chrome: typeof browser }).chrome.scripting.getRegisteredContentScripts());
    await expect
      .poll(registered)
      .toEqual([
        expect.objectContaining({ id: 'server-page:https://tfs.contoso.test', matches: ['https://tfs.contoso.test/*'], js: ['azure-devops-server.js'], runAt: 'document_idle', persistAcrossSessions: true }),
      ]);
  });

  // The popup's "Enable page actions on …" without an account (docs/azure-devops-hosts.md#server-page-offer):
  // the grant its click asks for is stood in for, the rest is the background's and Chromium's own.
  test('is registered for a Server host the user turned page actions on for, without an account', async ({ popup, serviceWorker }) => {
    await popup.open();
    const origin = new URL(basic.orgs.server.url).origin;
    await serviceWorker.evaluate((origin: string) => {
      const permissions = (globalThis as unknown as { chrome: typeof browser }).chrome.permissions;
      const getAll = permissions.getAll.bind(permissions);
      permissions.getAll = (async () => {
        const all = await getAll();
        return { ...all, origins: [...(all.origins ?? []), `${origin}/*`] };
      }) as typeof permissions.getAll;
      permissions.contains = (async () => true) as typeof permissions.contains;
    }, origin);
    expect(await popup.send('serverPages.enable', { origin })).toEqual({ ok: true, data: { enabled: true } });
    const registered = await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: typeof browser }).chrome.scripting.getRegisteredContentScripts());
    expect(registered).toEqual([expect.objectContaining({ id: 'server-page:https://tfs.contoso.test', matches: ['https://tfs.contoso.test/*'], js: ['azure-devops-server.js'] })]);
  });
});
