/**
 * Microsoft Entra ID sign-in for Azure DevOps: authorization code + PKCE as a Single-page
 * application, driven through the browser's `identity.launchWebAuthFlow` (docs/azure-devops-rest.md).
 *
 * Nothing here touches browser globals at import time; the caller injects the browser pieces
 * (`launchWebAuthFlow`, `fetch`, `now`). Tokens, codes and verifiers never appear in an error.
 */
import { AppError } from '../errors/app-error';
import { ENTRA_SENTENCES } from '../errors/error-messages';
import { base64UrlDecode } from '../encoding/base64';
import { entraError, oauthFailed, SIGN_IN_CANCELLED, type EntraErrorContext, type EntraStage } from './entra-errors';
import { createPkce, randomState } from './pkce';

/** The Azure DevOps resource (application) id in Entra. */
export const AZURE_DEVOPS_RESOURCE = '499b84ac-1321-427f-aa17-267ca6975798';
/** Every delegated Azure DevOps permission of the app registration, plus a refresh token. */
export const AZURE_DEVOPS_SCOPE = `${AZURE_DEVOPS_RESOURCE}/.default offline_access`;
/** What sign-in and refresh ask for: {@link AZURE_DEVOPS_SCOPE} and an id token naming the account. */
export const SIGN_IN_SCOPE = `${AZURE_DEVOPS_SCOPE} openid profile`;
export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';

export interface EntraConfig {
  /** The app registration's application (client) id. */
  clientId: string;
  /** `organizations`, a tenant id, or a verified domain. */
  tenant: string;
  /** Default {@link DEFAULT_AUTHORITY}. */
  authority?: string;
}

export interface EntraAccount {
  tenantId: string | null;
  objectId: string | null;
  username: string | null;
  name: string | null;
}

export interface TokenSet {
  accessToken: string;
  /** Null only when Entra sent none (no `offline_access`); a refresh keeps the previous one. */
  refreshToken: string | null;
  /** When the access token expires, ms since the epoch (counted from before the request). */
  expiresAt: number;
  /**
   * When the refresh token chain ends (SPA: 24 h after the interactive sign-in), ms since the
   * epoch, when Entra said so (`refresh_token_expires_in`).
   */
  refreshExpiresAt?: number;
  /** The scope Entra granted, e.g. `499b84ac-…/user_impersonation`. */
  scope: string;
  /** From the id token; all null when Entra sent none (possible on refresh). */
  account: EntraAccount;
}

export interface EntraDeps {
  /** `(details) => browser.identity.launchWebAuthFlow(details)` */
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
  /** `browser.identity.getRedirectURL()`; must be registered on the app as an SPA redirect URI. */
  redirectUri: string;
  /** Called unbound, so the global `fetch` itself can be passed. */
  fetch: typeof fetch;
  now(): number;
}

export type EntraPrompt = 'select_account' | 'none' | 'login';

export interface AuthorizeParams {
  redirectUri: string;
  challenge: string;
  state: string;
  prompt?: EntraPrompt;
  loginHint?: string;
  domainHint?: string;
}

export interface SignInOptions {
  /** false: no window; runs with prompt=none and needs a live Entra session. */
  interactive: boolean;
  loginHint?: string;
  domainHint?: string;
  /** Interactive only; default `select_account`. */
  prompt?: EntraPrompt;
}

function endpoint(config: EntraConfig, name: 'authorize' | 'token'): string {
  const authority = (config.authority ?? DEFAULT_AUTHORITY).replace(/\/+$/, '');
  return `${authority}/${encodeURIComponent(config.tenant)}/oauth2/v2.0/${name}`;
}

/** The v2 authorize URL for the code + PKCE (S256) flow. */
export function buildAuthorizeUrl(config: EntraConfig, params: AuthorizeParams): string {
  const url = new URL(endpoint(config, 'authorize'));
  const query = url.searchParams;
  query.set('client_id', config.clientId);
  query.set('response_type', 'code');
  query.set('redirect_uri', params.redirectUri);
  query.set('scope', SIGN_IN_SCOPE);
  query.set('code_challenge', params.challenge);
  query.set('code_challenge_method', 'S256');
  query.set('state', params.state);
  if (params.prompt) query.set('prompt', params.prompt);
  if (params.loginHint) query.set('login_hint', params.loginHint);
  if (params.domainHint) query.set('domain_hint', params.domainHint);
  return url.href;
}

/**
 * Signs in through the browser's auth window and redeems the code. Rejects with an AppError:
 * 'oauth-failed' (cancelled, refused, misconfigured app; `details.reason` says which),
 * 'reauth-required' (a silent attempt needs the user), 'offline', 'throttled'.
 */
export async function signInWithEntra(config: EntraConfig, deps: EntraDeps, options: SignInOptions): Promise<TokenSet> {
  const pkce = await createPkce();
  const state = randomState();
  const prompt = options.interactive ? (options.prompt ?? 'select_account') : 'none';
  const url = buildAuthorizeUrl(config, {
    redirectUri: deps.redirectUri,
    challenge: pkce.challenge,
    state,
    prompt,
    ...(options.loginHint ? { loginHint: options.loginHint } : {}),
    ...(options.domainHint ? { domainHint: options.domainHint } : {}),
  });
  const context: EntraErrorContext = { clientId: config.clientId, redirectUri: deps.redirectUri, silent: prompt === 'none' };

  let responseUrl: string | undefined;
  try {
    responseUrl = await deps.launchWebAuthFlow({ url, interactive: options.interactive });
  } catch (error) {
    const failure = authWindowFailed(error);
    throw failure.kind === 'offline' ? await explainUnloadablePage(url, deps, context, failure) : failure;
  }
  if (!responseUrl) throw oauthFailed('unexpected-answer', ENTRA_SENTENCES.windowClosedWithoutAnswer);

  const answer = redirectParams(responseUrl, deps.redirectUri);
  if (answer.get('state') !== state) {
    throw oauthFailed('state-mismatch', ENTRA_SENTENCES.stateMismatch);
  }
  const error = answer.get('error');
  if (error) {
    throw entraError({ error, description: answer.get('error_description'), subcode: answer.get('error_subcode') }, 'authorize', context);
  }
  const code = answer.get('code');
  if (!code) throw oauthFailed('unexpected-answer', ENTRA_SENTENCES.noCode);

  return requestTokens(
    config,
    deps,
    {
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: deps.redirectUri,
      code_verifier: pkce.verifier,
      scope: SIGN_IN_SCOPE,
    },
    'token',
    context,
  );
}

/**
 * A new access token from a refresh token. Entra rotates refresh tokens; when the answer has
 * none, the old one is kept. A refresh token Entra no longer honours → 'reauth-required'.
 */
export async function refreshEntraToken(config: EntraConfig, refreshToken: string, deps: Pick<EntraDeps, 'fetch' | 'now'>): Promise<TokenSet> {
  const tokens = await requestTokens(
    config,
    deps,
    { grant_type: 'refresh_token', client_id: config.clientId, refresh_token: refreshToken, scope: SIGN_IN_SCOPE },
    'refresh',
    { clientId: config.clientId },
  );
  return tokens.refreshToken ? tokens : { ...tokens, refreshToken };
}

/** launchWebAuthFlow rejections (Chrome and Firefox wordings) as AppErrors. */
function authWindowFailed(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // Chrome "User interaction required.", Firefox "Requires user interaction": a silent attempt.
  if (/interaction/i.test(message)) {
    return new AppError({ kind: 'reauth-required', message: ENTRA_SENTENCES.signInAgain, details: { reason: 'interaction-required' } });
  }
  // Chrome "The user did not approve access." (window closed), Firefox "User cancelled or denied access."
  if (/cancel|approve|closed/i.test(message)) return oauthFailed('cancelled', SIGN_IN_CANCELLED);
  // Chrome "Authorization page could not be loaded."
  if (/could not be loaded|network|offline/i.test(message)) {
    return new AppError({ kind: 'offline', message: ENTRA_SENTENCES.signInPageUnreachable });
  }
  return oauthFailed('unknown', ENTRA_SENTENCES.windowFailed);
}

/**
 * The browser reports only "could not be loaded" when the sign-in page answers with an error status,
 * which is how Entra refuses an unregistered redirect URI or an unknown app (its own page, no
 * redirect). Loading the same page here reads the AADSTS code it shows, so the user learns what is
 * wrong instead of being told to check a network that works.
 */
async function explainUnloadablePage(url: string, deps: Pick<EntraDeps, 'fetch'>, context: EntraErrorContext, fallback: AppError): Promise<AppError> {
  try {
    const response = await deps.fetch(url, { credentials: 'omit', redirect: 'manual', cache: 'no-store' });
    const code = /AADSTS(\d{4,})/.exec(await response.text())?.[1];
    return code ? entraError({ error: 'invalid_request', codes: [Number(code)] }, 'authorize', context) : fallback;
  } catch {
    return fallback;
  }
}

/** Query and fragment parameters of the final redirect, which must land on our redirect URI. */
function redirectParams(responseUrl: string, redirectUri: string): URLSearchParams {
  let url: URL | null = null;
  if (responseUrl.startsWith(redirectUri)) {
    try {
      url = new URL(responseUrl);
    } catch {
      url = null;
    }
  }
  if (!url) throw oauthFailed('unexpected-answer', ENTRA_SENTENCES.unexpectedRedirect);
  const params = new URLSearchParams(url.search);
  for (const [key, value] of new URLSearchParams(url.hash.slice(1))) if (!params.has(key)) params.set(key, value);
  return params;
}

const OFFLINE_MESSAGE = ENTRA_SENTENCES.tokenServiceUnreachable;

async function requestTokens(
  config: EntraConfig,
  deps: Pick<EntraDeps, 'fetch' | 'now'>,
  params: Record<string, string>,
  stage: EntraStage,
  context: EntraErrorContext,
): Promise<TokenSet> {
  const fetchFn = deps.fetch;
  const sentAt = deps.now();
  let status: number;
  let text: string;
  let retryAfter: string | null;
  try {
    const response = await fetchFn(endpoint(config, 'token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', Accept: 'application/json' },
      body: new URLSearchParams(params).toString(),
    });
    status = response.status;
    retryAfter = response.headers.get('retry-after');
    text = await response.text();
  } catch {
    throw new AppError({ kind: 'offline', message: OFFLINE_MESSAGE });
  }

  const body = parseObject(text);
  const error = body && stringOf(body.error);
  if (error) {
    const codes = Array.isArray(body.error_codes) ? body.error_codes.filter((c): c is number => typeof c === 'number') : null;
    throw entraError({ error, description: stringOf(body.error_description), codes }, stage, context);
  }
  if (status === 429) {
    const seconds = Number(retryAfter);
    throw new AppError({
      kind: 'throttled',
      message: ENTRA_SENTENCES.tokenServiceBusy,
      ...(Number.isFinite(seconds) && seconds >= 0 ? { details: { retryAfterSeconds: seconds } } : {}),
    });
  }
  const accessToken = body && stringOf(body.access_token);
  if (status < 200 || status >= 300 || !body || !accessToken) {
    throw oauthFailed('unexpected-answer', ENTRA_SENTENCES.unexpectedTokenAnswer(status));
  }

  const expiresIn = secondsOf(body.expires_in) ?? 3600;
  const refreshExpiresIn = secondsOf(body.refresh_token_expires_in);
  const idToken = stringOf(body.id_token);
  return {
    accessToken,
    refreshToken: stringOf(body.refresh_token),
    expiresAt: sentAt + expiresIn * 1000,
    ...(refreshExpiresIn !== null ? { refreshExpiresAt: sentAt + refreshExpiresIn * 1000 } : {}),
    scope: stringOf(body.scope) ?? params.scope ?? SIGN_IN_SCOPE,
    account: accountOf(idToken),
  };
}

/**
 * The account claims of the id token. No signature check: it came straight from the token
 * endpoint over TLS in answer to our own request (OpenID Connect Core §3.1.3.7, item 6).
 */
function accountOf(idToken: string | null): EntraAccount {
  const claims = idToken ? parseObject(decodeJwtPayload(idToken)) : null;
  return {
    tenantId: stringOf(claims?.tid),
    objectId: stringOf(claims?.oid),
    username: stringOf(claims?.preferred_username) ?? stringOf(claims?.upn) ?? stringOf(claims?.email),
    name: stringOf(claims?.name),
  };
}

function decodeJwtPayload(jwt: string): string {
  const bytes = base64UrlDecode(jwt.split('.')[1] ?? '');
  return bytes ? new TextDecoder().decode(bytes) : '';
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Entra's v2 endpoint sends numbers; v1 and some proxies send numeric strings. */
function secondsOf(value: unknown): number | null {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}
