// @vitest-environment node
/**
 * probeFeatures against the fake: what each token may do, found without changing anything.
 * `fetch` is the fake's network, so cloud URLs (dev.azure.com, vssps.dev.azure.com) are the real ones.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRestClient, type Credential } from '@/lib/azure/rest-client';
import { probeFeatures, type FeatureAccess } from '@/lib/azure/probe-features';
import { startFakeAdo, type FakeAdo } from '../../../fake-ado/server';
import { hostRoutedFetch } from '../../../fake-ado/host-routed-fetch';
import { basic } from '../../../fake-ado/fixtures/basic';
import { signIn } from '../../../contract/helpers';

let fake: FakeAdo;
beforeAll(async () => {
  fake = await startFakeAdo({ port: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

const CONTOSO = 'https://dev.azure.com/contoso';

const fakeNetwork = () => hostRoutedFetch(fake);

const client = (credential: Credential, fetch: typeof globalThis.fetch = fakeNetwork()) =>
  createRestClient({ getCredential: async () => credential, fetch, sleep: async () => {} });
const pat = (token: string): Credential => ({ kind: 'pat', token });

/** What the fake holds that a probe could have created. */
function counts() {
  return fake.control.summary().organizations.map(({ name, repositories, pullRequests, sshKeys }) => ({ name, repositories, pullRequests, sshKeys }));
}

const ALL: FeatureAccess = { browse: true, createRepository: true, pullRequests: true, reviewers: true, workItems: true, sshKeys: true };

describe('probe-features', () => {
  it('finds everything allowed for a full-access PAT, and changes nothing', async () => {
    const before = counts();
    expect(await probeFeatures(client(pat(basic.pats.janeContoso)), CONTOSO)).toEqual(ALL);
    expect(counts()).toEqual(before);
    // The write probes were refused for their body, after authorization.
    const posts = fake.control.requests({ method: 'POST' });
    expect(posts.map((r) => `${r.path} ${r.status}`).sort()).toEqual([
      '/contoso/_apis/IdentityPicker/Identities 200',
      '/contoso/_apis/git/repositories 400',
      '/contoso/_apis/git/repositories/00000000-0000-0000-0000-000000000000/pullrequests 404',
    ]);
    expect(fake.control.requests({ host: 'vssps.dev.azure.com' }).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /contoso/_apis/Token/SessionTokens 200',
    ]);
  });

  it('reads only browse for a Code (Read) PAT', async () => {
    const before = counts();
    expect(await probeFeatures(client(pat(basic.pats.codeRead)), CONTOSO)).toEqual({
      browse: true,
      createRepository: false,
      pullRequests: false,
      reviewers: false,
      workItems: false,
      sshKeys: false,
    });
    expect(counts()).toEqual(before);
  });

  it('tells Code (Read & write) from Code (Read, write & manage)', async () => {
    expect(await probeFeatures(client(pat(basic.pats.codeWrite)), CONTOSO)).toEqual({
      browse: true,
      createRepository: false,
      pullRequests: true,
      reviewers: true,
      workItems: true,
      sshKeys: false,
    });
  });

  it('probes an Azure DevOps Server collection (no SSH key API there), negotiating its api-version', async () => {
    const before = counts();
    expect(await probeFeatures(client(pat(basic.pats.janeServer)), basic.orgs.server.url)).toEqual({ ...ALL, sshKeys: false });
    expect(counts()).toEqual(before);
    expect(fake.control.requests({ pathIncludes: 'SessionTokens' })).toEqual([]);
  });

  it('uses the legacy vssps host for a legacy organization URL', async () => {
    expect(await probeFeatures(client(pat(basic.pats.janeContoso)), 'https://contoso.visualstudio.com')).toEqual(ALL);
    expect(fake.control.requests({ pathIncludes: 'SessionTokens' }).map((r) => r.host)).toEqual(['contoso.vssps.visualstudio.com']);
  });

  it('works with an Entra token', async () => {
    const token = await signIn(fake, basic.tenants.contoso, 'Jane Doe');
    expect(await probeFeatures(client({ kind: 'bearer', token: token.access_token }), CONTOSO)).toEqual(ALL);
  });

  it('runs the probes in parallel', async () => {
    fake.control.setFailures({ latencyMs: 100 });
    const network = fakeNetwork();
    let inFlight = 0;
    let most = 0;
    const counting: typeof fetch = async (input, init) => {
      most = Math.max(most, ++inFlight);
      try {
        return await network(input, init);
      } finally {
        inFlight--;
      }
    };
    await probeFeatures(client(pat(basic.pats.janeContoso), counting), CONTOSO);
    expect(most).toBe(6);
  });

  const NOTHING_CHECKED = { browse: null, createRepository: null, pullRequests: null, reviewers: null, workItems: null, sshKeys: null };

  it('reports every feature as "could not check" when the token does not work at all, rather than as refused', async () => {
    expect(await probeFeatures(client(pat(basic.pats.expired)), CONTOSO)).toEqual({ ...NOTHING_CHECKED, sshKeys: false });
  });

  it('reports every feature as "could not check" when Azure DevOps cannot be reached', async () => {
    fake.control.setFailures({ offline: true });
    expect(await probeFeatures(client(pat(basic.pats.janeContoso)), CONTOSO)).toEqual(NOTHING_CHECKED);
  });

  it('reports only the probe that met a server error as "could not check"', async () => {
    const network = fakeNetwork();
    const broken: typeof fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.includes('/_apis/wit/')) return new Response('<html>Service Unavailable</html>', { status: 503, headers: { 'Content-Type': 'text/html' } });
      return network(input, init);
    };
    const features = await probeFeatures(client(pat(basic.pats.janeContoso), broken), CONTOSO);
    expect(features.workItems).toBeNull();
    expect(features.browse).toBe(true);
  });

});
