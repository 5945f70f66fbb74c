// @vitest-environment node
/**
 * PAT authentication and the service's failure modes (docs/azure-devops-rest.md):
 * expired/wrong-org/missing-scope PATs, the 203 sign-in page, tenant discovery, throttling,
 * api-version limits, and the control API that switches them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAdo, type FakeAdo } from '../fake-ado/server';
import { basic } from '../fake-ado/fixtures/basic';
import { basicAuth, clientError, fakeFetch, patApi } from './helpers';

let fake: FakeAdo;
beforeAll(async () => {
  fake = await startFakeAdo({ port: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

const suppress = { 'X-TFS-FedAuthRedirect': 'Suppress' };

describe('PATs', () => {
  it('an expired PAT makes the client throw the expired message', async () => {
    const error = await clientError(patApi(fake, 'contoso', basic.pats.expired).connect());
    expect(error.statusCode).toBe(401);
    expect(error.message).toBe('Access Denied: The Personal Access Token used has expired.');
    expect(error.result?.typeKey).toBe('AccessCheckException');
  });

  it('expirePat() expires a valid PAT on the spot', async () => {
    fake.control.expirePat(basic.pats.janeContoso);
    const error = await clientError(patApi(fake, 'contoso', basic.pats.janeContoso).connect());
    expect(error.message).toBe('Access Denied: The Personal Access Token used has expired.');
  });

  it('a PAT of another organization, or an unknown one, is a 401', async () => {
    for (const pat of [basic.pats.janeFabrikam, 'x'.repeat(52)]) {
      const error = await clientError(patApi(fake, 'contoso', pat).connect());
      expect(error.statusCode).toBe(401);
      expect(error.message).toMatch(/^VS30063: You are not authorized/);
    }
  });

  it('works with any user name and with legacy 52-character PATs', async () => {
    const res = await fakeFetch(fake, 'https://dev.azure.com/contoso/_apis/connectionData', {
      headers: { Authorization: `Basic ${Buffer.from(`anything:${basic.pats.janeContosoLegacy}`).toString('base64')}`, ...suppress },
    });
    expect(res.status).toBe(200);
  });

  it('needs the colon: Basic base64(PAT) without a user-name separator is not a PAT', async () => {
    const res = await fakeFetch(fake, 'https://dev.azure.com/contoso/_apis/connectionData', {
      headers: { Authorization: `Basic ${Buffer.from(basic.pats.janeContoso).toString('base64')}`, ...suppress },
    });
    expect(res.status).toBe(401);
  });

  it('checks scopes per route: Code (Read) lists repos but cannot list projects or create repos', async () => {
    const api = patApi(fake, 'contoso', basic.pats.codeRead);
    const git = await api.getGitApi();
    expect((await git.getRepositories()).length).toBeGreaterThan(0);
    const projects = await clientError((await api.getCoreApi()).getProjects());
    expect(projects.statusCode).toBe(401);
    expect(projects.message).toBe(`TF400813: The user '${basic.users.jane.id}' is not authorized to access this resource.`);
    const write = await clientError(git.createPullRequest({ sourceRefName: 'refs/heads/develop', targetRefName: 'refs/heads/main', title: 'x' }, basic.repos.webPortal.id, 'Platform'));
    expect(write.statusCode).toBe(401);
  });

  it('vso.code_write can create pull requests but not repositories (needs vso.code_manage)', async () => {
    const git = await patApi(fake, 'contoso', basic.pats.codeWrite).getGitApi();
    const pr = await git.createPullRequest({ sourceRefName: 'refs/heads/develop', targetRefName: 'refs/heads/main', title: 'x' }, basic.repos.webPortal.id, 'Platform');
    expect(pr.pullRequestId).toBeGreaterThan(0);
    const error = await clientError(git.createRepository({ name: 'nope', project: { id: basic.projects.platform.id } }));
    expect(error.message).toMatch(/^TF400813/);
  });
});

describe('hosts and certificate', () => {
  it('lists every host Chromium must map, and the certificate names them all', async () => {
    expect(fake.hosts).toEqual(
      expect.arrayContaining(['dev.azure.com', 'vssps.dev.azure.com', 'app.vssps.visualstudio.com', 'login.microsoftonline.com', 'ssh.dev.azure.com', 'contoso.visualstudio.com', 'tfs.contoso.test']),
    );
    const { X509Certificate } = await import('node:crypto');
    const cert = new X509Certificate(fake.certificate);
    // checkHost answers the SAN that matched (maybe a wildcard), undefined when none does.
    for (const host of [...fake.hosts, 'localhost', 'anything.visualstudio.com']) expect(cert.checkHost(host), host).toBeDefined();
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
  });
});

describe('unauthenticated requests', () => {
  it('get 203 + an HTML sign-in page without the Suppress header, 401 JSON with it', async () => {
    const url = 'https://dev.azure.com/contoso/_apis/projects?api-version=7.1';
    const page = await fakeFetch(fake, url);
    expect(page.status).toBe(203);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await page.text()).startsWith('<')).toBe(true);
    const wrongPat = await fakeFetch(fake, url, { headers: { Authorization: basicAuth('not-a-pat') } });
    expect(wrongPat.status).toBe(203);
    const suppressed = await fakeFetch(fake, url, { headers: suppress });
    expect(suppressed.status).toBe(401);
    expect(suppressed.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('HEAD /{org} reveals the Entra tenant (authorization_uri and X-VSS-ResourceTenant)', async () => {
    const entra = await fakeFetch(fake, 'https://dev.azure.com/contoso', { method: 'HEAD' });
    expect(entra.status).toBe(401);
    expect(entra.headers.get('www-authenticate')).toContain(`Bearer authorization_uri=https://login.microsoftonline.com/${basic.tenants.contoso}`);
    expect(entra.headers.get('x-vss-resourcetenant')).toBe(basic.tenants.contoso);
    const msa = await fakeFetch(fake, 'https://dev.azure.com/adatum', { method: 'HEAD' });
    expect(msa.headers.get('x-vss-resourcetenant')).toBe('00000000-0000-0000-0000-000000000000');
    expect(msa.headers.get('www-authenticate')).not.toContain('authorization_uri');
  });
});

describe('failure modes', () => {
  it('signInPage: authenticated calls answer 203 + HTML', async () => {
    fake.control.setFailures({ signInPage: true });
    const res = await fakeFetch(fake, 'https://dev.azure.com/contoso/_apis/connectionData', { headers: { Authorization: basicAuth(basic.pats.janeContoso), ...suppress } });
    expect(res.status).toBe(203);
    expect(await res.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it('throttle: the next N calls get 429 TF400733 with Retry-After and X-RateLimit-* headers', async () => {
    const api = patApi(fake, 'contoso', basic.pats.janeContoso);
    const git = await api.getGitApi();
    fake.control.setFailures({ throttle: { count: 1, retryAfterSeconds: 7 } });
    const error = await clientError(git.getRepositories());
    expect(error.statusCode).toBe(429);
    expect(error.message).toMatch(/^TF400733: The request has been canceled/);
    expect(error.responseHeaders?.['retry-after']).toBe('7');
    expect(error.responseHeaders?.['x-ratelimit-remaining']).toBe('0');
    expect((await git.getRepositories()).length).toBeGreaterThan(0);
    expect(fake.control.failures.throttle).toBeNull();
  });

  it('offline: connections are dropped without an answer; /_fake/ still works', async () => {
    fake.control.setFailures({ offline: true });
    await expect(patApi(fake, 'contoso', basic.pats.janeContoso).connect()).rejects.toThrow();
    const state = await fakeFetch(fake, 'https://dev.azure.com/_fake/state');
    expect(state.status).toBe(200);
    await fakeFetch(fake, 'https://dev.azure.com/_fake/failures', { method: 'POST', body: JSON.stringify({ offline: false }) });
    expect((await patApi(fake, 'contoso', basic.pats.janeContoso).connect()).instanceId).toBe(basic.orgs.contoso.id);
  });

  it('latencyMs delays answers', async () => {
    fake.control.setFailures({ latencyMs: 150 });
    const started = Date.now();
    await fakeFetch(fake, 'https://dev.azure.com/contoso/_apis/connectionData', { headers: { Authorization: basicAuth(basic.pats.janeContoso) } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('the request log records calls without secrets', async () => {
    fake.control.clearRequests();
    await patApi(fake, 'contoso', basic.pats.janeContoso).connect();
    const [entry] = fake.control.requests({ pathIncludes: 'connectionData' });
    expect(entry).toMatchObject({ method: 'GET', host: 'localhost', path: '/contoso/_apis/connectionData', status: 200, auth: 'pat', userId: basic.users.jane.id });
    expect(JSON.stringify(fake.control.requests())).not.toContain(basic.pats.janeContoso);
    const overHttp = (await (await fakeFetch(fake, 'https://localhost/_fake/requests?pathIncludes=connectionData')).json()) as { count: number };
    expect(overHttp.count).toBe(1);
  });

  it('POST /_fake/failures validates its body', async () => {
    const bad = await fakeFetch(fake, 'https://dev.azure.com/_fake/failures', { method: 'POST', body: JSON.stringify({ throttle: { count: 'many' } }) });
    expect(bad.status).toBe(400);
    const unknown = await fakeFetch(fake, 'https://dev.azure.com/_fake/failures', { method: 'POST', body: JSON.stringify({ nonsense: true }) });
    expect(unknown.status).toBe(400);
  });
});

describe('api-version', () => {
  const headers = { Authorization: basicAuth(basic.pats.janeContoso), ...suppress };

  it('accepts the version in the query or in the Accept header; refuses versions that are too new', async () => {
    expect((await fakeFetch(fake, 'https://dev.azure.com/contoso/_apis/projects?api-version=7.1', { headers })).status).toBe(200);
    expect((await fakeFetch(fake, 'https://dev.azure.com/contoso/_apis/projects', { headers: { ...headers, Accept: 'application/json;api-version=7.2-preview.4' } })).status).toBe(200);
    const res = await fakeFetch(fake, 'https://dev.azure.com/contoso/_apis/projects?api-version=8.0', { headers });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { typeKey: string; message: string };
    expect(body.typeKey).toBe('VssVersionOutOfRangeException');
    expect(body.message).toBe('The requested REST API version of 8.0 is out of range for this server. The latest REST API version this server supports is 7.2.');
  });

  it('requires -preview for 7.2 on Services and an api-version on writes', async () => {
    const preview = await fakeFetch(fake, 'https://dev.azure.com/contoso/_apis/projects?api-version=7.2', { headers });
    expect(((await preview.json()) as { typeKey: string }).typeKey).toBe('VssInvalidPreviewVersionException');
    const post = await fakeFetch(fake, `https://dev.azure.com/contoso/_apis/git/repositories`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x', project: { id: basic.projects.platform.id } }),
    });
    expect(((await post.json()) as { typeKey: string }).typeKey).toBe('VssVersionNotSpecifiedException');
  });
});
