// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { signInWithEntra } from '@/lib/auth/entra';
import { listEntraOrganizations as listWithClient } from '@/lib/auth/organizations';
import { createRestClient } from '@/lib/azure/rest-client';
import type { FakeAdo } from '../../../fake-ado/server';
import { useFakeAdo } from '../../support/use-fake-ado';
import { basic } from '../../../fake-ado/fixtures/basic';
import { CLIENT_ID, REDIRECT_URI, authWindow, extensionFetch, hostRoutedFetch, leakedSecrets, rejectionOf } from './fake-entra-browser';


let fake: FakeAdo;
useFakeAdo((started) => (fake = started));

async function accessTokenOf(displayName: string, tenant: string = basic.tenants.contoso) {
  const tokens = await signInWithEntra(
    { clientId: CLIENT_ID, tenant, authority: fake.origin },
    { launchWebAuthFlow: authWindow({ signInAs: displayName }), redirectUri: REDIRECT_URI, fetch: extensionFetch(), now: () => Date.now() },
    { interactive: true },
  );
  return tokens.accessToken;
}

/** The organizations listed with `token`, through the REST client as the session does (no retries). */
const listEntraOrganizations = async (token: string, fetchFn: typeof fetch) =>
  (await listWithClient(createRestClient({ fetch: fetchFn, maxRetries: 0, getCredential: async () => ({ kind: 'bearer', token }) }))).organizations;

function stub(status: number, body: string, contentType = 'application/json'): typeof fetch {
  return (async () => new Response(body, { status, headers: { 'Content-Type': contentType, 'Retry-After': '12' } })) as typeof fetch;
}

describe('listEntraOrganizations', () => {
  it("lists Jane's organizations by name with a real Entra token", async () => {
    const token = await accessTokenOf('Jane Doe');
    const organizations = await listEntraOrganizations(token, hostRoutedFetch(fake));
    expect(organizations).toEqual([
      { name: 'adatum', id: basic.orgs.adatum.id, baseUrl: 'https://dev.azure.com/adatum' },
      { name: 'contoso', id: basic.orgs.contoso.id, baseUrl: 'https://dev.azure.com/contoso' },
      { name: 'fabrikam', id: basic.orgs.fabrikam.id, baseUrl: 'https://dev.azure.com/fabrikam' },
    ]);
    const calls = fake.control.requests({ host: 'app.vssps.visualstudio.com' });
    expect(calls.map((c) => c.path)).toEqual(['/_apis/profile/profiles/me', '/_apis/accounts']);
    expect(calls.every((c) => c.auth === 'bearer' && c.status === 200)).toBe(true);
    expect(calls[1]!.query).toContain(`memberId=${basic.users.jane.memberId}`);
  });

  it('answers auth-invalid for a token Azure DevOps does not accept, without repeating it', async () => {
    const token = await accessTokenOf('Jane Doe');
    fake.control.expireAccessTokens();
    const expired = await rejectionOf(listEntraOrganizations(token, hostRoutedFetch(fake)));
    expect(expired).toMatchObject({ kind: 'auth-invalid' });
    expect(leakedSecrets(expired, [token])).toEqual([]);
    const wrong = await rejectionOf(listEntraOrganizations('not-a-token-at-all', hostRoutedFetch(fake)));
    expect(wrong).toMatchObject({ kind: 'auth-invalid' });
    // A PAT is no Entra token: profile and accounts refuse it.
    expect(await rejectionOf(listEntraOrganizations(basic.pats.janeContoso, hostRoutedFetch(fake)))).toMatchObject({ kind: 'auth-invalid' });
  });

  it('is offline when Azure DevOps cannot be reached', async () => {
    const token = await accessTokenOf('Jane Doe');
    fake.control.setFailures({ offline: true });
    const error = await rejectionOf(listEntraOrganizations(token, hostRoutedFetch(fake)));
    expect(error).toMatchObject({ kind: 'offline' });
    expect(leakedSecrets(error, [token])).toEqual([]);
  });

  it('treats a sign-in page (203 HTML) as auth-invalid and reports throttling and server errors', async () => {
    expect(await rejectionOf(listEntraOrganizations('t0ken-t0ken', stub(203, '<html>Sign in</html>', 'text/html')))).toMatchObject({ kind: 'auth-invalid' });
    expect(await rejectionOf(listEntraOrganizations('t0ken-t0ken', stub(200, '<html>Sign in</html>', 'text/html')))).toMatchObject({ kind: 'auth-invalid' });
    expect(await rejectionOf(listEntraOrganizations('t0ken-t0ken', stub(429, '{}')))).toMatchObject({ kind: 'throttled', details: { retryAfterSeconds: 12 } });
    expect(await rejectionOf(listEntraOrganizations('t0ken-t0ken', stub(500, '{"message":"boom"}')))).toMatchObject({ kind: 'internal', message: expect.stringContaining('HTTP 500') });
    expect(await rejectionOf(listEntraOrganizations('t0ken-t0ken', stub(200, '{"displayName":"no id"}')))).toMatchObject({ kind: 'internal' });
    const rejecting = (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await rejectionOf(listEntraOrganizations('t0ken-t0ken', rejecting))).toMatchObject({ kind: 'offline' });
  });

  it('skips malformed accounts and sorts names case-insensitively', async () => {
    const answers = [
      { id: 'member' },
      { count: 4, value: [{ accountId: '2', accountName: 'beta' }, { accountId: '1', accountName: 'Alpha' }, { accountName: 'no-id' }, null, { accountId: '3', accountName: 'gamma' }] },
    ];
    const seen: string[] = [];
    const fetchFn = (async (url: string) => {
      seen.push(String(url));
      return new Response(JSON.stringify(answers.shift()), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    expect((await listEntraOrganizations('t', fetchFn)).map((o) => o.name)).toEqual(['Alpha', 'beta', 'gamma']);
    expect(seen).toEqual([
      'https://app.vssps.visualstudio.com/_apis/profile/profiles/me?api-version=7.1-preview.3',
      'https://app.vssps.visualstudio.com/_apis/accounts?memberId=member&api-version=7.1-preview.1',
    ]);
  });
});

describe('listEntraOrganizations profile', () => {
  it("returns the profile's display name and email with the organizations", async () => {
    const token = await accessTokenOf('Jane Doe');
    const client = createRestClient({ fetch: hostRoutedFetch(fake), getCredential: async () => ({ kind: 'bearer', token }) });
    const { profile } = await listWithClient(client);
    expect(profile).toEqual({ displayName: basic.users.jane.displayName, email: basic.users.jane.email });
  });
});
