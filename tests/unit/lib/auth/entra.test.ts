// @vitest-environment node
/**
 * Entra sign-in and refresh against the fake login.microsoftonline.com (tests/fake-ado), served on
 * https://localhost:PORT/{tenant}/oauth2/v2.0/… . The browser is played by fake-entra-browser.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import {
  AZURE_DEVOPS_RESOURCE,
  AZURE_DEVOPS_SCOPE,
  SIGN_IN_SCOPE,
  buildAuthorizeUrl,
  refreshEntraToken,
  signInWithEntra,
  type EntraConfig,
  type EntraDeps,
} from '@/lib/auth/entra';
import { SESSION_ENDED } from '@/lib/auth/entra-errors';
import { startFakeAdo, type FakeAdo } from '../../../fake-ado/server';
import { basic } from '../../../fake-ado/fixtures/basic';
import {
  CHROME_INTERACTION_REQUIRED,
  CHROME_WINDOW_CLOSED,
  CLIENT_ID,
  REDIRECT_URI,
  authWindow,
  extensionFetch,
  leakedSecrets,
  rejectionOf,
  type ExtensionFetch,
} from './fake-entra-browser';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

let fake: FakeAdo;
let config: EntraConfig;

beforeAll(async () => {
  fake = await startFakeAdo({ port: 0 });
  config = { clientId: CLIENT_ID, tenant: basic.tenants.contoso, authority: fake.origin };
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

function depsWith(launchWebAuthFlow: EntraDeps['launchWebAuthFlow'], fetchFn: ExtensionFetch = extensionFetch()): EntraDeps & { fetch: ExtensionFetch } {
  return { launchWebAuthFlow, redirectUri: REDIRECT_URI, fetch: fetchFn, now: () => Date.now() };
}

/** A launchWebAuthFlow that answers with the given redirect parameters (state echoed unless given). */
function answering(params: Record<string, string>): EntraDeps['launchWebAuthFlow'] {
  return async ({ url }) => {
    const state = new URL(url).searchParams.get('state')!;
    return `${REDIRECT_URI}?${new URLSearchParams({ state, ...params })}`;
  };
}

async function signInJane(fetchFn = extensionFetch()) {
  const deps = depsWith(authWindow({ signInAs: 'Jane Doe' }), fetchFn);
  return { tokens: await signInWithEntra(config, deps, { interactive: true }), deps };
}

async function connectionData(accessToken: string, org = 'contoso') {
  const res = await fetch(`${fake.origin}/${org}/_apis/connectionData`, {
    headers: { Authorization: `Bearer ${accessToken}`, 'X-TFS-FedAuthRedirect': 'Suppress' },
  });
  return { status: res.status, body: (await res.json()) as { authenticatedUser?: { id: string } } };
}

function expectNoLeak(error: unknown, fetchFn: ExtensionFetch) {
  expect(fetchFn.secrets.size).toBeGreaterThan(0);
  expect(leakedSecrets(error, fetchFn.secrets)).toEqual([]);
}

describe('buildAuthorizeUrl', () => {
  it('asks for a code with S256 PKCE, the Azure DevOps scope and an id token', () => {
    const url = new URL(
      buildAuthorizeUrl(
        { clientId: CLIENT_ID, tenant: 'organizations' },
        { redirectUri: REDIRECT_URI, challenge: 'abc', state: 'xyz', prompt: 'select_account', loginHint: 'jane@contoso.com', domainHint: 'contoso.com' },
      ),
    );
    expect(url.origin + url.pathname).toBe('https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: `${AZURE_DEVOPS_RESOURCE}/.default offline_access openid profile`,
      code_challenge: 'abc',
      code_challenge_method: 'S256',
      state: 'xyz',
      prompt: 'select_account',
      login_hint: 'jane@contoso.com',
      domain_hint: 'contoso.com',
    });
    expect(SIGN_IN_SCOPE).toBe(`${AZURE_DEVOPS_SCOPE} openid profile`);
  });

  it('leaves out optional parameters and honours a custom authority with a trailing slash', () => {
    const url = new URL(buildAuthorizeUrl({ clientId: 'c', tenant: 'contoso.com', authority: 'https://login.example/' }, { redirectUri: REDIRECT_URI, challenge: 'a', state: 's' }));
    expect(url.href.startsWith('https://login.example/contoso.com/oauth2/v2.0/authorize?')).toBe(true);
    expect([...url.searchParams.keys()]).not.toContain('prompt');
    expect([...url.searchParams.keys()]).not.toContain('login_hint');
  });
});

describe('signInWithEntra', () => {
  it('signs in with PKCE and returns a working TokenSet with the account claims', async () => {
    const fetchFn = extensionFetch();
    const window = authWindow({ signInAs: 'Jane Doe' });
    const before = Date.now();
    const tokens = await signInWithEntra(config, depsWith(window, fetchFn), { interactive: true });

    expect(tokens.account).toEqual({
      tenantId: basic.tenants.contoso,
      objectId: basic.users.jane.memberId,
      username: 'jane@contoso.com',
      name: 'Jane Doe',
    });
    expect(tokens.scope).toBe(`${AZURE_DEVOPS_RESOURCE}/user_impersonation`);
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt).toBeGreaterThanOrEqual(before + 3600_000);
    expect(tokens.expiresAt).toBeLessThanOrEqual(Date.now() + 3600_000);
    expect(tokens.refreshExpiresAt! - before).toBeGreaterThan(24 * 3600_000 - 60_000);

    const authorize = new URL(window.calls[0]!.url);
    expect(window.calls[0]!.interactive).toBe(true);
    expect(authorize.searchParams.get('prompt')).toBe('select_account');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const [tokenCall] = fetchFn.tokenCalls;
    expect(tokenCall?.get('grant_type')).toBe('authorization_code');
    expect(tokenCall?.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(tokenCall?.get('scope')).toBe(SIGN_IN_SCOPE);
    expect(tokenCall?.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await connectionData(tokens.accessToken);
    expect(me.status).toBe(200);
    expect(me.body.authenticatedUser?.id).toBe(basic.users.jane.id);
  });

  it('passes login_hint and signs in through the organizations tenant', async () => {
    const window = authWindow({ signInAs: 'Sam Lee' });
    const tokens = await signInWithEntra({ ...config, tenant: 'organizations' }, depsWith(window), { interactive: true, loginHint: 'sam@contoso.com', prompt: 'login' });
    expect(new URL(window.calls[0]!.url).searchParams.get('login_hint')).toBe('sam@contoso.com');
    expect(new URL(window.calls[0]!.url).searchParams.get('prompt')).toBe('login');
    expect(tokens.account.username).toBe('sam@contoso.com');
  });

  it('rejects an answer whose state does not match, without redeeming the code', async () => {
    const window = authWindow({ signInAs: 'Jane Doe' });
    const tampered: EntraDeps['launchWebAuthFlow'] = async (details) => {
      const url = new URL((await window(details))!);
      url.searchParams.set('state', 'someone-elses-state');
      return url.href;
    };
    const fetchFn = extensionFetch();
    const error = await rejectionOf(signInWithEntra(config, depsWith(tampered, fetchFn), { interactive: true }));
    expect(error).toBeInstanceOf(AppError);
    expect(error.kind).toBe('oauth-failed');
    expect(error.message).toMatch(/^The sign-in answer did not match this request/);
    expect(error.details?.reason).toBe('state-mismatch');
    expect(fetchFn.tokenCalls).toHaveLength(0);
    expect(fake.control.requests({ grantType: 'authorization_code' })).toHaveLength(0);
  });

  it.each([
    ['Chrome, window closed', CHROME_WINDOW_CLOSED],
    ['Firefox', 'User cancelled or denied access.'],
    ['any wording that mentions a closed window', 'Interactive sign-in window closed'],
  ])('reports "Sign-in was cancelled." when launchWebAuthFlow rejects (%s)', async (_browser, message) => {
    const error = await rejectionOf(
      signInWithEntra(config, depsWith(async () => Promise.reject(new Error(message))), { interactive: true }),
    );
    expect(error).toMatchObject({ kind: 'oauth-failed', message: 'Sign-in was cancelled.', details: { reason: 'cancelled' } });
  });

  it('reports "Sign-in was cancelled." when the person closes the window or presses Cancel', async () => {
    const closed = await rejectionOf(signInWithEntra(config, depsWith(authWindow({ closeWindow: true })), { interactive: true }));
    expect(closed).toMatchObject({ kind: 'oauth-failed', message: 'Sign-in was cancelled.' });
    // Cancel on Entra's page redirects with error=access_denied (AADSTS65004).
    const cancelled = await rejectionOf(signInWithEntra(config, depsWith(authWindow({ cancel: true })), { interactive: true }));
    expect(cancelled).toMatchObject({ kind: 'oauth-failed', message: 'Sign-in was cancelled.', details: { reason: 'cancelled', code: 'AADSTS65004' } });
  });

  it.each([
    ['invalid_client', 'AADSTS65001: The user or administrator has not consented to use the application.', 'consent-required', /not approved ADO Companion/],
    ['access_denied', 'AADSTS50105: Your administrator has configured the application to block users unless they are specifically granted access.', 'not-assigned', /has not given you access/],
    ['access_denied', 'AADSTS53003: Access has been blocked by Conditional Access policies.', 'conditional-access', /Conditional Access/],
    ['invalid_request', 'AADSTS90014: The required field is missing.', 'unknown', /\(AADSTS90014\)/],
  ])('maps an error redirect %s %s to a clear sentence', async (error, description, reason, message) => {
    const fetchFn = extensionFetch();
    const answer = await rejectionOf(signInWithEntra(config, depsWith(answering({ error, error_description: description }), fetchFn), { interactive: true }));
    expect(answer).toMatchObject({ kind: 'oauth-failed', details: { reason } });
    expect(answer.message).toMatch(message);
    expect(answer.message).not.toContain('Trace ID');
    expect(fetchFn.tokenCalls).toHaveLength(0);
  });

  it('runs silently with prompt=none and needs a new sign-in when there is no Entra session', async () => {
    const window = authWindow({ signInAs: 'Jane Doe' });
    const error = await rejectionOf(signInWithEntra(config, depsWith(window), { interactive: false, prompt: 'select_account' }));
    expect(window.calls[0]).toMatchObject({ interactive: false });
    expect(new URL(window.calls[0]!.url).searchParams.get('prompt')).toBe('none');
    expect(error).toMatchObject({ kind: 'reauth-required', details: { reason: 'interaction-required', code: 'AADSTS50058' } });
  });

  it('signs in silently while the Entra session is alive', async () => {
    await signInJane();
    const window = authWindow({ closeWindow: true });
    const tokens = await signInWithEntra(config, depsWith(window), { interactive: false, loginHint: 'jane@contoso.com' });
    expect(tokens.account.username).toBe('jane@contoso.com');
    fake.control.setFailures({ entraSessionAlive: false });
    expect(await rejectionOf(signInWithEntra(config, depsWith(window), { interactive: false }))).toMatchObject({ kind: 'reauth-required' });
  });

  it('needs a new sign-in when the browser refuses a silent flow that needs a person', async () => {
    const error = await rejectionOf(signInWithEntra(config, depsWith(async () => Promise.reject(new Error(CHROME_INTERACTION_REQUIRED))), { interactive: false }));
    expect(error).toMatchObject({ kind: 'reauth-required' });
  });

  it('fails clearly when the token endpoint rejects the PKCE verifier', async () => {
    const fetchFn = extensionFetch({ tamper: (params) => params.set('code_verifier', 'x'.repeat(43)) });
    const error = await rejectionOf(signInWithEntra(config, depsWith(authWindow({ signInAs: 'Jane Doe' }), fetchFn), { interactive: true }));
    expect(error).toMatchObject({ kind: 'oauth-failed', details: { reason: 'code-rejected', code: 'AADSTS501481' } });
    expect(error.message).toMatch(/Sign in again\.$/);
    expectNoLeak(error, fetchFn);
  });

  it('explains a redirect URI that differs between authorize and token (AADSTS50011)', async () => {
    const fetchFn = extensionFetch({ tamper: (params) => params.set('redirect_uri', 'https://other.chromiumapp.org/') });
    const error = await rejectionOf(signInWithEntra(config, depsWith(authWindow({ signInAs: 'Jane Doe' }), fetchFn), { interactive: true }));
    expect(error).toMatchObject({ kind: 'oauth-failed', details: { reason: 'redirect-mismatch', code: 'AADSTS50011' } });
    expectNoLeak(error, fetchFn);
  });

  it('explains AADSTS9002327 when the token request carries no Origin', async () => {
    const fetchFn = extensionFetch({ origin: null });
    const error = await rejectionOf(signInWithEntra(config, depsWith(authWindow({ signInAs: 'Jane Doe' }), fetchFn), { interactive: true }));
    expect(error).toMatchObject({ kind: 'oauth-failed', details: { reason: 'app-registration', code: 'AADSTS9002327' } });
    expect(error.message).toMatch(/Single-page application/);
    expectNoLeak(error, fetchFn);
  });

  it('explains AADSTS9002326 (app registered as Web, not Single-page application)', async () => {
    const fetchFn = stubFetch(400, {
      error: 'invalid_request',
      error_description: "AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.",
      error_codes: [9002326],
    });
    const error = await rejectionOf(signInWithEntra(config, depsWith(answering({ code: 'the-code' }), fetchFn), { interactive: true }));
    expect(error).toMatchObject({ kind: 'oauth-failed', details: { reason: 'app-registration', code: 'AADSTS9002326' } });
    expect(error.message).toMatch(/is not a Single-page application/);
    expect(error.message).not.toContain('the-code');
  });

  it('is offline when the token endpoint cannot be reached', async () => {
    const fetchFn = extensionFetch();
    const window = authWindow({ signInAs: 'Jane Doe' }, { afterRedirect: () => fake.control.setFailures({ offline: true }) });
    const error = await rejectionOf(signInWithEntra(config, depsWith(window, fetchFn), { interactive: true }));
    expect(error).toMatchObject({ kind: 'offline' });
    expectNoLeak(error, fetchFn);
  });

  it('is offline when the sign-in page cannot be loaded', async () => {
    const error = await rejectionOf(signInWithEntra(config, depsWith(async () => Promise.reject(new Error('Authorization page could not be loaded.'))), { interactive: true }));
    expect(error).toMatchObject({ kind: 'offline' });
  });

  it('ignores an answer on another address, an empty answer and an answer without a code', async () => {
    const elsewhere = await rejectionOf(signInWithEntra(config, depsWith(async () => 'https://evil.example/?code=x&state=y'), { interactive: true }));
    expect(elsewhere).toMatchObject({ kind: 'oauth-failed', details: { reason: 'unexpected-answer' } });
    const empty = await rejectionOf(signInWithEntra(config, depsWith(async () => undefined), { interactive: true }));
    expect(empty).toMatchObject({ kind: 'oauth-failed', details: { reason: 'unexpected-answer' } });
    const noCode = await rejectionOf(signInWithEntra(config, depsWith(answering({ session_state: 'x' })), { interactive: true }));
    expect(noCode).toMatchObject({ kind: 'oauth-failed', details: { reason: 'unexpected-answer' } });
  });

  it('reads an answer delivered in the fragment (response_mode=fragment)', async () => {
    const window = authWindow({ signInAs: 'Jane Doe' });
    const inFragment: EntraDeps['launchWebAuthFlow'] = async (details) => {
      const url = new URL((await window(details))!);
      return `${REDIRECT_URI}#${url.searchParams}`;
    };
    const tokens = await signInWithEntra(config, depsWith(inFragment), { interactive: true });
    expect(tokens.account.name).toBe('Jane Doe');
  });

  it('tolerates a token answer without id token, with expires_in as a string, and decodes UTF-8 claims', async () => {
    const plain = await signInWithEntra(config, depsWith(answering({ code: 'c' }), stubFetch(200, { access_token: 'at', expires_in: '60', scope: 's' })), {
      interactive: true,
    });
    expect(plain).toMatchObject({ accessToken: 'at', refreshToken: null, scope: 's', account: { tenantId: null, objectId: null, username: null, name: null } });
    expect(plain.expiresAt - Date.now()).toBeLessThanOrEqual(60_000);

    const claims = Buffer.from(JSON.stringify({ tid: 't', oid: 'o', upn: 'joao@contoso.com', name: 'João Ñandú' })).toString('base64url');
    const named = await signInWithEntra(config, depsWith(answering({ code: 'c' }), stubFetch(200, { access_token: 'at', expires_in: 3600, id_token: `e30.${claims}.sig` })), {
      interactive: true,
    });
    expect(named.account).toEqual({ tenantId: 't', objectId: 'o', username: 'joao@contoso.com', name: 'João Ñandú' });
    const garbled = await signInWithEntra(config, depsWith(answering({ code: 'c' }), stubFetch(200, { access_token: 'at', id_token: 'not-a-jwt' })), { interactive: true });
    expect(garbled.account.name).toBeNull();
  });

  it('reports throttling and unexpected answers of the token endpoint', async () => {
    const busy = await rejectionOf(signInWithEntra(config, depsWith(answering({ code: 'c' }), stubFetch(429, 'Too many', { 'Retry-After': '7' })), { interactive: true }));
    expect(busy).toMatchObject({ kind: 'throttled', details: { retryAfterSeconds: 7 } });
    const down = await rejectionOf(signInWithEntra(config, depsWith(answering({ code: 'c' }), stubFetch(503, '<html>Service Unavailable</html>')), { interactive: true }));
    expect(down).toMatchObject({ kind: 'oauth-failed', details: { reason: 'unexpected-answer' } });
    expect(down.message).toContain('HTTP 503');
  });
});

describe('refreshEntraToken', () => {
  it('gets a new access token and rotates the refresh token', async () => {
    const { tokens } = await signInJane();
    const fetchFn = extensionFetch();
    const refreshed = await refreshEntraToken(config, tokens.refreshToken!, { fetch: fetchFn, now: () => Date.now() });
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).toBeTruthy();
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    expect(refreshed.account.username).toBe('jane@contoso.com');
    expect(fetchFn.tokenCalls[0]?.get('grant_type')).toBe('refresh_token');
    expect(fetchFn.tokenCalls[0]?.get('scope')).toBe(SIGN_IN_SCOPE);
    expect(fake.control.requests({ grantType: 'refresh_token' })).toHaveLength(1);
    expect((await connectionData(refreshed.accessToken)).status).toBe(200);
    // The SPA chain keeps its end: a refresh does not extend the 24 hours.
    expect(Math.abs(refreshed.refreshExpiresAt! - tokens.refreshExpiresAt!)).toBeLessThan(5_000);
  });

  it('keeps the old refresh token when the answer has none', async () => {
    const refreshed = await refreshEntraToken(config, 'old-refresh-token', { fetch: stubFetch(200, { access_token: 'new', expires_in: 3600 }), now: () => 0 });
    expect(refreshed).toMatchObject({ accessToken: 'new', refreshToken: 'old-refresh-token', expiresAt: 3600_000 });
  });

  it('needs a new sign-in 24 hours after the first one (AADSTS700084)', async () => {
    const { tokens } = await signInJane();
    fake.control.advanceClock(24 * 3600 + 1);
    const fetchFn = extensionFetch();
    const error = await rejectionOf(refreshEntraToken(config, tokens.refreshToken!, { fetch: fetchFn, now: () => Date.now() }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'reauth-required', message: SESSION_ENDED, details: { reason: 'session-ended', code: 'AADSTS700084' } });
    expect(SESSION_ENDED).toBe('Your Azure DevOps sign-in has ended (Microsoft allows 24 hours for browser extensions). Sign in again.');
    expectNoLeak(error, fetchFn);
  });

  it('needs a new sign-in when the refresh token was revoked or is unknown', async () => {
    const { tokens } = await signInJane();
    fake.control.revokeRefreshTokens();
    const fetchFn = extensionFetch();
    const revoked = await rejectionOf(refreshEntraToken(config, tokens.refreshToken!, { fetch: fetchFn, now: () => Date.now() }));
    expect(revoked).toMatchObject({ kind: 'reauth-required', details: { code: 'AADSTS50173' } });
    expectNoLeak(revoked, fetchFn);
    const unknown = await rejectionOf(refreshEntraToken(config, 'not-a-refresh-token', { fetch: fetchFn, now: () => Date.now() }));
    expect(unknown).toMatchObject({ kind: 'reauth-required' });
  });

  it('is offline when Entra cannot be reached, and keeps working afterwards', async () => {
    const { tokens } = await signInJane();
    fake.control.setFailures({ offline: true });
    const fetchFn = extensionFetch();
    const error = await rejectionOf(refreshEntraToken(config, tokens.refreshToken!, { fetch: fetchFn, now: () => Date.now() }));
    expect(error).toMatchObject({ kind: 'offline' });
    expectNoLeak(error, fetchFn);
    fake.control.setFailures({ offline: false });
    expect((await refreshEntraToken(config, tokens.refreshToken!, { fetch: fetchFn, now: () => Date.now() })).accessToken).toBeTruthy();
  });

  it('needs a new sign-in for interaction_required (e.g. new MFA policy) and explains app problems', async () => {
    const mfa = await rejectionOf(
      refreshEntraToken(config, 'rt', { fetch: stubFetch(400, { error: 'interaction_required', error_description: 'AADSTS50076: Due to a configuration change…' }), now: () => 0 }),
    );
    expect(mfa).toMatchObject({ kind: 'reauth-required', details: { code: 'AADSTS50076' } });
    const notSpa = await rejectionOf(refreshEntraToken(config, 'rt', { fetch: stubFetch(400, { error: 'invalid_request', error_codes: [9002326] }), now: () => 0 }));
    expect(notSpa).toMatchObject({ kind: 'oauth-failed', details: { reason: 'app-registration' } });
  });
});

/** A token endpoint that always answers `body` (JSON unless a string). */
function stubFetch(status: number, body: unknown, headers: Record<string, string> = {}): ExtensionFetch {
  const run = async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': typeof body === 'string' ? 'text/html' : 'application/json', ...headers },
    });
  return Object.assign(run, { secrets: new Set<string>(), tokenCalls: [] });
}
