// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPageOrganization } from '@/lib/page-session/page-organization';
import { createPageSession, pageFetch } from '@/lib/page-session/page-session';
import { pageSessionUrl } from '@/lib/page-session/page-session-url';
import { pageSessionClient } from '@/lib/page-session/page-session-client';

const REPO = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';
const JANE = { id: 'user-jane', displayName: 'Jane Doe', uniqueName: 'jane@contoso.com' };

function pageDocument(data: Record<string, unknown> | null): Document {
  const script = data ? `<script id="dataProviders" type="application/json">${JSON.stringify({ data })}</script>` : '';
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${script}</body></html>`, 'text/html');
}

const signedIn = (suiteHomeUrl = '/contoso/', user: Record<string, unknown> | null = JANE) =>
  pageDocument({
    'ms.vss-web.page-data': user ? { user } : {},
    'ms.vss-tfs-web.header-action-data': { suiteHomeUrl },
  });

describe('lib/page-session/page-organization', () => {
  it('reads the organization root from suiteHomeUrl and the user from the page data', () => {
    expect(readPageOrganization(REPO, signedIn())).toEqual({ baseUrl: 'https://dev.azure.com/contoso/', user: { ...JANE } });
    expect(readPageOrganization('https://contoso.visualstudio.com/DefaultCollection/Mobile%20App/_git/ios-app', signedIn('/'))).toMatchObject({
      baseUrl: 'https://contoso.visualstudio.com/',
    });
    expect(readPageOrganization('https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/tools', signedIn('/tfs/DefaultCollection/'))).toMatchObject({
      baseUrl: 'https://tfs.contoso.test/tfs/DefaultCollection/',
    });
  });

  it('says signed out when the page data names no user, and takes a cloud organization from the URL without page data', () => {
    expect(readPageOrganization(REPO, signedIn('/contoso/', null))).toEqual({ baseUrl: 'https://dev.azure.com/contoso/', user: null });
    expect(readPageOrganization(REPO, pageDocument(null))).toEqual({ baseUrl: 'https://dev.azure.com/contoso/', user: null });
    expect(readPageOrganization('https://fabrikam.visualstudio.com/Web/_git/site', pageDocument(null))?.baseUrl).toBe('https://fabrikam.visualstudio.com/');
    expect(readPageOrganization('https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/tools', pageDocument(null))).toBeNull();
  });

  it('accepts a suiteHomeUrl given as an absolute URL of the page’s own origin', () => {
    expect(readPageOrganization(REPO, signedIn('https://dev.azure.com/contoso/'))).toEqual({ baseUrl: 'https://dev.azure.com/contoso/', user: { ...JANE } });
    expect(readPageOrganization('https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/tools', signedIn('https://tfs.contoso.test/tfs/DefaultCollection/'))).toMatchObject({
      baseUrl: 'https://tfs.contoso.test/tfs/DefaultCollection/',
    });
  });

  it.each([
    ['another organization', '/fabrikam/'],
    ['a protocol-relative host', '//evil.example/'],
    ['dot segments', '/contoso/../fabrikam/'],
    ['encoded dot segments', '/contoso/%2e%2e/'],
    ['no trailing slash', '/contoso'],
    ['the host root on dev.azure.com', '/'],
    ['another origin, absolute', 'https://evil.example/contoso/'],
    ['another organization, absolute', 'https://dev.azure.com/fabrikam/'],
    ['plain http, absolute', 'http://dev.azure.com/contoso/'],
    ['user info, absolute', 'https://x@dev.azure.com/contoso/'],
    ['a query, absolute', 'https://dev.azure.com/contoso/?x'],
  ])('refuses a suiteHomeUrl naming %s', (_what, suiteHomeUrl) => {
    expect(readPageOrganization(REPO, signedIn(suiteHomeUrl))).toBeNull();
  });
});

describe('lib/page-session/page-session-url', () => {
  const BASE = 'https://dev.azure.com/contoso/';

  it.each([
    ['_apis/connectionData', 'https://dev.azure.com/contoso/_apis/connectionData'],
    ['Mobile%20App/_apis/git/repositories/ios-app/pullrequests', 'https://dev.azure.com/contoso/Mobile%20App/_apis/git/repositories/ios-app/pullrequests'],
    ['_apis/IdentityPicker/Identities', 'https://dev.azure.com/contoso/_apis/IdentityPicker/Identities'],
  ])('builds %s under the organization', (path, expected) => {
    expect(pageSessionUrl(BASE, path)?.href).toBe(expected);
  });

  it('adds the query', () => {
    expect(pageSessionUrl(BASE, '_apis/git/repositories', { top: 5, skip: undefined, 'searchCriteria.status': 'active' })?.href).toBe(
      'https://dev.azure.com/contoso/_apis/git/repositories?top=5&searchCriteria.status=active',
    );
  });

  it.each([
    'https://evil.example/_apis/connectionData',
    '//evil.example/_apis/connectionData',
    '/fabrikam/_apis/connectionData',
    '../fabrikam/_apis/connectionData',
    '_apis/../../fabrikam/_apis/connectionData',
    '%2e%2e/fabrikam/_apis/connectionData',
    'Project/%2e%2e/_apis/x',
    'a%2f..%2f..%2ffabrikam/_apis/x',
    '..\\fabrikam/_apis/connectionData',
    '_apis/x?api-version=1.0',
    '_apis/x#frag',
    'javascript:alert(1)',
    'Mobile%20App/_git/ios-app',
    'Mobile%20App/Team/_apis/x',
    '_apis',
    '_apis//connectionData',
    '',
    '_apis/.\t./_settings/x',
    '_apis/.\n./.\r./_settings/x',
    'Mobile%20App/.\t./_settings/_apis',
    '_apis/git%09/x',
    '_apis/git\u007f/x',
  ])('refuses %j', (path) => {
    expect(pageSessionUrl(BASE, path)).toBeNull();
  });

  it('refuses a base that is no organization root', () => {
    expect(pageSessionUrl('https://dev.azure.com/contoso', '_apis/connectionData')).toBeNull();
    expect(pageSessionUrl('chrome-extension://abc/', '_apis/connectionData')).toBeNull();
  });
});

describe('lib/page-session/page-session', () => {
  afterEach(() => vi.unstubAllGlobals());

  function sessionWith(answer: () => Response | Promise<Response>, document = signedIn()) {
    const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => answer());
    const session = createPageSession({ href: REPO, document, fetch: fetch as unknown as typeof globalThis.fetch })!;
    return { session, fetch };
  }
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });

  it('sends same-origin with the page’s cookies, the REST client’s headers and no Authorization', async () => {
    const { session, fetch } = sessionWith(() => json(200, { count: 0, value: [] }));
    const result = await session.request('Mobile%20App/_apis/git/repositories/ios-app/pullrequests', {
      method: 'POST',
      body: { title: 'x' },
      apiVersion: '7.1',
    });
    expect(result).toEqual({ kind: 'ok', value: { count: 0, value: [] } });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://dev.azure.com/contoso/Mobile%20App/_apis/git/repositories/ios-app/pullrequests');
    expect(init).toMatchObject({ method: 'POST', credentials: 'include', redirect: 'manual', body: '{"title":"x"}' });
    expect(init!.headers).toEqual({
      Accept: 'application/json;api-version=7.1',
      'Content-Type': 'application/json',
      'X-TFS-FedAuthRedirect': 'Suppress',
      'X-VSS-ReauthenticationAction': 'Suppress',
    });
  });

  it('hands on the next page’s token from x-ms-continuationtoken, through the RestClient over it too', async () => {
    const page = (token?: string) =>
      new Response(JSON.stringify({ count: 1, value: [{ name: 'refs/heads/main' }] }), {
        status: 200,
        headers: { 'Content-Type': 'application/json', ...(token ? { 'x-ms-continuationtoken': token } : {}) },
      });
    const refs = 'Mobile%20App/_apis/git/repositories/ios-app/refs';
    expect(await sessionWith(() => page('cmVmczptYWlu')).session.request(refs)).toMatchObject({ kind: 'ok', continuationToken: 'cmVmczptYWlu' });
    expect(await sessionWith(() => page()).session.request(refs)).toEqual({ kind: 'ok', value: { count: 1, value: [{ name: 'refs/heads/main' }] } });
    const client = pageSessionClient(sessionWith(() => page('next')).session);
    expect(await client.requestPage({ url: `https://dev.azure.com/contoso/${refs}` })).toEqual({
      value: { count: 1, value: [{ name: 'refs/heads/main' }] },
      continuationToken: 'next',
    });
  });

  it('refuses another organization or origin without sending anything', async () => {
    const { session, fetch } = sessionWith(() => json(200, {}));
    for (const path of ['https://evil.example/_apis/x', '../fabrikam/_apis/connectionData']) {
      const result = await session.request(path);
      expect(result).toMatchObject({ kind: 'error', error: { kind: 'internal' } });
      if (result.kind === 'error') expect(result.error.message).toContain('it only calls contoso, the organization of this page');
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    ['401', () => json(401, { message: 'TF400813: not authorized', typeKey: 'UnauthorizedRequestException' })],
    ['203 + sign-in page', () => new Response('<html>Sign in</html>', { status: 203, headers: { 'Content-Type': 'text/html' } })],
    ['200 + HTML', () => new Response('<!DOCTYPE html><html></html>', { status: 200, headers: { 'Content-Type': 'text/html' } })],
    ['a redirect', () => Response.redirect('https://app.vssps.visualstudio.com/_signin', 302)],
  ])('reports signed-out on %s', async (_what, answer) => {
    const { session } = sessionWith(answer);
    expect(await session.request('_apis/connectionData')).toEqual({ kind: 'signed-out' });
  });

  it('explains other failures with the REST client’s sentences', async () => {
    const { session } = sessionWith(() =>
      json(409, { message: 'TF401179: An active pull request for the source and target branch already exists.', typeKey: 'GitPullRequestExistsException' }),
    );
    expect(await session.request('Mobile%20App/_apis/git/repositories/ios-app/pullrequests', { method: 'POST', body: {} })).toEqual({
      kind: 'error',
      error: expect.objectContaining({ kind: 'conflict', message: 'An active pull request for these source and target branches already exists. Open it instead.' }),
    });
    const offline = sessionWith(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await offline.session.request('_apis/connectionData')).toMatchObject({ kind: 'error', error: { kind: 'offline' } });
  });

  it("sends each resource's documented version, and adds -preview once when the service holds one under preview", async () => {
    const underPreview = { typeKey: 'VssInvalidPreviewVersionException', message: 'The requested version "7.1" of the resource is under preview.' };
    const { session, fetch } = sessionWith(() => json(200, { value: [] }));
    await session.request('_apis/wit/workitems', { query: { ids: 1 } });
    fetch.mockImplementationOnce(async () => json(400, underPreview));
    expect(await session.request('Mobile%20App/_apis/git/repositories/ios-app/refs', { apiVersion: '7.1' })).toEqual({ kind: 'ok', value: { value: [] } });
    await session.request('Mobile%20App/_apis/git/repositories/ios-app/refs', { apiVersion: '7.1' });
    const accepts = fetch.mock.calls.map(([, init]) => (init!.headers as Record<string, string>).Accept);
    expect(accepts).toEqual([
      'application/json;api-version=7.1-preview.3',
      'application/json;api-version=7.1',
      'application/json;api-version=7.1-preview',
      'application/json;api-version=7.1-preview',
    ]);

    const refusing = sessionWith(() => json(400, underPreview));
    expect(await refusing.session.request('_apis/wit/workitems', { apiVersion: '7.1' })).toMatchObject({ kind: 'error' });
    expect(refusing.fetch).toHaveBeenCalledTimes(2);
  });

  it('on an Azure DevOps Server, learns the newest api-version it accepts from its refusal and sends that from then on', async () => {
    const SERVER_REPO = 'https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app';
    const outOfRange = {
      typeKey: 'VssVersionOutOfRangeException',
      message: 'VS800071: The requested REST API version of 7.1 is out of range for this server. The latest REST API version this server supports is 6.0.',
    };
    const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) =>
      (init!.headers as Record<string, string>).Accept!.includes('api-version=7.1') ? json(400, outOfRange) : json(200, { value: [] }),
    );
    const session = createPageSession({ href: SERVER_REPO, document: signedIn('/tfs/DefaultCollection/'), fetch: fetch as unknown as typeof globalThis.fetch })!;
    expect(await session.request('Legacy/_apis/git/repositories/legacy-app/refs')).toEqual({ kind: 'ok', value: { value: [] } });
    expect(await session.request('_apis/wit/workitems', { query: { ids: 1 } })).toEqual({ kind: 'ok', value: { value: [] } });
    expect(fetch.mock.calls.map(([url, init]) => [String(url).split('?')[0], (init!.headers as Record<string, string>).Accept])).toEqual([
      ['https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_apis/git/repositories/legacy-app/refs', 'application/json;api-version=7.1'],
      ['https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_apis/git/repositories/legacy-app/refs', 'application/json;api-version=6.0'],
      // Learned once for the collection: the preview resource keeps its suffix.
      ['https://tfs.contoso.test/tfs/DefaultCollection/_apis/wit/workitems', 'application/json;api-version=6.0-preview.3'],
    ]);
  });

  it('gives up on a stalled request at the deadline: offline, and a POST may have gone through', async () => {
    const signals: AbortSignal[] = [];
    const stalled = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
      signals.push(init!.signal!);
      return new Promise<Response>(() => {});
    });
    const session = createPageSession({ href: REPO, document: signedIn(), fetch: stalled as unknown as typeof globalThis.fetch, timeoutMs: 10 })!;
    const read = await session.request('_apis/connectionData', { apiVersion: null });
    expect(read).toEqual({
      kind: 'error',
      error: expect.objectContaining({ kind: 'offline', message: 'dev.azure.com did not answer in time. Check your network connection and try again.' }),
    });
    const created = await session.request('Mobile%20App/_apis/git/repositories/ios-app/pullrequests', { method: 'POST', body: {} });
    expect(created).toEqual({
      kind: 'error',
      error: expect.objectContaining({
        kind: 'offline',
        message: 'dev.azure.com did not answer in time. Check your network connection, then check on Azure DevOps whether the change was made before trying again.',
      }),
    });
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
  });

  it('gives up on an answer whose body stalls, too', async () => {
    const session = createPageSession({
      href: REPO,
      document: signedIn(),
      fetch: (async () => new Response(new ReadableStream({ start() {} }), { status: 200, headers: { 'Content-Type': 'application/json' } })) as typeof globalThis.fetch,
      timeoutMs: 10,
    })!;
    expect(await session.request('_apis/connectionData', { apiVersion: null })).toMatchObject({ kind: 'error', error: { kind: 'offline' } });
  });

  it('takes the current user from the page data, else from connectionData', async () => {
    const fromPage = sessionWith(() => json(500, {}));
    expect(await fromPage.session.currentUser()).toEqual({ kind: 'ok', value: JANE });
    expect(fromPage.fetch).not.toHaveBeenCalled();

    const noId = sessionWith(
      () => json(200, { authenticatedUser: { id: 'user-sam', providerDisplayName: 'Sam Lee', properties: { Account: { $value: 'sam@contoso.com' } } } }),
      signedIn('/contoso/', { displayName: 'Sam Lee', uniqueName: 'sam@contoso.com' }),
    );
    expect(await noId.session.currentUser()).toEqual({ kind: 'ok', value: { id: 'user-sam', displayName: 'Sam Lee', uniqueName: 'sam@contoso.com' } });
    expect(noId.fetch.mock.calls[0]![0]).toBe('https://dev.azure.com/contoso/_apis/connectionData');
    expect((noId.fetch.mock.calls[0]![1]!.headers as Record<string, string>).Accept).toBe('application/json');

    const anonymous = sessionWith(() => json(200, { authenticatedUser: { id: 'aaaa', providerDisplayName: '' } }), signedIn('/contoso/', null));
    expect(await anonymous.session.currentUser()).toEqual({ kind: 'signed-out' });
  });

  it('uses Firefox’s content.fetch there, and the content script’s own fetch elsewhere', async () => {
    const own = vi.fn(async () => new Response('own'));
    const pages = vi.fn(async () => new Response('page'));
    vi.stubGlobal('fetch', own);
    vi.stubGlobal('content', { fetch: pages });
    expect(await (await pageFetch(true)('https://dev.azure.com/contoso/')).text()).toBe('page');
    expect(await (await pageFetch(false)('https://dev.azure.com/contoso/')).text()).toBe('own');
  });
});
