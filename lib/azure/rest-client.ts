/**
 * The extension's REST client for Azure DevOps: a thin typed layer over `fetch` that runs in the
 * background service worker (docs/azure-devops-rest.md).
 *
 * - Authenticates every call (PAT as Basic, Entra token as Bearer) and asks for 401s instead of
 *   sign-in redirects; a sign-in page that comes back anyway is an auth failure, not data.
 * - Waits out 429 throttling (Retry-After, else exponential backoff) and retries 502/503/504 and
 *   network failures for idempotent methods.
 * - Sends each resource's documented api-version (resource-versions.ts), negotiates it with Azure
 *   DevOps Server, and adds `-preview` once for a resource the service holds under preview (api-version.ts).
 * - Turns every failure into an AppError (azure-error.ts). No token ever reaches an error,
 *   because errors are built from the answer alone, and are checked again before they are thrown.
 *
 * Nothing touches browser globals at import time: `fetch` and `setTimeout` are looked up per call.
 */
import { AppError } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import {
  capApiVersion,
  collectionBaseOf,
  compareApiVersions,
  createApiVersionMemory,
  latestSupportedApiVersion,
  PREVIEW_REQUIRED,
  previewForm,
  type ApiVersionMemory,
} from './api-version';
import { resourceOf } from './resource-versions';
import {
  offlineError,
  readAdoErrorEnvelope,
  retryAfterSeconds,
  signInPageError,
  throttledError,
  toAzureError,
  unreadableAnswerError,
} from './azure-error';
import { base64Utf8 } from '../encoding/base64';

export type Credential = { kind: 'pat'; token: string } | { kind: 'bearer'; token: string };

export interface RestClientOptions {
  /** Called before every attempt (tokens may be refreshed between calls). */
  getCredential: () => Promise<Credential>;
  /** OAuth: force one refresh and retry once on 401 (or a sign-in page); null = give up. */
  /** On a 401 or sign-in page that an expired token would explain (not a scope or policy refusal). */
  onUnauthorized?: (rejected: Credential) => Promise<Credential | null>;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Whether this client's credential may go to a URL (the hosts of the account that owns it). A
   * request elsewhere fails before anything is sent. Default: anywhere (tests, a credential being tried).
   */
  isAllowedUrl?: (url: URL) => boolean | Promise<boolean>;
  /** Retries after 429, 502/503/504 and network errors, together. Default 3. */
  maxRetries?: number;
  /**
   * Default 30: a longer Retry-After is not waited for, it becomes a 'throttled' error with
   * `details.retryAfterSeconds`. Also caps the exponential backoff.
   */
  maxRetryAfterSeconds?: number;
  /** From api-version.ts, shared per background; a client without one keeps its own. */
  apiVersions?: ApiVersionMemory;
  /** Per attempt, including reading the answer; 0 = none. Default 60 000 ms. A timeout counts as a network error. */
  timeoutMs?: number;
  /**
   * A served answer carried Retry-After (Azure DevOps delayed it, docs/azure-devops-rest.md#throttling): not waited for, only
   * reported, e.g. to slow down background refreshes.
   */
  onRateLimitHint?: (hint: { retryAfterSeconds: number; url: string }) => void;
}

export interface RestRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'HEAD';
  /** Absolute URL; userinfo (`org@`) is dropped. An `api-version` in it counts as `apiVersion`. */
  url: string;
  /** Default: the resource's documented version (resource-versions.ts); null = send none (connectionData, like the official client). */
  apiVersion?: string | null;
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON-encoded unless it is a string sent with a non-JSON `contentType`. */
  body?: unknown;
  /** Default `application/json` (e.g. `application/json-patch+json` for work-item PATCH). */
  contentType?: string;
  context?: {
    /** Organization or collection name for messages (derived from the URL when absent). */
    organization?: string;
    /** PAT scope the call needs (`vso.code_manage`…), named in a missing-scope message. */
    requiredScope?: string;
  };
}

export interface RestClient {
  /** The parsed JSON answer; undefined for 204 or an empty body. Throws AppError. */
  request<T>(req: RestRequest): Promise<T>;
  /** `request`, and the token of the next page when the answer says more remain. */
  requestPage<T>(req: RestRequest): Promise<RestPage<T>>;
  /** The newest api-version the collection at `base` said it takes, once it refused a newer one; undefined before (docs/azure-devops-rest.md#server-features). */
  newestApiVersion(base: string): string | undefined;
}

/** One page of a paged list (docs/azure-devops-rest.md#repositories: refs). */
export interface RestPage<T> {
  value: T;
  /** What to send as `continuationToken` for the next page; null when this was the last one. */
  continuationToken: string | null;
}

/** The response header that carries the next page's token (docs/azure-devops-rest.md#repositories). */
export const CONTINUATION_TOKEN_HEADER = 'x-ms-continuationtoken';

/** The next page's token in an answer's headers, or null. */
export function continuationTokenOf(headers: Headers): string | null {
  return headers.get(CONTINUATION_TOKEN_HEADER)?.trim() || null;
}

/** How long one attempt, reading its answer included, may take (the page session keeps the same deadline). */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** A blocked (429), failed-over (502/503/504) or unsent request did not run; these may be repeated. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
const RETRYABLE_STATUS = new Set([502, 503, 504]);

export function authorizationHeader(credential: Credential): string {
  // docs/azure-devops-rest.md#personal-access-tokens: "Use any value for the user name and the token as the password" — an empty user name.
  return credential.kind === 'pat' ? `Basic ${base64Utf8(`:${credential.token}`)}` : `Bearer ${credential.token}`;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

class NetworkFailure {
  constructor(readonly timedOut: boolean) {}
}

export function createRestClient(options: RestClientOptions): RestClient {
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => globalThis.setTimeout(resolve, ms)));
  const maxRetries = Math.max(0, options.maxRetries ?? 3);
  const maxRetryAfter = Math.max(0, options.maxRetryAfterSeconds ?? 30);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const apiVersions = options.apiVersions ?? createApiVersionMemory();

  /** 1, 2, 4… s (capped), plus up to 20 % jitter so parallel callers do not retry in step. */
  const backoffMs = (retry: number) => Math.min(2 ** retry, Math.max(1, maxRetryAfter)) * 1000 * (1 + Math.random() * 0.2);

  async function send(url: string, init: RequestInit): Promise<Answer> {
    const controller = timeoutMs > 0 ? new AbortController() : null;
    const timer = controller ? globalThis.setTimeout(() => controller.abort(), timeoutMs) : undefined;
    try {
      const response = await fetchImpl(url, controller ? { ...init, signal: controller.signal } : init);
      const text = init.method === 'HEAD' ? '' : await response.text();
      return { status: response.status, headers: response.headers, text };
    } catch {
      // The rejection's own text is not passed on: it is not for users, and may quote the request.
      throw new NetworkFailure(Boolean(controller?.signal.aborted));
    } finally {
      if (timer !== undefined) globalThis.clearTimeout(timer);
    }
  }

  async function exchange<T>(req: RestRequest): Promise<{ value: T; headers: Headers }> {
    const method = req.method ?? 'GET';
    const url = buildUrl(req);
    const resource = resourceOf(url.pathname);
    const requestedVersion = req.apiVersion === undefined ? (url.searchParams.get('api-version') ?? resource.version) : req.apiVersion;
    url.searchParams.delete('api-version');
    const base = collectionBaseOf(url);
    const versionToSend = (requested: string, cap: string | undefined) => {
      const capped = capApiVersion(requested, cap);
      return apiVersions.needsPreview(url, resource.resource) ? previewForm(capped) : capped;
    };
    let version = requestedVersion === null ? null : versionToSend(requestedVersion, apiVersions.get(base));
    const body = encodeBody(req);
    const organization = req.context?.organization;

    const usedCredentials: Credential[] = [];
    let nextCredential: Credential | null = null;
    let retries = 0;
    let refreshed = false;
    let renegotiated = false;
    let previewAdded = false;

    for (;;) {
      const credential = nextCredential ?? (await options.getCredential());
      nextCredential = null;
      usedCredentials.push(credential);
      const fail = (error: AppError): never => {
        throw withoutSecrets(error, usedCredentials);
      };

      const target = new URL(url.href);
      if (version) target.searchParams.set('api-version', version);
      if (options.isAllowedUrl && !(await options.isAllowedUrl(target))) throw new AppError(appErrors.tokenHostRefused(target.host));
      const headers: Record<string, string> = {
        Accept: 'application/json',
        Authorization: authorizationHeader(credential),
        // docs/azure-devops-rest.md#versions-headers-errors: a 401 instead of a 302/203 sign-in page.
        'X-TFS-FedAuthRedirect': 'Suppress',
        'X-VSS-ReauthenticationAction': 'Suppress',
      };
      if (body) headers['Content-Type'] = body.contentType;

      let answer: Answer;
      try {
        answer = await send(target.href, {
          method,
          headers,
          body: body?.payload,
          // The user's Azure DevOps cookies must not decide who we are: only the token does.
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch (error) {
        if (!(error instanceof NetworkFailure)) throw error;
        if (IDEMPOTENT.has(method) && retries < maxRetries) {
          await sleep(backoffMs(retries++));
          continue;
        }
        return fail(offlineError(url.href, { timedOut: error.timedOut, mayHaveRun: !IDEMPOTENT.has(method) }));
      }

      const { status } = answer;
      const retryAfter = retryAfterSeconds(answer.headers);

      // docs/azure-devops-rest.md#throttling: a 429 was blocked before it ran, whatever the method.
      if (status === 429) {
        if (retryAfter !== null && retryAfter > maxRetryAfter) return fail(throttledError(retryAfter));
        if (retries >= maxRetries) return fail(throttledError(retryAfter ?? Math.ceil(backoffMs(retries) / 1000)));
        await sleep(retryAfter !== null ? retryAfter * 1000 : backoffMs(retries));
        retries++;
        continue;
      }
      if (RETRYABLE_STATUS.has(status) && IDEMPOTENT.has(method) && retries < maxRetries && (retryAfter ?? 0) <= maxRetryAfter) {
        await sleep(retryAfter !== null ? retryAfter * 1000 : backoffMs(retries));
        retries++;
        continue;
      }

      const parsed = parseAnswer(answer);
      const ok = status >= 200 && status < 300;
      const signInPage = status === 203 || (ok && parsed.kind === 'other');

      // Only a token that may have expired is worth a refresh: a policy or scope refusal
      // (TF400813 and kin) would refuse the new token too.
      const refusal =
        status === 401
          ? toAzureError({ status, body: parsed.kind === 'broken' ? undefined : parsed.value, headers: answer.headers, url: url.href, credentialKind: credential.kind, organization })
          : null;
      const mayBeExpired = signInPage || (refusal !== null && (refusal.kind === 'auth-invalid' || refusal.kind === 'auth-expired'));
      if (mayBeExpired && options.onUnauthorized && !refreshed) {
        refreshed = true;
        const fresh = await options.onUnauthorized(credential);
        if (fresh) {
          nextCredential = fresh;
          continue;
        }
      }
      if (signInPage) return fail(signInPageError({ url: url.href, credentialKind: credential.kind, organization }));

      if (ok) {
        if (parsed.kind === 'broken') return fail(unreadableAnswerError(url.href, status));
        if (retryAfter !== null) options.onRateLimitHint?.({ retryAfterSeconds: retryAfter, url: url.href });
        return { value: parsed.value as T, headers: answer.headers };
      }

      // docs/azure-devops-rest.md#versions-headers-errors: a Server answers a too-new api-version with the newest it supports; learn it, retry once.
      if (status === 400 && version && requestedVersion) {
        const envelope = readAdoErrorEnvelope(parsed.value);
        const latest = envelope.typeKey === 'VssVersionOutOfRangeException' ? latestSupportedApiVersion(envelope.message ?? '') : null;
        if (latest && !renegotiated && compareApiVersions(latest, version) < 0) {
          renegotiated = true;
          apiVersions.set(base, latest);
          version = versionToSend(requestedVersion, latest);
          continue;
        }
        // docs/azure-devops-rest.md#resource-versions: a resource still under preview asks for `-preview`; add it once, and remember it.
        if (envelope.typeKey === PREVIEW_REQUIRED && !previewAdded && previewForm(version) !== version) {
          previewAdded = true;
          apiVersions.markNeedsPreview(url, resource.resource);
          version = previewForm(version);
          continue;
        }
      }

      return fail(
        toAzureError({
          status,
          body: parsed.kind === 'broken' ? undefined : parsed.value,
          headers: answer.headers,
          url: url.href,
          credentialKind: credential.kind,
          organization,
          requiredScope: req.context?.requiredScope,
        }),
      );
    }
  }

  return {
    request: async <T>(req: RestRequest) => (await exchange<T>(req)).value,
    requestPage: async <T>(req: RestRequest) => {
      const { value, headers } = await exchange<T>(req);
      return { value, continuationToken: continuationTokenOf(headers) };
    },
    newestApiVersion: (base) => apiVersions.get(base),
  };
}

function buildUrl(req: RestRequest): URL {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw new AppError(appErrors.badRequestAddress());
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError(appErrors.badRequestAddress());
  }
  // `https://org@dev.azure.com/…` (docs/azure-devops-hosts.md) is a valid remote, but fetch refuses URLs with credentials.
  url.username = '';
  url.password = '';
  url.hash = '';
  for (const [key, value] of Object.entries(req.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

function encodeBody(req: RestRequest): { payload: string; contentType: string } | undefined {
  if (req.body === undefined) return undefined;
  const contentType = req.contentType ?? 'application/json';
  if (typeof req.body === 'string' && !JSON_TYPE.test(contentType)) return { payload: req.body, contentType };
  return { payload: JSON.stringify(req.body), contentType };
}

type Parsed = { kind: 'json'; value: unknown } | { kind: 'empty'; value: undefined } | { kind: 'broken'; value: string } | { kind: 'other'; value: string };

/**
 * JSON, nothing, JSON that does not parse, or something else (HTML sign-in page, text). docs/azure-devops-rest.md#versions-headers-errors: a
 * success answer that is not JSON, or starts with `<`, is the sign-in page.
 */
function parseAnswer(answer: Answer): Parsed {
  const text = answer.text;
  if (answer.status === 204 || text.trim() === '') return { kind: 'empty', value: undefined };
  const trimmed = text.trimStart();
  if (trimmed.startsWith('<')) return { kind: 'other', value: text };
  const declaredJson = JSON_TYPE.test(answer.headers.get('content-type') ?? '');
  const ok = answer.status >= 200 && answer.status < 300;
  // An error envelope is read whatever its content type says; a success must declare JSON.
  if (!declaredJson && (ok || !/^[[{]/.test(trimmed))) return { kind: 'other', value: text };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return declaredJson ? { kind: 'broken', value: text } : { kind: 'other', value: text };
  }
}

/** Belt and braces: an error that somehow quotes a token (an echoing proxy…) has it cut out. */
function withoutSecrets(error: AppError, credentials: Credential[]): AppError {
  const secrets = [
    ...new Set(credentials.flatMap((c) => [c.token, authorizationHeader(c).replace(/^\S+\s+/, ''), encodeURIComponent(c.token)])),
  ].filter((s) => s.length >= 8);
  const redact = (text: string) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  const value = error.toValue();
  if (!secrets.some((s) => JSON.stringify(value).includes(s))) return error;
  return new AppError({
    kind: value.kind,
    message: redact(value.message),
    ...(value.details
      ? { details: Object.fromEntries(Object.entries(value.details).map(([k, v]) => [k, typeof v === 'string' ? redact(v) : v])) }
      : {}),
  });
}
