// @vitest-environment node
/**
 * Microsoft Entra ID authorization code + PKCE against the fake login.microsoftonline.com
 * (docs/entra-oauth.md), then the official client with a Bearer token.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAdo, type FakeAdo } from '../fake-ado/server';
import { basic } from '../fake-ado/fixtures/basic';
import {
  ADO_SCOPE,
  CLIENT_ID,
  REDIRECT_URI,
  authorizeUrl,
  bearerApi,
  clientError,
  fakeFetch,
  pickAccount,
  pkcePair,
  signIn,
  tokenRequest,
} from './helpers';

let fake: FakeAdo;
const tenant = basic.tenants.contoso;

beforeAll(async () => {
  fake = await startFakeAdo({ port: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

describe('authorization code + PKCE', () => {
  it('signs Jane in and the official client works with the Bearer token', async () => {
    const token = await signIn(fake, tenant, 'Jane Doe');
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(token.access_token).toMatch(/^[A-Za-z0-9_-]{64,}$/);
    expect(token.refresh_token).toBeTruthy();
    expect(token.scope).toContain('499b84ac-1321-427f-aa17-267ca6975798/');
    const claims = JSON.parse(Buffer.from(token.id_token!.split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ aud: CLIENT_ID, tid: tenant, preferred_username: 'jane@contoso.com', name: 'Jane Doe' });

    const api = bearerApi(fake, 'contoso', token.access_token);
    const data = await api.connect();
    expect(data.authenticatedUser?.id).toBe(basic.users.jane.id);
    const git = await api.getGitApi();
    expect((await git.getRepositories('Platform')).map((r) => r.name)).toContain('web-portal');
  });

  it('lists the users of the tenant as "Sign in as …" buttons and returns state', async () => {
    const { challenge } = pkcePair();
    const page = await (await fakeFetch(fake, authorizeUrl(tenant, challenge))).text();
    expect(page).toContain('Pick an account');
    expect(page).toContain('Sign in as Jane Doe');
    expect(page).toContain('Sign in as Sam Lee');
    expect(page).not.toContain('Sign in as Priya Patel'); // a Microsoft account, not in this tenant
    const redirect = await pickAccount(fake, authorizeUrl(tenant, challenge), 'Sam Lee');
    expect(redirect.origin + redirect.pathname).toBe(REDIRECT_URI);
    expect(redirect.searchParams.get('state')).toBe('state-123');
  });

  it('verifies PKCE for real and redeems a code only once', async () => {
    const { verifier, challenge } = pkcePair();
    const code = (await pickAccount(fake, authorizeUrl(tenant, challenge), 'Jane Doe')).searchParams.get('code')!;
    const wrong = await tokenRequest(fake, tenant, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: pkcePair().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
    expect(wrong.body.error_description).toMatch(/^AADSTS501481:/);
    const otherRedirect = await tokenRequest(fake, tenant, { grant_type: 'authorization_code', code, redirect_uri: 'https://evil.example/', code_verifier: verifier });
    expect(otherRedirect.body.error).toBe('invalid_grant');
    const ok = await tokenRequest(fake, tenant, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    const again = await tokenRequest(fake, tenant, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    expect(again.body.error_description).toMatch(/^AADSTS54005:/);
  });

  it('requires an Origin header on the token endpoint (SPA client, AADSTS9002327)', async () => {
    const { verifier, challenge } = pkcePair();
    const code = (await pickAccount(fake, authorizeUrl(tenant, challenge), 'Jane Doe')).searchParams.get('code')!;
    const res = await tokenRequest(fake, tenant, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier }, null);
    expect(res.status).toBe(400);
    expect(res.body.error_description).toMatch(/^AADSTS9002327:/);
  });

  it('redirects bad authorize requests with error=…&error_description=AADSTS…', async () => {
    const { challenge } = pkcePair();
    const plain = await fakeFetch(fake, authorizeUrl(tenant, challenge, { code_challenge_method: 'plain' }));
    expect(plain.status).toBe(302);
    const location = new URL(plain.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS/);
    expect(location.searchParams.get('state')).toBe('state-123');
    const token = await fakeFetch(fake, authorizeUrl(tenant, challenge, { response_type: 'token' }));
    expect(new URL(token.headers.get('location')!).searchParams.get('error')).toBe('unsupported_response_type');
    const http = await fakeFetch(fake, authorizeUrl(tenant, challenge, { redirect_uri: 'http://insecure.example/' }));
    expect(http.status).toBe(400); // no redirect to an unregistrable URI: an error page
  });

  it('prompt=none signs in silently only while the Entra session is alive', async () => {
    const { challenge } = pkcePair();
    const silent = authorizeUrl(tenant, challenge, { prompt: 'none' });
    const before = new URL((await fakeFetch(fake, silent)).headers.get('location')!);
    expect(before.searchParams.get('error')).toBe('login_required');
    await pickAccount(fake, authorizeUrl(tenant, challenge), 'Jane Doe');
    const after = new URL((await fakeFetch(fake, silent)).headers.get('location')!);
    expect(after.searchParams.get('code')).toBeTruthy();
    fake.control.setFailures({ entraSessionAlive: false });
    const ended = new URL((await fakeFetch(fake, silent)).headers.get('location')!);
    expect(ended.searchParams.get('error')).toBe('login_required');
  });
});

describe('refresh tokens', () => {
  it('rotate on refresh, die 24 h after the first sign-in (AADSTS700084), and can be revoked', async () => {
    const first = await signIn(fake, tenant, 'Jane Doe');
    const refreshed = await tokenRequest(fake, tenant, { grant_type: 'refresh_token', refresh_token: first.refresh_token!, scope: ADO_SCOPE });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(first.refresh_token);
    expect(refreshed.body.access_token).not.toBe(first.access_token);
    expect(fake.control.requests({ grantType: 'refresh_token' })).toHaveLength(1);

    fake.control.advanceClock(24 * 3600 + 1);
    const expired = await tokenRequest(fake, tenant, { grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token!, scope: ADO_SCOPE });
    expect(expired.body.error).toBe('invalid_grant');
    expect(expired.body.error_description).toMatch(/^AADSTS700084: The refresh token was issued to a single page app \(SPA\)/);

    const again = await signIn(fake, tenant, 'Jane Doe');
    fake.control.revokeRefreshTokens();
    const revoked = await tokenRequest(fake, tenant, { grant_type: 'refresh_token', refresh_token: again.refresh_token!, scope: ADO_SCOPE });
    expect(revoked.body.error_description).toMatch(/^AADSTS50173:/);
  });

  it('access tokens expire (accessTokenLifetimeSeconds, expireAccessTokens) and Azure DevOps then answers 401', async () => {
    fake.control.setFailures({ accessTokenLifetimeSeconds: 60 });
    const token = await signIn(fake, tenant, 'Jane Doe');
    expect(token.expires_in).toBe(60);
    fake.control.expireAccessTokens();
    const error = await clientError(bearerApi(fake, 'contoso', token.access_token).connect());
    expect(error.statusCode).toBe(401);
  });
});

describe('Bearer tokens against organizations', () => {
  it('the OAuth policy off gives TF400813; switching it on over control lets the token in', async () => {
    const token = await signIn(fake, tenant, 'Jane Doe');
    const blocked = await clientError(bearerApi(fake, 'fabrikam', token.access_token).connect());
    expect(blocked.statusCode).toBe(401);
    expect(blocked.message).toBe(`TF400813: The user '${basic.users.jane.id}' is not authorized to access this resource.`);
    fake.control.setOAuthAllowed('fabrikam', true);
    expect((await bearerApi(fake, 'fabrikam', token.access_token).connect()).instanceId).toBe(basic.orgs.fabrikam.id);
  });

  it('an org backed by another tenant answers 401 naming the tenant', async () => {
    const token = await signIn(fake, tenant, 'Jane Doe');
    const error = await clientError(bearerApi(fake, 'adatum', token.access_token).connect());
    expect(error.statusCode).toBe(401);
    expect(error.message).toContain(basic.tenants.msa);
    expect(error.message).toContain(tenant);
  });

  it('tokens of Microsoft account (MSA) users do not work for the REST APIs (docs/entra-oauth.md)', async () => {
    const token = await signIn(fake, 'consumers', 'Priya Patel');
    const error = await clientError(bearerApi(fake, 'adatum', token.access_token).connect());
    expect(error.statusCode).toBe(401);
  });

  it('profile and accounts take Entra tokens, not PATs', async () => {
    const token = await signIn(fake, tenant, 'Jane Doe');
    const headers = { Authorization: `Bearer ${token.access_token}`, 'X-TFS-FedAuthRedirect': 'Suppress' };
    const me = (await (await fakeFetch(fake, 'https://app.vssps.visualstudio.com/_apis/profile/profiles/me?api-version=7.1-preview.3', { headers })).json()) as { id: string; emailAddress: string };
    expect(me).toMatchObject({ id: basic.users.jane.memberId, emailAddress: 'jane@contoso.com' });
    const accounts = (await (await fakeFetch(fake, `https://app.vssps.visualstudio.com/_apis/accounts?memberId=${me.id}&api-version=7.1-preview.1`, { headers })).json()) as {
      value: { accountName: string; accountUri: string }[];
    };
    expect(accounts.value.map((a) => a.accountName)).toEqual(['contoso', 'fabrikam', 'adatum']);
    expect(accounts.value[0]!.accountUri).toBe('https://vssps.dev.azure.com/contoso/');
    const withPat = await fakeFetch(fake, 'https://app.vssps.visualstudio.com/_apis/profile/profiles/me?api-version=7.1-preview.3', {
      headers: { Authorization: `Basic ${Buffer.from(`:${basic.pats.janeContoso}`).toString('base64')}`, 'X-TFS-FedAuthRedirect': 'Suppress' },
    });
    expect(withPat.status).toBe(401);
  });
});

describe('a fake Entra as strict as the real one', () => {
  const errorPageText = async (url: string) => {
    const res = await fakeFetch(fake, url);
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  };

  it('refuses an unknown client id on its own page (AADSTS700016), redirecting nowhere', async () => {
    const page = await errorPageText(authorizeUrl(tenant, pkcePair().challenge, { client_id: '11111111-2222-3333-4444-555555555555' }));
    expect(page).toMatchObject({ status: 400, location: null });
    expect(page.text).toContain('AADSTS700016');
  });

  it('refuses a redirect URI the app did not register, even an https one (AADSTS50011)', async () => {
    for (const redirect of ['https://evil.example/', 'https://0123456789abcdef.extensions.allizom.org/', `${REDIRECT_URI}x`]) {
      const page = await errorPageText(authorizeUrl(tenant, pkcePair().challenge, { redirect_uri: redirect }));
      expect(page, redirect).toMatchObject({ status: 400, location: null });
      expect(page.text).toContain('AADSTS50011');
    }
  });

  it('accepts a redirect URI once it is registered (a Firefox extension’s, here)', async () => {
    const firefox = 'https://0123456789abcdef0123456789abcdef01234567.extensions.allizom.org/';
    fake.control.registerEntraRedirectUri(CLIENT_ID, firefox);
    const redirect = await pickAccount(fake, authorizeUrl(tenant, pkcePair().challenge, { redirect_uri: firefox }), 'Jane Doe');
    expect(redirect.origin).toBe(new URL(firefox).origin);
    expect(redirect.searchParams.get('code')).toBeTruthy();
  });

  it('takes an authorize request without a PKCE challenge, then refuses its code at redemption (AADSTS9002325)', async () => {
    const url = authorizeUrl(tenant, '', {});
    const code = (await pickAccount(fake, url.replace(/&code_challenge=&code_challenge_method=S256/, ''), 'Jane Doe')).searchParams.get('code')!;
    expect(code).toBeTruthy();
    const res = await tokenRequest(fake, tenant, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: pkcePair().verifier });
    expect(res.body.error_description).toMatch(/^AADSTS9002325:/);
  });

  it('refuses cross-origin redemption for an app registered on the web platform (AADSTS9002326)', async () => {
    fake.control.setFailures({ entraApp: { clientId: CLIENT_ID, redirectUris: [], platform: 'web' } });
    const { verifier, challenge } = pkcePair();
    const code = (await pickAccount(fake, authorizeUrl(tenant, challenge), 'Jane Doe')).searchParams.get('code')!;
    const res = await tokenRequest(fake, tenant, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
    expect(res.body.error_description).toMatch(/^AADSTS9002326:/);
  });

  it('refuses a refresh without scope (AADSTS900144)', async () => {
    const first = await signIn(fake, tenant, 'Jane Doe');
    const res = await tokenRequest(fake, tenant, { grant_type: 'refresh_token', refresh_token: first.refresh_token! });
    expect(res.status).toBe(400);
    expect(res.body.error_description).toMatch(/^AADSTS900144: .*'scope'/);
  });

  it('refuses tokens while the tenant has not consented to the app (AADSTS65001)', async () => {
    fake.control.setFailures({ entraConsentRequired: true });
    await expect(signIn(fake, tenant, 'Jane Doe')).rejects.toThrow(/AADSTS65001/);
  });

  it('sends a Conditional Access refusal back to the app (AADSTS53003)', async () => {
    fake.control.setFailures({ entraConditionalAccessBlocked: true });
    const redirect = await pickAccount(fake, authorizeUrl(tenant, pkcePair().challenge), 'Jane Doe');
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    expect(redirect.searchParams.get('error_description')).toMatch(/^AADSTS53003:/);
  });

  it('signs a B2B guest in against the tenant of the organization, with a token of that tenant', async () => {
    const northwindTenant = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';
    const fixture = structuredClone(fake.control.state.data);
    fixture.organizations.push({ ...structuredClone(fixture.organizations[0]!), name: 'northwind', id: '7d2c3b4a-5e6f-4a1b-9c8d-7e6f5a4b3c2d', tenantId: northwindTenant });
    fake.control.reset(fixture);
    const guest = await signIn(fake, northwindTenant, 'Jane Doe');
    const claims = JSON.parse(Buffer.from(guest.id_token!.split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ tid: northwindTenant, preferred_username: 'jane@contoso.com' });
    const api = bearerApi(fake, 'northwind', guest.access_token);
    await expect((await api.getCoreApi()).getProjects()).resolves.toBeTruthy();
    const home = await signIn(fake, tenant, 'Jane Doe');
    // Her home-tenant token is refused there (VS800075): the guest must sign in against northwind's tenant.
    const withHomeToken = async () => (await bearerApi(fake, 'northwind', home.access_token).getCoreApi()).getProjects();
    await expect(withHomeToken()).rejects.toThrow(/VS800075/);
  });
});
