// @vitest-environment node
/**
 * The REST client against the fake Azure DevOps (tests/fake-ado), over real HTTPS. `fetch` is the
 * fake's network (every host name lands on it, as Chromium's --host-resolver-rules do in E2E), so
 * URLs are the real ones: https://dev.azure.com/contoso/…; one test uses Node's own fetch.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { createRestClient, type Credential, type RestClientOptions } from '@/lib/azure/rest-client';
import { startFakeAdo, type FakeAdo } from '../../../fake-ado/server';
import { basic } from '../../../fake-ado/fixtures/basic';
import { ADO_SCOPE, fakeFetch, signIn as contractSignIn, tokenRequest as contractTokenRequest } from '../../../contract/helpers';

let fake: FakeAdo;
beforeAll(async () => {
  fake = await startFakeAdo({ port: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

const CONTOSO = 'https://dev.azure.com/contoso';
const REPOS = `${CONTOSO}/_apis/git/repositories`;

/** fetch() whose network is the fake: connects to it whatever the host, keeps Host and SNI. */
function fakeNetwork(captured?: { url: string; method: string; headers: Record<string, string>; body?: string }[]): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = typeof init?.body === 'string' ? init.body : undefined;
    captured?.push({ url, method: init?.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) });
    return fakeFetch(fake, url, { method: init?.method, headers, body });
  };
}

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

const pat = (token: string): Credential => ({ kind: 'pat', token });

function client(credential: Credential, extra: Partial<RestClientOptions> = {}) {
  return createRestClient({ getCredential: async () => credential, fetch: fakeNetwork(), sleep: recordingSleep().sleep, ...extra });
}

/** Every secret a thrown value must never carry: the tokens and their Basic encodings. */
const secrets = new Set<string>();
for (const token of Object.values(basic.pats)) {
  secrets.add(token);
  secrets.add(Buffer.from(`:${token}`).toString('base64'));
}

/** Entra sign-in and refresh through the fake; the tokens join the secrets checked in every error. */
async function signIn(...args: Parameters<typeof contractSignIn>) {
  const token = await contractSignIn(...args);
  for (const secret of [token.access_token, token.refresh_token]) if (secret) secrets.add(secret);
  return token;
}
async function tokenRequest(...args: Parameters<typeof contractTokenRequest>) {
  const answer = await contractTokenRequest(...args);
  for (const secret of [answer.body.access_token, answer.body.refresh_token]) if (secret) secrets.add(secret);
  return answer;
}

/** Awaits a rejection, checks it is an AppError and carries no token anywhere. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected the call to fail').toBeInstanceOf(AppError);
  const error = caught as AppError;
  const everything = [error.message, String(error), error.stack ?? '', JSON.stringify(error.toValue()), JSON.stringify(error)].join('\n');
  for (const secret of secrets) expect(everything.includes(secret), 'a token leaked into an error').toBe(false);
  expect(error.message).not.toMatch(/^Error\b/);
  return error;
}

describe('rest-client', () => {
  describe('requests', () => {
    it('pages a list with the token the answer carries in x-ms-continuationtoken, and none after the last page', async () => {
      const api = client(pat(basic.pats.janeContoso));
      const refs = `${CONTOSO}/Platform/_apis/git/repositories/${basic.repos.webPortal.id}/refs`;
      const first = await api.requestPage<{ value: { name: string }[] }>({ url: refs, query: { filter: 'heads/', $top: 3 } });
      expect(first.value.value.map((r) => r.name)).toEqual(['refs/heads/develop', 'refs/heads/feature/1234-login', 'refs/heads/feature/dark-mode']);
      expect(first.continuationToken).toEqual(expect.any(String));
      const last = await api.requestPage<{ value: { name: string }[] }>({ url: refs, query: { filter: 'heads/', $top: 3, continuationToken: first.continuationToken! } });
      expect(last).toEqual({ value: expect.objectContaining({ value: [expect.objectContaining({ name: 'refs/heads/main' })] }), continuationToken: null });
    });

    it('sends the documented headers and api-version, and returns the JSON', async () => {
      const captured: Parameters<typeof fakeNetwork>[0] = [];
      const api = client(pat(basic.pats.janeContoso), { fetch: fakeNetwork(captured) });
      const repos = await api.request<{ count: number; value: { name: string }[] }>({ url: REPOS, query: { includeHidden: true, skip: undefined } });
      expect(repos.value.map((r) => r.name)).toContain('web-portal');

      expect(captured).toHaveLength(1);
      const [sent] = captured;
      expect(new URL(sent!.url).searchParams.get('api-version')).toBe('7.1');
      expect(new URL(sent!.url).searchParams.get('includeHidden')).toBe('true');
      expect(new URL(sent!.url).searchParams.has('skip')).toBe(false);
      expect(sent!.headers).toMatchObject({
        accept: 'application/json',
        authorization: `Basic ${Buffer.from(`:${basic.pats.janeContoso}`).toString('base64')}`,
        'x-tfs-fedauthredirect': 'Suppress',
        'x-vss-reauthenticationaction': 'Suppress',
      });
      expect(sent!.headers['content-type']).toBeUndefined();
    });

    it('sends a JSON body with its content type, and Bearer tokens as Bearer', async () => {
      const token = await signIn(fake, basic.tenants.contoso, 'Jane Doe');
      const captured: Parameters<typeof fakeNetwork>[0] = [];
      const api = client({ kind: 'bearer', token: token.access_token }, { fetch: fakeNetwork(captured) });
      const found = await api.request<{ results: { identities: { displayName: string }[] }[] }>({
        method: 'POST',
        url: `${CONTOSO}/_apis/IdentityPicker/Identities`,
        apiVersion: '7.1-preview.1',
        body: { query: 'sam', identityTypes: ['user'], operationScopes: ['ims'] },
      });
      expect(found.results[0]!.identities.map((i) => i.displayName)).toEqual(['Sam Lee']);
      expect(captured[0]!.headers).toMatchObject({ authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' });
      expect(JSON.parse(captured[0]!.body!)).toMatchObject({ query: 'sam' });
      expect(new URL(captured[0]!.url).searchParams.get('api-version')).toBe('7.1-preview.1');
    });

    it('sends the content type the caller names (json-patch for work items)', async () => {
      const api = client(pat(basic.pats.janeContoso));
      const item = await api.request<{ fields: Record<string, unknown> }>({
        method: 'PATCH',
        url: `${CONTOSO}/_apis/wit/workitems/${basic.workItems.login}`,
        contentType: 'application/json-patch+json',
        body: [{ op: 'add', path: '/fields/System.Title', value: 'Login, renamed' }],
      });
      expect(item.fields['System.Title']).toBe('Login, renamed');
    });

    it('uses the global fetch when none is injected', async () => {
      const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // the fake's certificate is self-signed
      try {
        const api = createRestClient({ getCredential: async () => pat(basic.pats.janeContoso) });
        const repos = await api.request<{ count: number }>({ url: `${fake.origin}/contoso/_apis/git/repositories` });
        expect(repos.count).toBeGreaterThan(0);
      } finally {
        if (previous === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
        else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous;
      }
    });

    it('asks for the credential on every request', async () => {
      let calls = 0;
      const api = createRestClient({ getCredential: async () => (calls++, pat(basic.pats.janeContoso)), fetch: fakeNetwork() });
      await api.request({ url: REPOS });
      await api.request({ url: REPOS });
      expect(calls).toBe(2);
    });

    it('drops the org@ userinfo of a remote URL and returns undefined for 204', async () => {
      const api = client(pat(basic.pats.janeContoso));
      const repos = await api.request<{ count: number }>({ url: 'https://contoso@dev.azure.com/contoso/_apis/git/repositories' });
      expect(repos.count).toBeGreaterThan(0);
      // DELETE of a reviewer answers 204 No Content.
      const reviewer = `${CONTOSO}/Platform/_apis/git/repositories/${basic.repos.webPortal.id}/pullRequests/${basic.pullRequests.login}/reviewers/${basic.users.priya.id}`;
      await expect(api.request({ method: 'DELETE', url: reviewer })).resolves.toBeUndefined();
    });

    it('encodes a PAT as UTF-8 before base64 (no exception on non-Latin-1 characters)', async () => {
      const error = await failure(client(pat('tökén-✓-'.repeat(6))).request({ url: REPOS }));
      expect(error.kind).toBe('auth-invalid');
    });
  });

  describe('authentication failures', () => {
    it('rejects a wrong PAT and a PAT of another organization as auth-invalid', async () => {
      for (const token of ['x'.repeat(52), basic.pats.janeFabrikam]) {
        const error = await failure(client(pat(token)).request({ url: REPOS }));
        expect(error.kind).toBe('auth-invalid');
        expect(error.message).toBe(
          'Azure DevOps did not accept the Personal Access Token for contoso. It may be mistyped, revoked, or made for another organization. Create a new one and connect again.',
        );
      }
    });

    it('says the PAT expired', async () => {
      const error = await failure(client(pat(basic.pats.expired)).request({ url: REPOS }));
      expect(error.kind).toBe('auth-expired');
      expect(error.message).toBe('Your Personal Access Token for contoso has expired. Create a new one and connect again.');

      fake.control.expirePat(basic.pats.janeContoso);
      expect((await failure(client(pat(basic.pats.janeContoso)).request({ url: REPOS }))).kind).toBe('auth-expired');
    });

    it('reports the missing scope of a Code (Read) PAT, naming it when the caller says which', async () => {
      const api = client(pat(basic.pats.codeRead));
      await expect(api.request({ url: REPOS })).resolves.toBeTruthy();
      const error = await failure(
        api.request({
          method: 'POST',
          url: REPOS,
          body: { name: 'new-repo', project: { id: basic.projects.platform.id } },
          context: { requiredScope: 'vso.code_manage' },
        }),
      );
      expect(error.kind).toBe('auth-missing-scope');
      expect(error.message).toContain('“Code: Read, write & manage”');
      expect(fake.control.summary().organizations.find((o) => o.name === 'contoso')!.repositories).toBe(
        basic.fixture.organizations.find((o) => o.name === 'contoso')!.projects.reduce((n, p) => n + p.repositories.length, 0),
      );
    });

    it('treats a 203 sign-in page as an authentication failure', async () => {
      fake.control.setFailures({ signInPage: true });
      const error = await failure(client(pat(basic.pats.janeContoso)).request({ url: REPOS }));
      expect(error.kind).toBe('auth-invalid');
      expect(error.message).toMatch(/^Azure DevOps answered with a sign-in page/);
      expect(fake.control.requests({ pathIncludes: '/_apis/git/repositories' }).map((r) => r.status)).toEqual([203]);
    });

    it('maps an org whose OAuth policy is off, and a foreign tenant, to oauth-blocked-by-policy', async () => {
      const token = await signIn(fake, basic.tenants.contoso, 'Jane Doe');
      const api = client({ kind: 'bearer', token: token.access_token });
      const policy = await failure(api.request({ url: 'https://dev.azure.com/fabrikam/_apis/git/repositories' }));
      expect(policy.kind).toBe('oauth-blocked-by-policy');
      expect(policy.message).toContain('Third-party application access via OAuth');
      const tenant = await failure(api.request({ url: 'https://dev.azure.com/adatum/_apis/git/repositories' }));
      expect(tenant.kind).toBe('oauth-blocked-by-policy');
      expect(tenant.message).toMatch(/different Microsoft Entra directory/);
      for (const e of [policy, tenant]) expect(JSON.stringify(e.toValue())).not.toContain(token.access_token);
    });

    it('refreshes an OAuth token once on 401 and retries', async () => {
      const first = await signIn(fake, basic.tenants.contoso, 'Jane Doe');
      let refreshes = 0;
      const api = client(
        { kind: 'bearer', token: first.access_token },
        {
          onUnauthorized: async () => {
            refreshes++;
            const next = await tokenRequest(fake, basic.tenants.contoso, { grant_type: 'refresh_token', refresh_token: first.refresh_token!, scope: ADO_SCOPE });
            return { kind: 'bearer', token: next.body.access_token };
          },
        },
      );
      fake.control.expireAccessTokens();
      await expect(api.request({ url: REPOS })).resolves.toMatchObject({ count: expect.any(Number) });
      expect(refreshes).toBe(1);
      expect(fake.control.requests({ pathIncludes: '/_apis/git/repositories' }).map((r) => r.status)).toEqual([401, 200]);
    });

    it('gives up when the refresh gives nothing, and refreshes only once per request', async () => {
      const first = await signIn(fake, basic.tenants.contoso, 'Jane Doe');
      fake.control.expireAccessTokens();
      let refreshes = 0;
      const none = client({ kind: 'bearer', token: first.access_token }, { onUnauthorized: async () => (refreshes++, null) });
      const error = await failure(none.request({ url: REPOS }));
      expect(['auth-invalid', 'auth-expired']).toContain(error.kind);
      expect(refreshes).toBe(1);

      // A refresh that yields another dead token: one retry, then the error.
      refreshes = 0;
      const stale = client({ kind: 'bearer', token: first.access_token }, { onUnauthorized: async () => (refreshes++, { kind: 'bearer', token: first.access_token }) });
      await failure(stale.request({ url: REPOS }));
      expect(refreshes).toBe(1);
    });
  });

  describe('throttling (docs/azure-devops-rest.md#throttling)', () => {
    it('waits Retry-After on 429 and then succeeds', async () => {
      fake.control.setFailures({ throttle: { count: 2, retryAfterSeconds: 7 } });
      const { waits, sleep } = recordingSleep();
      const repos = await client(pat(basic.pats.janeContoso), { sleep }).request<{ count: number }>({ url: REPOS });
      expect(repos.count).toBeGreaterThan(0);
      expect(waits).toEqual([7000, 7000]);
      expect(fake.control.requests({ pathIncludes: '/_apis/git/repositories' }).map((r) => r.status)).toEqual([429, 429, 200]);
    });

    it('retries a throttled POST too (a blocked request did not run)', async () => {
      fake.control.setFailures({ throttle: { count: 1, retryAfterSeconds: 2 } });
      const { waits, sleep } = recordingSleep();
      const api = client(pat(basic.pats.janeContoso), { sleep });
      await api.request({ method: 'POST', url: `${CONTOSO}/_apis/IdentityPicker/Identities`, apiVersion: '7.1-preview.1', body: { query: 'ja' } });
      expect(waits).toEqual([2000]);
    });

    it('gives up after maxRetries with a throttled error carrying the seconds', async () => {
      fake.control.setFailures({ throttle: { count: 10, retryAfterSeconds: 5 } });
      const { waits, sleep } = recordingSleep();
      const error = await failure(client(pat(basic.pats.janeContoso), { sleep }).request({ url: REPOS }));
      expect(error.kind).toBe('throttled');
      expect(error.message).toBe('Azure DevOps is limiting requests (TF400733). Try again in 5 seconds.');
      expect(error.details?.retryAfterSeconds).toBe(5);
      expect(waits).toEqual([5000, 5000, 5000]);
      expect(fake.control.requests({ pathIncludes: '/_apis/git/repositories' })).toHaveLength(4);
    });

    it('does not wait for a Retry-After longer than maxRetryAfterSeconds', async () => {
      fake.control.setFailures({ throttle: { count: 1, retryAfterSeconds: 120 } });
      const { waits, sleep } = recordingSleep();
      const error = await failure(client(pat(basic.pats.janeContoso), { sleep }).request({ url: REPOS }));
      expect(error.kind).toBe('throttled');
      expect(error.details?.retryAfterSeconds).toBe(120);
      expect(error.message).toMatch(/Try again in 120 seconds\.$/);
      expect(waits).toEqual([]);
    });

    it('honours maxRetries', async () => {
      fake.control.setFailures({ throttle: { count: 10, retryAfterSeconds: 1 } });
      const { waits, sleep } = recordingSleep();
      await failure(client(pat(basic.pats.janeContoso), { sleep, maxRetries: 1 }).request({ url: REPOS }));
      expect(waits).toEqual([1000]);
      expect(fake.control.requests({ pathIncludes: '/_apis/git/repositories' })).toHaveLength(2);
    });
  });

  describe('network failures', () => {
    it('retries a GET with backoff, then reports offline', async () => {
      fake.control.setFailures({ offline: true });
      const { waits, sleep } = recordingSleep();
      const error = await failure(client(pat(basic.pats.janeContoso), { sleep }).request({ url: REPOS }));
      expect(error.kind).toBe('offline');
      expect(error.message).toBe("Can't reach dev.azure.com. Check your network connection and try again.");
      expect(fake.control.requests({ pathIncludes: '/_apis/git/repositories' }).map((r) => r.status)).toEqual([0, 0, 0, 0]);
      expect(waits).toHaveLength(3);
      [1000, 2000, 4000].forEach((base, i) => {
        expect(waits[i]).toBeGreaterThanOrEqual(base);
        expect(waits[i]).toBeLessThanOrEqual(base * 1.2);
      });
    });

    it('does not retry a POST, and says the change may have been made', async () => {
      fake.control.setFailures({ offline: true });
      const { waits, sleep } = recordingSleep();
      const error = await failure(
        client(pat(basic.pats.janeContoso), { sleep }).request({ method: 'POST', url: REPOS, body: { name: 'x', project: { id: basic.projects.platform.id } } }),
      );
      expect(error.kind).toBe('offline');
      expect(error.message).toMatch(/^Can't reach dev\.azure\.com\. .*whether the change was made/);
      expect(fake.control.requests({ pathIncludes: '/_apis/git/repositories' })).toHaveLength(1);
      expect(waits).toEqual([]);
    });

    it('recovers when the network comes back during the retries', async () => {
      fake.control.setFailures({ offline: true });
      const sleep = async () => fake.control.setFailures({ offline: false });
      await expect(client(pat(basic.pats.janeContoso), { sleep }).request({ url: REPOS })).resolves.toBeTruthy();
    });

    it('turns a timeout into offline', async () => {
      fake.control.setFailures({ latencyMs: 500 });
      const error = await failure(client(pat(basic.pats.janeContoso), { fetch: (input, init) => fetchWithSignal(input, init), timeoutMs: 50, maxRetries: 0 }).request({ url: REPOS }));
      expect(error.kind).toBe('offline');
      expect(error.message).toMatch(/^dev\.azure\.com did not answer in time\./);
      // The fake still answers, 500 ms on: wait for it, or it lands in the next test's request log.
      await vi.waitFor(() => expect(fake.control.requests({ pathIncludes: '/_apis/git/repositories' })).toHaveLength(1), { timeout: 5_000 });
    });
  });

  describe('answers in between (a proxy in front of the fake)', () => {
    /** The fake's network, with the first answers replaced by `answers`. */
    function through(...answers: (() => Response)[]): { fetch: typeof fetch; calls: () => number } {
      const network = fakeNetwork();
      let calls = 0;
      return {
        fetch: async (input, init) => {
          const next = answers[calls++];
          return next ? next() : network(input, init);
        },
        calls: () => calls,
      };
    }
    const unavailable = (status: number) => () => new Response('<html>Service Unavailable</html>', { status, headers: { 'Content-Type': 'text/html' } });

    it('retries 502/503/504 for GET, then succeeds', async () => {
      const { waits, sleep } = recordingSleep();
      const proxy = through(unavailable(503), unavailable(502), unavailable(504));
      await expect(client(pat(basic.pats.janeContoso), { fetch: proxy.fetch, sleep }).request({ url: REPOS })).resolves.toBeTruthy();
      expect(proxy.calls()).toBe(4);
      expect(waits).toHaveLength(3);
    });

    it('does not retry a 503 for POST or PATCH, and explains it', async () => {
      for (const method of ['POST', 'PATCH'] as const) {
        const { waits, sleep } = recordingSleep();
        const proxy = through(unavailable(503));
        const error = await failure(client(pat(basic.pats.janeContoso), { fetch: proxy.fetch, sleep }).request({ method, url: REPOS, body: {} }));
        expect(error.kind).toBe('internal');
        expect(error.message).toBe('Azure DevOps had a problem (HTTP 503). Try again in a moment.');
        expect(proxy.calls()).toBe(1);
        expect(waits).toEqual([]);
      }
    });

    it('reports a 5xx that stays after the retries as internal', async () => {
      const proxy = through(unavailable(503), unavailable(503), unavailable(503), unavailable(503));
      const error = await failure(client(pat(basic.pats.janeContoso), { fetch: proxy.fetch }).request({ url: REPOS }));
      expect(error.kind).toBe('internal');
      expect(proxy.calls()).toBe(4);
    });

    it('treats a 200 HTML page, or a 200 that is not JSON, as a sign-in page', async () => {
      for (const answer of [
        () => new Response('<!DOCTYPE html><html>Sign in</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
        () => new Response('<html>Sign in</html>', { status: 200, headers: { 'Content-Type': 'application/json' } }),
        () => new Response('Please sign in', { status: 200, headers: { 'Content-Type': 'text/plain' } }),
      ]) {
        const error = await failure(client(pat(basic.pats.janeContoso), { fetch: through(answer).fetch }).request({ url: REPOS }));
        expect(error.kind).toBe('auth-invalid');
        expect(error.message).toMatch(/^Azure DevOps answered with a sign-in page/);
      }
    });

    it('returns undefined for an empty 200, and reports JSON it cannot read', async () => {
      const empty = () => new Response('', { status: 200, headers: { 'Content-Type': 'application/json' } });
      await expect(client(pat(basic.pats.janeContoso), { fetch: through(empty).fetch }).request({ url: REPOS })).resolves.toBeUndefined();
      const broken = () => new Response('{"count": 1, "val', { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
      const error = await failure(client(pat(basic.pats.janeContoso), { fetch: through(broken).fetch }).request({ url: REPOS }));
      expect(error.kind).toBe('internal');
      expect(error.message).toBe('dev.azure.com sent an answer ADO Companion could not read (HTTP 200). Try again in a moment.');
    });

    it('takes Retry-After on a served answer as a hint only: no wait', async () => {
      const network = fakeNetwork();
      const delayed: typeof fetch = async (input, init) => {
        const answer = await network(input, init);
        const headers = new Headers(answer.headers);
        headers.set('Retry-After', '3');
        return new Response(await answer.text(), { status: answer.status, headers });
      };
      const { waits, sleep } = recordingSleep();
      const hints: { retryAfterSeconds: number; url: string }[] = [];
      const api = client(pat(basic.pats.janeContoso), { fetch: delayed, sleep, onRateLimitHint: (hint) => hints.push(hint) });
      await expect(api.request({ url: REPOS })).resolves.toBeTruthy();
      expect(waits).toEqual([]);
      expect(hints).toEqual([{ retryAfterSeconds: 3, url: REPOS }]);
    });

    it('cuts a token out of an error even if an answer echoes it', async () => {
      const token = basic.pats.janeContoso;
      const echo = () =>
        new Response(JSON.stringify({ message: `The token ${token} (${Buffer.from(`:${token}`).toString('base64')}) is not valid here.`, typeKey: 'InvalidArgumentValueException' }), {
          status: 400,
          headers: { 'Content-Type': 'application/json' },
        });
      const error = await failure(client(pat(token), { fetch: through(echo).fetch }).request({ url: REPOS }));
      expect(error.kind).toBe('invalid-input');
      expect(error.message).toContain('[redacted]');
    });
  });

  describe('Azure DevOps errors', () => {
    const api = () => client(pat(basic.pats.janeContoso));

    it('maps a missing repository to not-found (TF401019)', async () => {
      const error = await failure(api().request({ url: `${CONTOSO}/Platform/_apis/git/repositories/no-such-repo` }));
      expect(error.kind).toBe('not-found');
      expect(error.details).toMatchObject({ code: 'TF401019', status: 404 });
    });

    it('takes an unknown organization for a refused credential, as Azure DevOps answers it (the session tells them apart)', async () => {
      const error = await failure(api().request({ url: 'https://dev.azure.com/nosuchorg/_apis/git/repositories' }));
      expect(error.kind).toBe('auth-invalid');
    });

    it('maps a duplicate pull request to conflict (TF401179)', async () => {
      const error = await failure(
        api().request({
          method: 'POST',
          url: `${CONTOSO}/Platform/_apis/git/repositories/${basic.repos.webPortal.id}/pullrequests`,
          body: { sourceRefName: 'refs/heads/feature/1234-login', targetRefName: 'refs/heads/main', title: 'again' },
        }),
      );
      expect(error.kind).toBe('conflict');
      expect(error.details).toMatchObject({ code: 'TF401179' });
    });

    it('maps a taken and an invalid repository name', async () => {
      const body = (name: string) => ({ name, project: { id: basic.projects.platform.id } });
      const taken = await failure(api().request({ method: 'POST', url: REPOS, body: body('web-portal') }));
      expect(taken.kind).toBe('conflict');
      expect(taken.message).toBe('A Git repository with the name web-portal already exists. Choose another name.');
      const invalid = await failure(api().request({ method: 'POST', url: REPOS, body: body('bad/name') }));
      expect(invalid.kind).toBe('invalid-name');
      expect(invalid.message).toMatch(/^'bad\/name' is not a valid name for a Git repository/);
    });
  });
});

/** Node's fetch through the fake's network, honouring the AbortSignal (for the timeout test). */
async function fetchWithSignal(input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> {
  const signal = init?.signal;
  return new Promise<Response>((resolve, reject) => {
    signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
    fakeNetwork()(input, init).then(resolve, reject);
  });
}

describe('rest-client token pinning', () => {
  it('sends nothing, and says why, when the URL is not one the credential may go to', async () => {
    const captured: { url: string; method: string; headers: Record<string, string>; body?: string }[] = [];
    const client = createRestClient({
      fetch: fakeNetwork(captured),
      getCredential: async () => pat(basic.pats.janeContoso),
      isAllowedUrl: (url) => url.hostname === 'dev.azure.com' && url.pathname.startsWith('/contoso/'),
    });

    const error = await client.request({ url: 'https://dev.azure.com.evil.example/contoso/_apis/projects' }).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'internal', message: expect.stringContaining('did not send your token to dev.azure.com.evil.example') });
    expect(captured).toEqual([]);
    await expect(client.request({ url: REPOS })).resolves.toBeTruthy();
    expect(captured).toHaveLength(1);
  });
});
