import { build } from 'esbuild';
import path from 'node:path';
import { basic } from '../fake-ado/fixtures/basic';
import { dumpExtensionStorage } from './support/dump-extension-storage';
import { evaluateInContentScript } from './support/content-script-world';
import { test, expect } from './fixtures';

const IOS = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';
const ADATUM_SITE = 'https://dev.azure.com/adatum/Adatum%20Site/_git/site';

/**
 * lib/page-session as the on-demand script will run it: bundled for the browser (Chromium build:
 * `import.meta.env.FIREFOX` false), evaluated in the content-script world of the page, where it
 * leaves `__pageSession` (a session of the page) for the expression that follows.
 */
let transportBundle: Promise<string> | undefined;
function pageSessionScript(): Promise<string> {
  transportBundle ??= build({
    stdin: {
      contents: `import { createPageSession, pageFetch } from './lib/page-session/page-session';
globalThis.__pageSession = createPageSession({ href: location.href, document, fetch: pageFetch() });`,
      resolveDir: path.resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    define: { 'import.meta.env.FIREFOX': 'false' },
  }).then((result) => result.outputFiles[0]!.text);
  return transportBundle;
}

test.describe('page session transport (content-script world)', () => {
  async function inPage<T>(context: Parameters<typeof evaluateInContentScript>[0], page: Parameters<typeof evaluateInContentScript>[1], expression: string) {
    return evaluateInContentScript<T>(context, page, `${await pageSessionScript()}\n(async () => { const session = globalThis.__pageSession; ${expression} })()`);
  }

  test('reads and writes as the signed-in user, refuses other origins, and reports signed out after a sign-out elsewhere', async ({ repoPage, context, fakeAdo }) => {
    await repoPage.goto(IOS);
    const page = repoPage.page;
    await repoPage.waitForHeaderButtons();

    const me = await inPage<{ kind: string; value?: { id: string; displayName: string } }>(context, page, 'return session.currentUser();');
    expect(me).toEqual({ kind: 'ok', value: { id: basic.users.jane.id, displayName: 'Jane Doe', uniqueName: 'jane@contoso.com' } });

    fakeAdo.control.clearRequests();
    const pullRequests = await inPage<{ kind: string; value?: { count: number } }>(
      context,
      page,
      `return session.request('Mobile%20App/_apis/git/repositories/ios-app/pullrequests', { query: { 'searchCriteria.status': 'active' } });`,
    );
    expect(pullRequests.kind).toBe('ok');
    // A POST carries the page's Origin (the fake counts the cookie on a POST only with it).
    const picker = await inPage<{ kind: string; value?: { results: { identities: { displayName: string }[] }[] } }>(
      context,
      page,
      `return session.request('_apis/IdentityPicker/Identities', { method: 'POST', apiVersion: '7.1-preview.1', body: { query: 'sam', identityTypes: ['user'], operationScopes: ['ims'] } });`,
    );
    expect(picker.value?.results[0]?.identities.map((i) => i.displayName)).toEqual(['Sam Lee']);
    expect(fakeAdo.control.requests().map((r) => [r.method, r.auth, r.userId])).toEqual([
      ['GET', 'session', basic.users.jane.id],
      ['POST', 'session', basic.users.jane.id],
    ]);

    const before = fakeAdo.control.requests().at(-1)!.seq;
    const refused = await inPage<{ kind: string; error?: { message: string } }[]>(
      context,
      page,
      `return Promise.all(['https://evil.example/_apis/connectionData', '//vssps.dev.azure.com/contoso/_apis/connectionData', '../fabrikam/_apis/connectionData'].map((p) => session.request(p)));`,
    );
    for (const result of refused) expect(result.error?.message).toContain('it only calls contoso, the organization of this page');
    expect(fakeAdo.control.requests({ since: before })).toEqual([]);

    // Signed out in another tab: the page still shows the user, its calls come back signed out.
    fakeAdo.control.endWebSessions();
    expect(await inPage(context, page, `return session.request('_apis/connectionData', { apiVersion: null });`)).toEqual({ kind: 'signed-out' });
    expect(
      await inPage(context, page, `return session.request('Mobile%20App/_apis/git/repositories/ios-app/pullrequests', { method: 'POST', body: { title: 'x' } });`),
    ).toEqual({ kind: 'signed-out' });
  });
});

test.describe('popup: how page actions authenticate on the active tab', () => {
  test('names the page’s own sign-in on a signed-in page, and keeps no session id', async ({ repoPage, popup, fakeAdo }) => {
    await popup.open();
    await repoPage.goto(IOS);
    await repoPage.waitForHeaderButtons();
    await repoPage.page.bringToFront();
    await popup.openToolbarPopup();
    await expect.poll(() => popup.toolbarPopupText()).toContain('Page actions here use your Azure DevOps sign-in (Jane Doe).');
    const atRest = await dumpExtensionStorage(popup.page);
    for (const id of fakeAdo.control.state.webSessions.keys()) expect(atRest).not.toContain(id);
  });

  test('names the stored account on a page viewed signed out, and asks to connect without one', async ({ repoPage, popup, context, fakeAdo }) => {
    await context.clearCookies();
    await popup.open();
    await repoPage.goto(ADATUM_SITE);
    await repoPage.waitForHeaderButtons();
    await repoPage.page.bringToFront();
    await popup.openToolbarPopup();
    await expect.poll(() => popup.toolbarPopupText()).toContain('Page actions here need you to connect.');
    await popup.closeToolbarPopup();

    await popup.connectWithPat('dev.azure.com/adatum', basic.pats.janeAdatum);
    await expect(popup.account(/Jane Doe/)).toBeVisible();
    await repoPage.page.bringToFront();
    await popup.openToolbarPopup();
    await expect.poll(() => popup.toolbarPopupText()).toContain('Page actions here use your stored account Jane Doe.');

    // After these flows, no session id (cookie value) the fake handed out is at rest in the extension.
    const atRest = await dumpExtensionStorage(popup.page);
    const sessionIds = [...fakeAdo.control.state.webSessions.keys()];
    expect(sessionIds.length).toBeGreaterThan(0);
    for (const id of sessionIds) expect(atRest).not.toContain(id);
  });
});
