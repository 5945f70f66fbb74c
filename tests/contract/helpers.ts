/**
 * Helpers for the contract tests: the official client pointed at the fake, and a `fetch` that
 * reaches any host name on the fake the way Chromium does with --host-resolver-rules (connect to
 * 127.0.0.1:PORT, keep the Host header and TLS server name), trusting the fake's certificate.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as azdev from 'azure-devops-node-api';
import type { FakeAdo } from '../fake-ado/server';
import { hostRoutedFetch } from '../fake-ado/host-routed-fetch';

/** WebApi on `https://localhost:PORT/{collectionPath}` with a PAT (the node client's PAT handler). */
export function patApi(fake: FakeAdo, collectionPath: string, pat: string): azdev.WebApi {
  return new azdev.WebApi(`${fake.origin}/${collectionPath}`, azdev.getPersonalAccessTokenHandler(pat), { ignoreSslError: true });
}

export function bearerApi(fake: FakeAdo, collectionPath: string, accessToken: string): azdev.WebApi {
  return new azdev.WebApi(`${fake.origin}/${collectionPath}`, azdev.getBearerHandler(accessToken), { ignoreSslError: true });
}

/** What the node client rejects with: an Error carrying statusCode and the parsed body. */
export interface ClientError extends Error {
  statusCode?: number;
  result?: { typeKey?: string; message?: string };
  responseHeaders?: Record<string, string>;
}

export async function clientError(promise: Promise<unknown>): Promise<ClientError> {
  try {
    await promise;
  } catch (error) {
    return error as ClientError;
  }
  throw new Error('expected the call to fail');
}

export const basicAuth = (pat: string) => `Basic ${Buffer.from(`:${pat}`).toString('base64')}`;

/**
 * fetch() for any URL, answered by the fake: `https://dev.azure.com/...`,
 * `https://login.microsoftonline.com/...`, `https://localhost:PORT/...` all land on it.
 * Redirects are not followed (status 302 + Location are returned as is).
 */
export function fakeFetch(fake: FakeAdo, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  return hostRoutedFetch(fake)(url, init);
}

/** RFC 7636 S256 pair. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const CLIENT_ID = '5b0a9c2e-3d51-4f7a-9e0b-6c1d2e3f4a5b';
export const REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
export const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
export const ADO_SCOPE = '499b84ac-1321-427f-aa17-267ca6975798/.default offline_access openid profile';

export function authorizeUrl(tenant: string, challenge: string, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: ADO_SCOPE,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'state-123',
    prompt: 'select_account',
    ...extra,
  });
  return `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize?${q}`;
}

/**
 * The interactive part of the flow as a browser does it: load the "Pick an account" page, submit
 * the form with the button "Sign in as {displayName}", return the redirect Location.
 */
export async function pickAccount(fake: FakeAdo, url: string, displayName: string): Promise<URL> {
  const page = await fakeFetch(fake, url);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`authorize page answered ${page.status}: ${html.slice(0, 300)}`);
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  const escaped = displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const userId = new RegExp(`name="login_user" value="([^"]+)">Sign in as ${escaped}<`).exec(html)?.[1];
  if (!action || !userId) throw new Error(`no "Sign in as ${displayName}" button on the page`);
  const posted = await fakeFetch(fake, new URL(action, url).href, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login_user: userId }).toString(),
  });
  if (posted.status !== 302) throw new Error(`sign-in answered ${posted.status}`);
  return new URL(posted.headers.get('location')!);
}

export interface TokenResponse {
  token_type: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  scope: string;
  id_token?: string;
  error?: string;
  error_description?: string;
}

export async function tokenRequest(fake: FakeAdo, tenant: string, params: Record<string, string>, origin: string | null = EXTENSION_ORIGIN) {
  const res = await fakeFetch(fake, `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(origin ? { Origin: origin } : {}) },
    body: new URLSearchParams({ client_id: CLIENT_ID, ...params }).toString(),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as TokenResponse };
}

/** The whole PKCE sign-in: authorize → pick account → token. */
export async function signIn(fake: FakeAdo, tenant: string, displayName: string) {
  const { verifier, challenge } = pkcePair();
  const redirect = await pickAccount(fake, authorizeUrl(tenant, challenge), displayName);
  const code = redirect.searchParams.get('code');
  if (!code) throw new Error(`no code in ${redirect.href}`);
  const token = await tokenRequest(fake, tenant, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier, scope: ADO_SCOPE });
  if (token.status !== 200) throw new Error(`token endpoint answered ${token.status}: ${JSON.stringify(token.body)}`);
  return token.body;
}
