// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { basic } from '../fake-ado/fixtures/basic';
import { hostRoutedFetch } from '../fake-ado/host-routed-fetch';
import type { FakeAdo } from '../fake-ado/server';
import { useFakeAdo } from './support/use-fake-ado';

const REPO = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';
const CONNECTION_DATA = 'https://dev.azure.com/contoso/_apis/connectionData';
const PICKER = 'https://dev.azure.com/contoso/_apis/IdentityPicker/Identities?api-version=7.1-preview.1';
const SUPPRESS = { 'X-TFS-FedAuthRedirect': 'Suppress', 'X-VSS-ReauthenticationAction': 'Suppress' };

describe('fake-ado web session', () => {
  let fake: FakeAdo;
  let fetch: typeof globalThis.fetch;
  useFakeAdo((started) => {
    fake = started;
    fetch = hostRoutedFetch(started);
  });

  /** Signs in through the sign-in page as a person would; returns the `Cookie` header for the host. */
  async function signIn(pageUrl: string, userName: string): Promise<{ cookie: string; setCookie: string; landedOn: string }> {
    const redirected = await fetch(pageUrl, { headers: { Accept: 'text/html' } });
    expect(redirected.status).toBe(302);
    const signInUrl = redirected.headers.get('location')!;
    const page = await (await fetch(signInUrl)).text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)![1]!;
    const replyTo = /name="reply_to" value="([^"]+)"/.exec(page)![1]!.replaceAll('&amp;', '&');
    const userId = new RegExp(`name="user" value="([^"]+)">Sign in as ${userName}<`).exec(page)![1]!;
    const posted = await fetch(action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: userId, reply_to: replyTo }).toString(),
    });
    expect(posted.status).toBe(302);
    const setCookie = posted.headers.get('set-cookie')!;
    return { cookie: setCookie.split(';')[0]!, setCookie, landedOn: posted.headers.get('location')! };
  }

  const pageData = (html: string) => JSON.parse(/<script id="dataProviders" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!).data;

  it('sends a browser without a session to the sign-in page, and back as the user it picks', async () => {
    const first = await fetch(`${REPO}?version=GBdevelop`, { headers: { Accept: 'text/html' } });
    expect(first.status).toBe(302);
    const signInUrl = new URL(first.headers.get('location')!);
    expect(`${signInUrl.origin}${signInUrl.pathname}`).toBe('https://app.vssps.visualstudio.com/_signin');
    expect(signInUrl.searchParams.get('realm')).toBe('dev.azure.com');
    expect(signInUrl.searchParams.get('reply_to')).toBe(`${REPO}?version=GBdevelop`);
    const page = await (await fetch(signInUrl.href)).text();
    expect(page).toContain('Sign in as Jane Doe');
    expect(page).toContain('Sign in as Sam Lee');

    const { cookie, setCookie, landedOn } = await signIn(`${REPO}?version=GBdevelop`, 'Sam Lee');
    expect(setCookie).toMatch(/^UserAuthentication=[\w-]{40,}; Path=\/; Secure; HttpOnly; SameSite=None$/);
    expect(landedOn).toBe(`${REPO}?version=GBdevelop`);
    const html = await (await fetch(landedOn, { headers: { Cookie: cookie } })).text();
    const data = pageData(html);
    expect(data['ms.vss-web.page-data'].user).toMatchObject({ displayName: 'Sam Lee', uniqueName: 'sam@contoso.com' });
    expect(data['ms.vss-tfs-web.header-action-data']).toEqual({ suiteHomeUrl: '/contoso/' });
  });

  it('keeps one session per host: legacy and Server hosts ask for their own sign-in', async () => {
    const { cookie } = await signIn(REPO, 'Jane Doe');
    const legacy = await fetch('https://contoso.visualstudio.com/Mobile%20App/_git/ios-app', { headers: { Cookie: cookie } });
    expect(legacy.status).toBe(302);
    expect(new URL(legacy.headers.get('location')!).searchParams.get('realm')).toBe('contoso.visualstudio.com');

    const serverRepo = `${basic.orgs.server.url}/Legacy/_git/legacy-app`;
    const server = await fetch(serverRepo, { headers: { Cookie: cookie } });
    expect(new URL(server.headers.get('location')!).origin).toBe(`https://${basic.orgs.server.host}`);
    const { cookie: serverCookie } = await signIn(serverRepo, 'Jane Doe');
    const signedIn = await fetch(serverRepo, { headers: { Cookie: serverCookie } });
    expect(signedIn.status).toBe(200);
    expect(pageData(await signedIn.text())['ms.vss-tfs-web.header-action-data']).toEqual({ suiteHomeUrl: '/tfs/DefaultCollection/' });
  });

  it('never redirects the sign-in back to another host', async () => {
    const page = await (await fetch('https://app.vssps.visualstudio.com/_signin?realm=dev.azure.com&reply_to=https%3A%2F%2Fevil.example%2F')).text();
    expect(page).toContain('name="reply_to" value="https://dev.azure.com/"');
    expect((await fetch('https://app.vssps.visualstudio.com/_signin?realm=evil.example&reply_to=x')).status).toBe(400);
  });

  it('answers REST calls with the cookie as that user, and without it with 401 or the 203 sign-in page', async () => {
    const { cookie } = await signIn(REPO, 'Sam Lee');
    const ok = await fetch(CONNECTION_DATA, { headers: { Cookie: cookie, ...SUPPRESS } });
    expect(ok.status).toBe(200);
    expect((await ok.json()).authenticatedUser.id).toBe(basic.users.sam.id);

    expect((await fetch(CONNECTION_DATA, { headers: SUPPRESS })).status).toBe(401);
    const signInPage = await fetch(CONNECTION_DATA);
    expect(signInPage.status).toBe(203);
    expect(signInPage.headers.get('content-type')).toMatch(/^text\/html/);
    expect(fake.control.requests({ pathIncludes: 'connectionData' }).map((r) => [r.auth, r.userId, r.status])).toEqual([
      ['session', basic.users.sam.id, 200],
      ['none', undefined, 401],
      ['none', undefined, 203],
    ]);
    // The log never holds the cookie.
    expect(JSON.stringify(fake.control.requests())).not.toContain(cookie.split('=')[1]);
  });

  it('counts the cookie on a state-changing call only with the host’s own Origin', async () => {
    const { cookie } = await signIn(REPO, 'Jane Doe');
    const post = (origin?: string) =>
      fetch(PICKER, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json', ...SUPPRESS, ...(origin ? { Origin: origin } : {}) },
        body: JSON.stringify({ query: 'sam', identityTypes: ['user'], operationScopes: ['ims'] }),
      });
    const sameOrigin = await post('https://dev.azure.com');
    expect(sameOrigin.status).toBe(200);
    expect((await sameOrigin.json()).results[0].identities[0].displayName).toBe('Sam Lee');
    expect((await post()).status).toBe(401);
    expect((await post('https://evil.example')).status).toBe(401);
    expect((await post('https://contoso.visualstudio.com')).status).toBe(401);
  });

  it('signs everyone out when the sessions end: pages redirect again, REST calls are refused', async () => {
    const { cookie } = await signIn(REPO, 'Jane Doe');
    expect((await fetch(REPO, { headers: { Cookie: cookie } })).status).toBe(200);
    fake.control.endWebSessions();
    expect((await fetch(REPO, { headers: { Cookie: cookie } })).status).toBe(302);
    const refused = await fetch(CONNECTION_DATA, { headers: { Cookie: cookie, ...SUPPRESS } });
    expect(refused.status).toBe(401);
    // No Basic challenge to a browser's own request: it would pop a password dialog over the page.
    expect(refused.headers.get('www-authenticate')).not.toMatch(/Basic/);
    expect((await fetch(CONNECTION_DATA, { headers: SUPPRESS })).headers.get('www-authenticate')).toMatch(/Basic realm/);
    expect((await fetch(CONNECTION_DATA, { headers: { Cookie: cookie } })).status).toBe(203);
  });

  it('shows a public project signed out, and a signed-in stranger no private page', async () => {
    const publicRepo = await fetch('https://dev.azure.com/adatum/Adatum%20Site/_git/site');
    expect(publicRepo.status).toBe(200);
    const data = pageData(await publicRepo.text());
    expect(data['ms.vss-web.page-data']).toEqual({});
    expect(data['ms.vss-tfs-web.header-action-data']).toEqual({ suiteHomeUrl: '/adatum/' });

    const [sam] = fake.control.startWebSessions({ user: 'sam@contoso.com', hosts: ['dev.azure.com'] });
    const cookie = `${sam!.name}=${sam!.value}`;
    const stranger = await fetch('https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_git/fiber-web', { headers: { Cookie: cookie } });
    expect(stranger.status).toBe(401);
    expect(await stranger.text()).toContain('Sam Lee (sam@contoso.com) is not a member of fabrikam.');
    expect((await fetch(REPO, { headers: { Cookie: cookie } })).status).toBe(200);
  });
});
