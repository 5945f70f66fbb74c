// @vitest-environment node
/**
 * api-version negotiation (docs/azure-devops-rest.md): the version arithmetic, and the REST client
 * against the fake's Azure DevOps Server collection, which serves at most 6.0.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  capApiVersion,
  collectionBaseOf,
  compareApiVersions,
  createApiVersionMemory,
  latestSupportedApiVersion,
  parseApiVersion,
} from '@/lib/azure/api-version';
import { AppError } from '@/lib/errors/app-error';
import { createRestClient, type RestClientOptions } from '@/lib/azure/rest-client';
import { startFakeAdo, type FakeAdo } from '../../../fake-ado/server';
import { basic, loadBasicFixture } from '../../../fake-ado/fixtures/basic';
import { fakeFetch } from '../../../contract/helpers';

let fake: FakeAdo;
beforeAll(async () => {
  fake = await startFakeAdo({ port: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

/** https://tfs.contoso.test/tfs/DefaultCollection */
const SERVER = basic.orgs.server.url;
const SERVER_REPOS = `${SERVER}/_apis/git/repositories`;

function fakeNetwork(): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    return fakeFetch(fake, url, { method: init?.method, headers, body: typeof init?.body === 'string' ? init.body : undefined });
  };
}

function serverClient(extra: Partial<RestClientOptions> = {}) {
  return createRestClient({ getCredential: async () => ({ kind: 'pat', token: basic.pats.janeServer }), fetch: fakeNetwork(), sleep: async () => {}, ...extra });
}

/** The api-version of each logged request whose path contains `path`. */
function versionsSent(path: string): (string | null)[] {
  return fake.control.requests({ pathIncludes: path }).map((r) => new URLSearchParams(r.query).get('api-version'));
}

describe('api-version', () => {
  describe('version arithmetic', () => {
    it('parses and compares versions, ignoring the preview suffix for order', () => {
      expect(parseApiVersion('7.1-preview.1')).toEqual({ major: 7, minor: 1, preview: '-preview.1' });
      expect(parseApiVersion('6')).toEqual({ major: 6, minor: 0, preview: null });
      expect(parseApiVersion('latest')).toBeNull();
      expect(compareApiVersions('7.1', '6.0')).toBeGreaterThan(0);
      expect(compareApiVersions('5.1', '6.0')).toBeLessThan(0);
      expect(compareApiVersions('7.1-preview.1', '7.1')).toBe(0);
    });

    it('caps a version at what the collection accepts, keeping -preview.N', () => {
      expect(capApiVersion('7.1', '6.0')).toBe('6.0');
      expect(capApiVersion('7.1-preview.1', '6.0')).toBe('6.0-preview.1');
      expect(capApiVersion('5.0-preview.1', '6.0')).toBe('5.0-preview.1');
      expect(capApiVersion('7.1', undefined)).toBe('7.1');
    });

    it('reads Y from the VssVersionOutOfRangeException message', () => {
      expect(
        latestSupportedApiVersion('The requested REST API version of 7.1 is out of range for this server. The latest REST API version this server supports is 6.0.'),
      ).toBe('6.0');
      expect(latestSupportedApiVersion('something else')).toBeNull();
    });

    it('keys a URL by its collection base (origin + path before /_apis)', () => {
      expect(collectionBaseOf('https://dev.azure.com/Contoso/_apis/git/repositories?api-version=7.1')).toBe('https://dev.azure.com/contoso');
      expect(collectionBaseOf('https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_apis/git')).toBe('https://tfs.contoso.test/tfs/defaultcollection/legacy');
      expect(collectionBaseOf('https://contoso.visualstudio.com/_apis/projects')).toBe('https://contoso.visualstudio.com');
    });

    it('remembers per base, finds a collection version from a project base, and reports changes', () => {
      const changes: [string, string][] = [];
      const memory = createApiVersionMemory({ onChange: (base, version) => changes.push([base, version]) });
      memory.set('https://tfs.contoso.test/tfs/DefaultCollection/', '6.0');
      expect(memory.get('https://tfs.contoso.test/tfs/defaultcollection')).toBe('6.0');
      expect(memory.get('https://tfs.contoso.test/tfs/DefaultCollection/Legacy')).toBe('6.0');
      expect(memory.get('https://tfs.contoso.test/tfs/Other')).toBeUndefined();
      expect(memory.get('https://dev.azure.com/contoso')).toBeUndefined();
      memory.set('https://tfs.contoso.test/tfs/DefaultCollection', '6.0'); // no change, no report
      memory.set('https://x.test/c', 'not-a-version'); // ignored
      expect(changes).toEqual([['https://tfs.contoso.test/tfs/defaultcollection', '6.0']]);
      expect(memory.entries()).toEqual([['https://tfs.contoso.test/tfs/defaultcollection', '6.0']]);
      expect(createApiVersionMemory({ initial: { 'https://a.test/c': '5.0' } }).get('https://a.test/c')).toBe('5.0');
    });
  });

  describe('negotiation with Azure DevOps Server', () => {
    it('retries a too-new version with the one the server names, then uses it directly', async () => {
      const memory = createApiVersionMemory();
      const api = serverClient({ apiVersions: memory });
      const first = await api.request<{ value: { name: string }[] }>({ url: SERVER_REPOS });
      expect(first.value.map((r) => r.name)).toContain('legacy-app');
      expect(versionsSent('/_apis/git/repositories')).toEqual(['7.1', '6.0']);
      expect(fake.control.requests({ pathIncludes: '/_apis/git/repositories' }).map((r) => r.status)).toEqual([400, 200]);
      expect(memory.get(SERVER)).toBe('6.0');

      fake.control.clearRequests();
      await api.request({ url: SERVER_REPOS });
      expect(versionsSent('/_apis/git/repositories')).toEqual(['6.0']);
    });

    it('keeps the -preview.N suffix when it downgrades a preview version', async () => {
      await serverClient().request({ method: 'POST', url: `${SERVER}/_apis/IdentityPicker/Identities`, apiVersion: '7.1-preview.1', body: { query: 'ja' } });
      expect(versionsSent('/_apis/IdentityPicker/Identities')).toEqual(['7.1-preview.1', '6.0-preview.1']);
    });

    it('shares what it learned through the memory: other clients and project routes start at 6.0', async () => {
      const memory = createApiVersionMemory();
      await serverClient({ apiVersions: memory }).request({ url: SERVER_REPOS });
      fake.control.clearRequests();
      const other = serverClient({ apiVersions: memory });
      await other.request({ url: `${SERVER}/${encodeURIComponent(basic.projects.legacy.name)}/_apis/git/repositories` });
      await other.request({ url: SERVER_REPOS, apiVersion: '5.0' });
      expect(versionsSent('/_apis/git/repositories')).toEqual(['6.0', '5.0']);
    });

    it('starts from a persisted version', async () => {
      const memory = createApiVersionMemory({ initial: [[SERVER, '6.0']] });
      await serverClient({ apiVersions: memory }).request({ url: SERVER_REPOS });
      expect(versionsSent('/_apis/git/repositories')).toEqual(['6.0']);
    });

    it('sends no api-version when asked for none', async () => {
      await serverClient().request({ url: `${SERVER}/_apis/connectionData`, apiVersion: null });
      expect(versionsSent('/_apis/connectionData')).toEqual([null]);
    });

    it('renegotiates once only: a second refusal is a server-version error', async () => {
      // The server "shrinks" between the two attempts: 6.0 is refused as well.
      const older = loadBasicFixture();
      older.organizations.find((o) => o.kind === 'server')!.maxApiVersion = '5.0';
      const network = fakeNetwork();
      let calls = 0;
      const api = serverClient({
        fetch: async (input, init) => {
          const answer = await network(input, init);
          if (++calls === 1) fake.control.reset(older);
          return answer;
        },
      });
      const error = await api.request({ url: SERVER_REPOS }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).kind).toBe('server-version');
      expect((error as AppError).message).toContain('supports REST API version 5.0 (Azure DevOps Server 2019) and this needs 6.0 (Azure DevOps Server 2020 or later)');
      expect(calls).toBe(2);
    });

    it('does not touch cloud organizations, which accept 7.1', async () => {
      const memory = createApiVersionMemory();
      const api = createRestClient({ getCredential: async () => ({ kind: 'pat', token: basic.pats.janeContoso }), fetch: fakeNetwork(), apiVersions: memory });
      await api.request({ url: 'https://dev.azure.com/contoso/_apis/git/repositories' });
      expect(versionsSent('/_apis/git/repositories')).toEqual(['7.1']);
      expect(memory.entries()).toEqual([]);
    });
  });

  describe('resources under preview', () => {
    const CONTOSO = 'https://dev.azure.com/contoso';
    const WORK_ITEMS = `${CONTOSO}/_apis/wit/workitems`;
    const cloudClient = (extra: Partial<RestClientOptions> = {}) =>
      createRestClient({ getCredential: async () => ({ kind: 'pat', token: basic.pats.janeContoso }), fetch: fakeNetwork(), sleep: async () => {}, ...extra });

    it("sends each resource's documented version: work items at 7.1-preview.3, repositories at 7.1", async () => {
      const api = cloudClient();
      const items = await api.request<{ value: { id: number }[] }>({ url: WORK_ITEMS, query: { ids: 1234 } });
      expect(items.value.map((w) => w.id)).toEqual([1234]);
      await api.request({ url: `${CONTOSO}/_apis/git/repositories` });
      expect(versionsSent('/_apis/wit/workitems')).toEqual(['7.1-preview.3']);
      expect(versionsSent('/_apis/git/repositories')).toEqual(['7.1']);
    });

    it('adds -preview once when the service holds a resource under preview, then sends it directly', async () => {
      const memory = createApiVersionMemory();
      const api = cloudClient({ apiVersions: memory });
      const items = await api.request<{ value: { id: number }[] }>({ url: WORK_ITEMS, query: { ids: 1234 }, apiVersion: '7.1' });
      expect(items.value.map((w) => w.id)).toEqual([1234]);
      expect(versionsSent('/_apis/wit/workitems')).toEqual(['7.1', '7.1-preview']);
      expect(fake.control.requests({ pathIncludes: '/_apis/wit/workitems' }).map((r) => r.status)).toEqual([400, 200]);

      fake.control.clearRequests();
      await cloudClient({ apiVersions: memory }).request({ url: WORK_ITEMS, query: { ids: 1235 }, apiVersion: '7.1' });
      expect(versionsSent('/_apis/wit/workitems')).toEqual(['7.1-preview']);
      // Remembered per resource: other resources keep their released version.
      await api.request({ url: `${CONTOSO}/_apis/git/repositories` });
      expect(versionsSent('/_apis/git/repositories')).toEqual(['7.1']);
    });

    it('adds -preview once only: a second refusal is reported', async () => {
      let calls = 0;
      const refusing: typeof fetch = async () => {
        calls++;
        const body = { typeKey: 'VssInvalidPreviewVersionException', message: 'The requested version "7.1" of the resource is under preview.' };
        return new Response(JSON.stringify(body), { status: 400, headers: { 'Content-Type': 'application/json' } });
      };
      const error = await cloudClient({ fetch: refusing }).request({ url: WORK_ITEMS, apiVersion: '7.1' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(calls).toBe(2);
    });
  });
});
