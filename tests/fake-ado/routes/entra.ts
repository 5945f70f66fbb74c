/**
 * Microsoft Entra ID on login.microsoftonline.com (docs/entra-oauth.md): authorization code + PKCE
 * for a single-page-application client, the way identity.launchWebAuthFlow drives it. As strict as
 * the real service: registered client ids and exact redirect URIs only, PKCE required at redemption
 * (not at authorize), cross-origin redemption only for the SPA platform, scope required on refresh,
 * consent and Conditional Access refusals, guests signing in against their host tenant.
 *
 *   GET  /{tenant}/oauth2/v2.0/authorize   "Pick an account" page (a button per user), or an
 *                                          immediate redirect for prompt=none / bad requests
 *   POST /{tenant}/oauth2/v2.0/authorize   the page's form: signs the user in, redirects with a code
 *   POST /{tenant}/oauth2/v2.0/token       authorization_code (real S256 check, one-time codes,
 *                                          same redirect_uri, Origin required) and refresh_token
 *                                          (rotating; the chain dies 24 h after the first sign-in)
 *   GET  /{tenant}/oauth2/v2.0/logout, /{tenant}/v2.0/.well-known/openid-configuration
 *
 * Access tokens are opaque random strings (clients must not parse them); the id_token is a
 * JWT-shaped, unsigned-for-real token with the usual claims.
 */
import { createHash, randomBytes } from 'node:crypto';
import { escapeHtml } from '../errors';
import type { FixtureUser } from '../fixture-types';
import { form, header, html, json, redirect, type Ctx, type Reply } from '../http';
import { splitPath } from '../router';
import { ZERO_GUID, guidFrom, type RefreshTokenRecord } from '../state';

export const AZURE_DEVOPS_RESOURCE = '499b84ac-1321-427f-aa17-267ca6975798';
const SPA_REFRESH_LIFETIME_MS = 24 * 3600 * 1000;
const CODE_LIFETIME_MS = 10 * 60 * 1000;

const randomToken = (bytes: number) => randomBytes(bytes).toString('base64url');

// --- tenants ----------------------------------------------------------------------------------

/** Users who can sign in through `tenant`; null when Entra does not know the tenant. */
function usersOfTenant(ctx: Ctx, tenant: string): FixtureUser[] | null {
  const t = tenant.toLowerCase();
  const users = ctx.state.data.users;
  if (t === 'common') return users;
  if (t === 'organizations') return users.filter((u) => u.tenantId !== ZERO_GUID);
  if (t === 'consumers') return users.filter((u) => u.tenantId === ZERO_GUID);
  if (t === ZERO_GUID) return null;
  const knownTenants = new Set([...users.map((u) => u.tenantId), ...ctx.state.data.organizations.map((o) => o.tenantId)].map((x) => x.toLowerCase()));
  if (knownTenants.has(t)) {
    // Members of the tenant, and B2B guests: users who belong to an organization backed by it.
    const guests = new Set(ctx.state.data.organizations.filter((o) => o.tenantId.toLowerCase() === t).flatMap((o) => o.members));
    return users.filter((u) => u.tenantId.toLowerCase() === t || (u.tenantId !== ZERO_GUID && guests.has(u.id)));
  }
  // A verified domain name works as a tenant too (e.g. contoso.com).
  const byDomain = users.filter((u) => u.tenantId !== ZERO_GUID && u.email.toLowerCase().endsWith(`@${t}`));
  return byDomain.length ? users.filter((u) => u.tenantId === byDomain[0]!.tenantId) : null;
}

// --- errors -----------------------------------------------------------------------------------

function describe(ctx: Ctx, code: string, message: string): string {
  return `${code}: ${message}\r\nTrace ID: ${guidFrom(`trace:${ctx.state.now()}:${code}`)}\r\nCorrelation ID: ${guidFrom(`corr:${ctx.state.now()}`)}\r\nTimestamp: ${ctx.state.nowIso().replace('T', ' ').replace(/\.\d+Z$/, 'Z')}`;
}

function tokenError(ctx: Ctx, error: string, code: string, message: string, cors: Record<string, string>): Reply {
  const number = Number(code.replace('AADSTS', ''));
  return json(
    error === 'invalid_client' ? 401 : 400,
    {
      error,
      error_description: describe(ctx, code, message),
      error_codes: [number],
      timestamp: ctx.state.nowIso().replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
      trace_id: guidFrom(`trace:${ctx.state.now()}`),
      correlation_id: guidFrom(`corr:${ctx.state.now()}`),
      error_uri: `https://login.microsoftonline.com/error?code=${number}`,
    },
    cors,
  );
}

/** An error page for requests Entra cannot redirect back (unknown tenant/client, bad redirect_uri). */
function errorPage(code: string, message: string, status = 400): Reply {
  return html(
    status,
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in to your account</title></head>
<body><h1>Sorry, but we’re having trouble signing you in.</h1><p id="error">${escapeHtml(`${code}: ${message}`)}</p></body></html>`,
  );
}

// --- authorize --------------------------------------------------------------------------------

interface AuthorizeRequest {
  tenant: string;
  /** The tenant tokens are issued for: the one named in the path when it is a tenant id, else the user's home. */
  issuingTenant: string | null;
  users: FixtureUser[];
  clientId: string;
  redirectUri: string;
  state: string | null;
  scope: string;
  codeChallenge: string;
  responseMode: 'query' | 'fragment';
  prompt: string | null;
  loginHint: string | null;
  nonce: string | null;
}

function redirectTo(req: Pick<AuthorizeRequest, 'redirectUri' | 'responseMode' | 'state'>, params: Record<string, string>): Reply {
  const all = new URLSearchParams(params);
  if (req.state !== null) all.set('state', req.state);
  const url = new URL(req.redirectUri);
  if (req.responseMode === 'fragment') url.hash = all.toString();
  else for (const [k, v] of all) url.searchParams.set(k, v);
  return redirect(url.href, { 'Cache-Control': 'no-store' });
}

/** Validates the authorize query; returns either the parsed request or the reply to send. */
function parseAuthorize(ctx: Ctx, tenant: string): AuthorizeRequest | Reply {
  const q = ctx.query;
  const users = usersOfTenant(ctx, tenant);
  if (!users) return errorPage('AADSTS90002', `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  const clientId = q.get('client_id');
  if (!clientId) return errorPage('AADSTS900144', "The request body must contain the following parameter: 'client_id'.");
  const app = ctx.state.entraApps.get(clientId);
  if (!app) {
    return errorPage(
      'AADSTS700016',
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
    );
  }
  // Exact match with a registered redirect URI, or Entra shows its own error page: it never
  // redirects to an address the app did not register.
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!app.redirectUris.has(redirectUri)) {
    return errorPage('AADSTS50011', `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`);
  }
  const responseMode = q.get('response_mode') === 'fragment' ? 'fragment' : 'query';
  const base = { redirectUri, responseMode, state: q.get('state') } as const;
  const fail = (error: string, code: string, message: string) => redirectTo(base, { error, error_description: describe(ctx, code, message), error_uri: `https://login.microsoftonline.com/error?code=${code.slice(6)}` });

  const responseType = q.get('response_type');
  if (responseType !== 'code') {
    return fail('unsupported_response_type', 'AADSTS700054', `response_type '${responseType ?? ''}' is not enabled for the application.`);
  }
  const scope = q.get('scope')?.trim();
  if (!scope) return fail('invalid_request', 'AADSTS900144', "The request body must contain the following parameter: 'scope'.");
  // A missing challenge is accepted here, as by Entra: a SPA's redemption then fails (AADSTS9002325).
  const codeChallenge = q.get('code_challenge') ?? '';
  if (codeChallenge && q.get('code_challenge_method') !== 'S256') {
    // Entra would default to "plain"; the extension must use S256 (docs/entra-oauth.md), so the fake insists.
    return fail('invalid_request', 'AADSTS501491', `Invalid code_challenge_method '${q.get('code_challenge_method') ?? ''}': this application requires S256.`);
  }
  const issuingTenant = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(tenant) ? tenant.toLowerCase() : null;
  return {
    tenant,
    issuingTenant,
    users,
    clientId,
    redirectUri,
    state: q.get('state'),
    scope,
    codeChallenge,
    responseMode,
    prompt: q.get('prompt'),
    loginHint: q.get('login_hint'),
    nonce: q.get('nonce'),
  };
}

function issueCode(ctx: Ctx, req: AuthorizeRequest, user: FixtureUser): Reply {
  const code = `1.${randomToken(48)}`;
  ctx.state.authCodes.set(code, {
    code,
    userId: user.id,
    tenant: req.issuingTenant ?? user.tenantId,
    clientId: req.clientId,
    redirectUri: req.redirectUri,
    codeChallenge: req.codeChallenge,
    scope: req.scope,
    ...(req.nonce ? { nonce: req.nonce } : {}),
    expiresAt: ctx.state.now() + CODE_LIFETIME_MS,
  });
  ctx.log.userId = user.id;
  return redirectTo(req, { code, session_state: guidFrom(`session:${user.id}`) });
}

function pickAccountPage(ctx: Ctx, req: AuthorizeRequest): Reply {
  const hint = req.loginHint?.toLowerCase();
  const users = [...req.users].sort((a, b) => Number(b.email.toLowerCase() === hint) - Number(a.email.toLowerCase() === hint));
  const action = `${ctx.url.pathname}${ctx.url.search}`;
  const items = users
    .map(
      (u) => `    <li>
      <button type="submit" name="login_user" value="${escapeHtml(u.id)}">Sign in as ${escapeHtml(u.displayName)}</button>
      <span class="email">${escapeHtml(u.email)}</span>
    </li>`,
    )
    .join('\n');
  return html(
    200,
    `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to your account</title>
<style>body{font-family:"Segoe UI",sans-serif;max-width:440px;margin:48px auto}li{list-style:none;margin:8px 0}button{min-width:220px;padding:8px}</style></head>
<body>
<h1>Pick an account</h1>
<p>to continue to the application <code>${escapeHtml(req.clientId)}</code></p>
<form method="post" action="${escapeHtml(action)}">
  <ul>
${items}
  </ul>
  <button type="submit" name="cancel" value="1">Cancel</button>
</form>
</body></html>`,
    { 'Cache-Control': 'no-store' },
  );
}

function authorizeGet(ctx: Ctx, tenant: string): Reply {
  const req = parseAuthorize(ctx, tenant);
  if ('status' in req) return req;
  if (req.prompt === 'none') {
    // Silent sign-in works only while the Entra session (cookie) is alive (docs/entra-oauth.md).
    const session = ctx.state.failures.entraSessionAlive ? (ctx.state.entraSession ?? fallbackSession(ctx, req)) : null;
    const user = session ? req.users.find((u) => u.id === session.userId) : undefined;
    const hintOk = !req.loginHint || user?.email.toLowerCase() === req.loginHint.toLowerCase();
    if (!user || !hintOk) {
      return redirectTo(req, { error: 'login_required', error_description: describe(ctx, 'AADSTS50058', 'A silent sign-in request was sent but no user is signed in.') });
    }
    return issueCode(ctx, req, user);
  }
  return pickAccountPage(ctx, req);
}

/** entraSessionAlive switched on by a test without a prior sign-in: the hinted or first user. */
function fallbackSession(ctx: Ctx, req: AuthorizeRequest) {
  const user = req.users.find((u) => u.email.toLowerCase() === req.loginHint?.toLowerCase()) ?? req.users[0];
  return user ? { userId: user.id, signedInAt: ctx.state.now() } : null;
}

function authorizePost(ctx: Ctx, tenant: string): Reply {
  const req = parseAuthorize(ctx, tenant);
  if ('status' in req) return req;
  const posted = form(ctx);
  if (posted.get('cancel')) {
    return redirectTo(req, { error: 'access_denied', error_description: describe(ctx, 'AADSTS65004', 'User declined to consent to access the app.') });
  }
  const user = req.users.find((u) => u.id === posted.get('login_user'));
  if (!user) return pickAccountPage(ctx, req);
  if (ctx.state.failures.entraConditionalAccessBlocked) {
    return redirectTo(req, { error: 'access_denied', error_description: describe(ctx, 'AADSTS53003', 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.'), suberror: 'message_only' });
  }
  ctx.state.entraSession = { userId: user.id, signedInAt: ctx.state.now() };
  ctx.state.failures.entraSessionAlive = true;
  return issueCode(ctx, req, user);
}

// --- token ------------------------------------------------------------------------------------

function corsHeaders(ctx: Ctx): Record<string, string> {
  const origin = header(ctx, 'origin');
  return origin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': 'x-ms-request-id' } : {};
}

function preflight(ctx: Ctx): Reply {
  return {
    status: 204,
    headers: {
      ...corsHeaders(ctx),
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': header(ctx, 'access-control-request-headers') ?? 'content-type',
      'Access-Control-Max-Age': '86400',
    },
  };
}

const grantsAzureDevOps = (scope: string) =>
  scope.split(/\s+/).some((s) => s.toLowerCase().startsWith(`${AZURE_DEVOPS_RESOURCE}/`) || s.toLowerCase().startsWith('https://app.vssps.visualstudio.com/'));

function idToken(ctx: Ctx, user: FixtureUser, tenantId: string, clientId: string, nonce?: string): string {
  const now = Math.floor(ctx.state.now() / 1000);
  const head = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: 'fake-ado-key' })).toString('base64url');
  const claims = {
    aud: clientId,
    iss: `https://login.microsoftonline.com/${tenantId}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    name: user.displayName,
    ...(nonce ? { nonce } : {}),
    oid: user.memberId,
    preferred_username: user.email,
    sub: guidFrom(`sub:${user.id}:${clientId}`),
    // A guest's token names the tenant it was issued in; the object id stays the user's.
    tid: tenantId,
    ver: '2.0',
  };
  return `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${randomToken(64)}`;
}

function mintTokens(
  ctx: Ctx,
  user: FixtureUser,
  tenantId: string,
  clientId: string,
  scope: string,
  chain: Pick<RefreshTokenRecord, 'chainStartedAt' | 'chainExpiresAt'>,
  nonce?: string,
) {
  const lifetime = ctx.state.failures.accessTokenLifetimeSeconds;
  const accessToken = randomToken(96);
  const azureDevOps = grantsAzureDevOps(scope);
  ctx.state.accessTokens.set(accessToken, {
    token: accessToken,
    userId: user.id,
    tenantId,
    clientId,
    azureDevOps,
    expiresAt: ctx.state.now() + lifetime * 1000,
  });
  const scopes = scope.split(/\s+/).map((s) => s.toLowerCase());
  const answer: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: azureDevOps ? `${AZURE_DEVOPS_RESOURCE}/user_impersonation` : scopes.filter((s) => !['openid', 'profile', 'offline_access'].includes(s)).join(' '),
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: accessToken,
  };
  if (scopes.includes('offline_access')) {
    const refreshToken = `1.${randomToken(96)}`;
    ctx.state.refreshTokens.set(refreshToken, { token: refreshToken, userId: user.id, tenantId, clientId, scope, revoked: false, ...chain });
    answer.refresh_token = refreshToken;
    // Entra tells SPAs how long the refresh token has left.
    answer.refresh_token_expires_in = Math.max(0, Math.floor((chain.chainExpiresAt - ctx.state.now()) / 1000));
  }
  if (scopes.includes('openid')) answer.id_token = idToken(ctx, user, tenantId, clientId, nonce);
  ctx.log.userId = user.id;
  return answer;
}

function token(ctx: Ctx): Reply {
  const cors = corsHeaders(ctx);
  const p = form(ctx);
  const grantType = p.get('grant_type') ?? '';
  ctx.log.grantType = grantType;
  const fail = (error: string, code: string, message: string) => tokenError(ctx, error, code, message, cors);
  const clientId = p.get('client_id');
  if (!clientId) return fail('invalid_request', 'AADSTS900144', "The request body must contain the following parameter: 'client_id'.");
  if (!['authorization_code', 'refresh_token'].includes(grantType)) {
    return fail('unsupported_grant_type', 'AADSTS70003', `The app requested an unsupported grant type '${grantType}'.`);
  }
  const app = ctx.state.entraApps.get(clientId);
  if (!app) return fail('unauthorized_client', 'AADSTS700016', `Application with identifier '${clientId}' was not found in the directory.`);
  if (app.platform !== 'spa' && header(ctx, 'origin')) {
    return fail('invalid_request', 'AADSTS9002326', "Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '" + (header(ctx, 'origin') ?? '') + "'.");
  }
  if (ctx.state.failures.entraConsentRequired) {
    return fail(
      'invalid_grant',
      'AADSTS65001',
      `The user or administrator has not consented to use the application with ID '${clientId}'. Send an interactive authorization request for this user and resource.`,
    );
  }
  // SPA tokens must be redeemed cross-origin, i.e. with an Origin header (docs/entra-oauth.md).
  if (!header(ctx, 'origin')) {
    return fail('invalid_request', 'AADSTS9002327', "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.");
  }

  if (grantType === 'authorization_code') {
    const code = p.get('code');
    if (!code) return fail('invalid_request', 'AADSTS900144', "The request body must contain the following parameter: 'code'.");
    const record = ctx.state.authCodes.get(code);
    if (!record) return fail('invalid_grant', 'AADSTS9002313', 'Invalid request. Request is malformed or invalid.');
    if ('redeemedAt' in record) {
      return fail('invalid_grant', 'AADSTS54005', 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.');
    }
    if (record.expiresAt <= ctx.state.now()) {
      return fail('invalid_grant', 'AADSTS70008', 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.');
    }
    if (record.clientId !== clientId) return fail('invalid_grant', 'AADSTS70000', 'The provided authorization code was issued to another client.');
    if (p.get('redirect_uri') !== record.redirectUri) {
      return fail('invalid_grant', 'AADSTS50011', `The redirect URI '${p.get('redirect_uri') ?? ''}' specified in the request does not match the redirect URI used in the authorization request.`);
    }
    const verifier = p.get('code_verifier');
    if (!record.codeChallenge) return fail('invalid_request', 'AADSTS9002325', 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.');
    if (!verifier) return fail('invalid_request', 'AADSTS900144', "The request body must contain the following parameter: 'code_verifier'.");
    // Real PKCE: base64url(sha256(code_verifier)) must equal the code_challenge of the authorize call.
    const computed = createHash('sha256').update(verifier, 'ascii').digest('base64url');
    if (computed !== record.codeChallenge) {
      return fail('invalid_grant', 'AADSTS501481', 'The Code_Verifier does not match the code_challenge supplied in the authorization request.');
    }
    Object.assign(record, { redeemedAt: ctx.state.now() }); // codes are one-time
    const user = ctx.state.user(record.userId)!;
    const now = ctx.state.now();
    return json(200, mintTokens(ctx, user, record.tenant, clientId, p.get('scope') ?? record.scope, { chainStartedAt: now, chainExpiresAt: now + SPA_REFRESH_LIFETIME_MS }, record.nonce), {
      ...cors,
      'Cache-Control': 'no-store',
    });
  }

  const refreshToken = p.get('refresh_token');
  if (!refreshToken) return fail('invalid_request', 'AADSTS900144', "The request body must contain the following parameter: 'refresh_token'.");
  // The v2 endpoint needs the scope on a refresh too.
  if (!p.get('scope')?.trim()) return fail('invalid_request', 'AADSTS900144', "The request body must contain the following parameter: 'scope'.");
  const record = ctx.state.refreshTokens.get(refreshToken);
  if (!record) return fail('invalid_grant', 'AADSTS9002313', 'Invalid request. Request is malformed or invalid.');
  if (record.revoked) {
    return fail('invalid_grant', 'AADSTS50173', 'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.');
  }
  if (record.clientId !== clientId) return fail('invalid_grant', 'AADSTS70000', 'The provided refresh token was issued to another client.');
  if (record.chainExpiresAt <= ctx.state.now()) {
    return fail(
      'invalid_grant',
      'AADSTS700084',
      `The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page. The token was issued on ${new Date(record.chainStartedAt).toISOString()}.`,
    );
  }
  const user = ctx.state.user(record.userId)!;
  // Every refresh returns a new refresh token with the same chain expiry; the old one stays valid,
  // as in Entra (refresh tokens are not single-use).
  return json(200, mintTokens(ctx, user, record.tenantId, clientId, p.get('scope') ?? record.scope, record), { ...cors, 'Cache-Control': 'no-store' });
}

// --- discovery, logout ------------------------------------------------------------------------

function openidConfiguration(ctx: Ctx, tenant: string): Reply {
  const base = `https://${ctx.hostHeader}/${tenant}`;
  return json(200, {
    issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_types_supported: ['code'],
    response_modes_supported: ['query', 'fragment'],
    code_challenge_methods_supported: ['S256'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    token_endpoint_auth_methods_supported: ['none'],
  });
}

function logout(ctx: Ctx): Reply {
  ctx.state.entraSession = null;
  ctx.state.failures.entraSessionAlive = false;
  const next = ctx.query.get('post_logout_redirect_uri');
  if (next && /^https:\/\//.test(next)) return redirect(next);
  return html(200, '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Signed out</title></head><body><h1>You signed out of your account</h1></body></html>');
}

export function entraRequest(ctx: Ctx): Reply {
  const [tenant = '', ...rest] = splitPath(ctx.site.rest);
  const route = rest.join('/').toLowerCase();
  if (route === 'oauth2/v2.0/authorize' && ctx.method === 'GET') return authorizeGet(ctx, tenant);
  if (route === 'oauth2/v2.0/authorize' && ctx.method === 'POST') return authorizePost(ctx, tenant);
  if (route === 'oauth2/v2.0/token' && ctx.method === 'POST') return token(ctx);
  if (route === 'oauth2/v2.0/token' && ctx.method === 'OPTIONS') return preflight(ctx);
  if (route === 'oauth2/v2.0/logout') return logout(ctx);
  if (route === 'v2.0/.well-known/openid-configuration' && usersOfTenant(ctx, tenant)) return openidConfiguration(ctx, tenant);
  if (route === 'discovery/v2.0/keys') return json(200, { keys: [] });
  return errorPage('AADSTS900561', `The endpoint only accepts known requests; ${ctx.method} /${tenant}/${rest.join('/')} is not one.`, 404);
}
