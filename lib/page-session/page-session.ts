/**
 * The "page session" transport (docs/page-session.md): REST calls to the organization of the Azure
 * DevOps page being viewed, sent from the content-script world with the page's own sign-in (its
 * cookies, `credentials: 'include'`), never with a token and never anywhere else.
 *
 * - Used only for page actions, and only for the page's organization: `pageSessionUrl` refuses
 *   every other address.
 * - A 401, a 203, a redirect (to the sign-in page) or an HTML answer means the page is signed out
 *   (e.g. in another tab): the result is `signed-out` and the caller falls back to the account stored
 *   for the organization (through the background), or offers to connect; what the user typed stays.
 * - Other failures become the same AppErrors as the background's REST client (azure-error.ts).
 * - Nothing is stored; no cookie is read (they are HttpOnly anyway); nothing here sees a token.
 *
 * Runs in an on-demand script, not in the always-injected content script (its size budget).
 */
import type { AppErrorValue } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import { offlineError, toAzureError, unreadableAnswerError } from '../azure/azure-error';
import { PREVIEW_REQUIRED, capApiVersion, compareApiVersions, previewForm } from '../azure/api-version';
import { resourceOf } from '../azure/resource-versions';
import { continuationTokenOf, DEFAULT_TIMEOUT_MS } from '../azure/rest-client';
import { readPageOrganization } from './page-organization';
import { pageSessionUrl } from './page-session-url';

/** What a page-session request came to. */
export type PageSessionResult<T> =
  /** `continuationToken`: the next page's, when a paged list says more remain (docs/azure-devops-rest.md#repositories). */
  | { kind: 'ok'; value: T; continuationToken?: string }
  /** Not signed in (any more): fall back to the stored account, else offer to connect. */
  | { kind: 'signed-out' }
  | { kind: 'error'; error: AppErrorValue };

export interface PageSessionRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /** Default: the resource's documented version (resource-versions.ts); null sends none (connectionData). */
  apiVersion?: string | null;
}

export interface PageUser {
  id: string;
  displayName: string;
  uniqueName: string;
}

export interface PageSession {
  /** The organization's REST root as the page reaches it (`https://dev.azure.com/contoso/`). */
  readonly baseUrl: string;
  /** The organization's name, for messages. */
  readonly organization: string;
  /** `path` is relative to the organization: `_apis/…` or `{project}/_apis/…`. */
  request<T>(path: string, options?: PageSessionRequest): Promise<PageSessionResult<T>>;
  /** The signed-in user: the page data when it has the id, else `_apis/connectionData`. */
  currentUser(): Promise<PageSessionResult<PageUser>>;
  /** The newest api-version the page's Server said it takes, once it refused a newer one. */
  newestApiVersion(): string | undefined;
}

export interface PageSessionDeps {
  /** The page's address (`location.href`). */
  href: string;
  document: Document;
  /** The fetch that sends requests as the page does: `pageFetch()`. */
  fetch: typeof fetch;
  /** Per request, reading the answer included; default the REST client's. */
  timeoutMs?: number;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/** The session of the page's organization; null when the page names none. */
export function createPageSession(deps: PageSessionDeps): PageSession | null {
  const page = readPageOrganization(deps.href, deps.document);
  if (!page) return null;
  const base = new URL(page.baseUrl);
  const organization = decodeURIComponent(base.pathname.split('/').filter(Boolean).pop() ?? base.hostname.split('.')[0]!);
  // What the REST client learns (ApiVersionMemory), learned here too for the page's organization: the resources held under preview.
  const needsPreview = new Set<string>();
  // And the newest api-version an Azure DevOps Server accepts, once it said so.
  let newestAccepted: string | undefined;

  async function request<T>(path: string, options: PageSessionRequest = {}): Promise<PageSessionResult<T>> {
    const url = pageSessionUrl(page!.baseUrl, path, options.query);
    if (!url) return { kind: 'error', error: appErrors.pageSessionAddressRefused(organization) };
    const resource = resourceOf(url.pathname);
    const requested = options.apiVersion === undefined ? resource.version : options.apiVersion;
    let version = requested && needsPreview.has(resource.resource) ? previewForm(requested) : requested;
    if (version) version = capApiVersion(version, newestAccepted);
    let result = await send<T>(url, version, options);
    // docs/azure-devops-rest.md#server-releases: a Server refuses a too-new version and names its newest; learn it, retry once.
    const latest = result.kind === 'error' && result.error.kind === 'server-version' ? result.error.details?.latestApiVersion : undefined;
    if (typeof latest === 'string' && version && compareApiVersions(latest, version) < 0) {
      newestAccepted = latest;
      version = capApiVersion(version, latest);
      result = await send<T>(url, version, options);
    }
    // docs/azure-devops-rest.md#resource-versions: a resource still under preview asks for `-preview`; add it once, and remember it.
    if (result.kind === 'error' && result.error.details?.typeKey === PREVIEW_REQUIRED && version && previewForm(version) !== version) {
      needsPreview.add(resource.resource);
      return send<T>(url, previewForm(version), options);
    }
    return result;
  }

  /** One request at `version`. */
  async function send<T>(url: URL, version: string | null, options: PageSessionRequest): Promise<PageSessionResult<T>> {
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = {
      Accept: version ? `application/json;api-version=${version}` : 'application/json',
      // A 401 instead of a sign-in page (docs/azure-devops-rest.md#versions-headers-errors).
      'X-TFS-FedAuthRedirect': 'Suppress',
      'X-VSS-ReauthenticationAction': 'Suppress',
    };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    let text: string;
    // The REST client's deadline: a stalled network ends in the offline sentence, not a dialog stuck on "Creating…".
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      ({ response, text } = await Promise.race([
        (async () => {
          const answer = await deps.fetch(url.href, {
            method,
            headers,
            body: options.body === undefined ? undefined : JSON.stringify(options.body),
            credentials: 'include',
            cache: 'no-store',
            // A redirect can only be to the sign-in page, on another host: see it instead of following it.
            redirect: 'manual',
            signal: controller.signal,
          });
          return { response: answer, text: await answer.text() };
        })(),
        // Also when the fetch does not heed the signal (a stalled body, a fetch of another world).
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(controller.abort()), deps.timeoutMs ?? DEFAULT_TIMEOUT_MS))),
      ]));
    } catch {
      return { kind: 'error', error: offlineError(url.href, { mayHaveRun: method !== 'GET', timedOut: controller.signal.aborted }).toValue() };
    } finally {
      clearTimeout(timer);
    }
    const { status } = response;
    if (response.type === 'opaqueredirect' || status === 401 || status === 203 || (status >= 300 && status < 400)) return { kind: 'signed-out' };
    const declaredJson = JSON_TYPE.test(response.headers.get('content-type') ?? '');
    const ok = status >= 200 && status < 300;
    if (ok && text.trim() === '') return { kind: 'ok', value: undefined as T };
    // docs/azure-devops-rest.md#versions-headers-errors: a success that is not JSON is the sign-in page.
    if (ok && (!declaredJson || text.trimStart().startsWith('<'))) return { kind: 'signed-out' };
    let body: unknown = text;
    try {
      if (declaredJson || /^[[{]/.test(text.trimStart())) body = JSON.parse(text) as unknown;
    } catch {
      if (ok) return { kind: 'error', error: unreadableAnswerError(url.href, status).toValue() };
    }
    if (ok) return { kind: 'ok', value: body as T, continuationToken: continuationTokenOf(response.headers) ?? undefined };
    return { kind: 'error', error: toAzureError({ status, body, headers: response.headers, url: url.href, organization }).toValue() };
  }

  async function currentUser(): Promise<PageSessionResult<PageUser>> {
    const known = page!.user;
    if (known?.id) return { kind: 'ok', value: { id: known.id, displayName: known.displayName, uniqueName: known.uniqueName } };
    const answer = await request<{ authenticatedUser?: { id?: string; providerDisplayName?: string; properties?: { Account?: { $value?: string } } } }>(
      '_apis/connectionData',
      { apiVersion: null },
    );
    if (answer.kind !== 'ok') return answer;
    const user = answer.value?.authenticatedUser;
    // An anonymous answer (public project, signed out) names no user that can act.
    if (!user?.id || !user.providerDisplayName) return { kind: 'signed-out' };
    return { kind: 'ok', value: { id: user.id, displayName: user.providerDisplayName, uniqueName: user.properties?.Account?.$value ?? '' } };
  }

  return { baseUrl: page.baseUrl, organization, request, currentUser, newestApiVersion: () => newestAccepted };
}

declare const content: { fetch?: typeof fetch } | undefined;

/**
 * The fetch that sends a request as the page itself would — the one place the browsers differ
 * (docs/page-session.md, docs/firefox.md). Chrome/Edge: the content script's own fetch already does
 * (the page's origin, its cookies and `Origin`). Firefox: the content script's fetch is the extension's
 * privileged one (cookies, but no `Origin` on a POST, and a relative URL throws); `content.fetch` is
 * the page's. Chosen by the build, not by sniffing globals a page could shadow.
 */
export function pageFetch(firefox: boolean = import.meta.env.FIREFOX): typeof fetch {
  if (firefox && typeof content !== 'undefined' && typeof content?.fetch === 'function') {
    const page = content as { fetch: typeof fetch };
    return (input, init) => page.fetch(input, init);
  }
  return (input, init) => globalThis.fetch(input, init);
}
