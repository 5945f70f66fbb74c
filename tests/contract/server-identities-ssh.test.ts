// @vitest-environment node
/**
 * Azure DevOps Server collections (api-version limits, docs/azure-devops-rest.md#versions-headers-errors), identity search for the reviewer
 * picker (docs/azure-devops-rest.md#identity-picker) and SSH keys (docs/azure-devops-rest.md#ssh-keys).
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAdo, type FakeAdo } from '../fake-ado/server';
import { basic } from '../fake-ado/fixtures/basic';
import { basicAuth, fakeFetch, patApi } from './helpers';

let fake: FakeAdo;
beforeAll(async () => {
  fake = await startFakeAdo({ port: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

const auth = (pat = basic.pats.janeContoso) => ({ Authorization: basicAuth(pat), 'X-TFS-FedAuthRedirect': 'Suppress' });

/** An OpenSSH "ssh-rsa AAAA… comment" line for a fresh RSA key. */
function sshRsaPublicKey(comment: string): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  const mpint = (b64url: string) => {
    let bytes = Buffer.from(b64url, 'base64url');
    if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return bytes;
  };
  // RFC 4253 §6.6: each field is a uint32 length followed by the bytes.
  const field = (data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length, 0);
    return Buffer.concat([length, data]);
  };
  const blob = Buffer.concat([field(Buffer.from('ssh-rsa')), field(mpint(jwk.e)), field(mpint(jwk.n))]);
  return `ssh-rsa ${blob.toString('base64')} ${comment}`;
}

describe('Azure DevOps Server collection (api-version ≤ 6.0)', () => {
  it('the official client connects and negotiates down to 6.0', async () => {
    const api = patApi(fake, 'tfs/DefaultCollection', basic.pats.janeServer);
    const data = await api.connect();
    expect(data.deploymentType).toBe('onPremises');
    expect(data.instanceId).toBe(basic.orgs.server.id);
    fake.control.clearRequests();
    const git = await api.getGitApi();
    const repos = await git.getRepositories('Legacy');
    expect(repos.map((r) => r.name)).toEqual(['legacy-app']);
    expect(repos[0]!.remoteUrl).toBe(`${fake.origin}/tfs/DefaultCollection/Legacy/_git/legacy-app`);
    const prs = await git.getPullRequests(repos[0]!.id!, {}, 'Legacy');
    expect(prs.map((p) => p.title)).toEqual(['Port to .NET 8']);
    // On-prem answers no resource areas and the client stays under the collection URL.
    expect(fake.control.requests().map((r) => r.path)).toContain('/tfs/DefaultCollection/_apis/ResourceAreas');
  });

  it('refuses a newer api-version with VssVersionOutOfRangeException, on its own host name', async () => {
    const res = await fakeFetch(fake, 'https://tfs.contoso.test/tfs/DefaultCollection/_apis/git/repositories?api-version=7.1', { headers: auth(basic.pats.janeServer) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { typeKey: string; message: string };
    expect(body.typeKey).toBe('VssVersionOutOfRangeException');
    expect(body.message).toBe('The requested REST API version of 7.1 is out of range for this server. The latest REST API version this server supports is 6.0.');
    const ok = await fakeFetch(fake, 'https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_apis/git/repositories?api-version=6.0', { headers: auth(basic.pats.janeServer) });
    const repos = (await ok.json()) as { value: { remoteUrl: string; sshUrl: string }[] };
    expect(repos.value[0]!.remoteUrl).toBe('https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app');
    expect(repos.value[0]!.sshUrl).toBe('ssh://tfs.contoso.test:22/tfs/DefaultCollection/Legacy/_git/legacy-app');
  });
});

describe('identity search', () => {
  it('IdentityPicker: prefix match on names and mail; localId is the identity id', async () => {
    const res = await fakeFetch(fake, 'https://dev.azure.com/contoso/_apis/IdentityPicker/Identities?api-version=7.1-preview.1', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'le', identityTypes: ['user', 'group'], operationScopes: ['ims', 'source'], options: { MinResults: 5, MaxResults: 40 } }),
    });
    const body = (await res.json()) as { results: { identities: { displayName: string; localId?: string; mail: string }[] }[] };
    expect(body.results[0]!.identities.map((i) => [i.displayName, i.localId])).toEqual([['Sam Lee', basic.users.sam.id]]);
  });

  it('IdentityPicker returns groups and teams (entityType Group) when asked for them', async () => {
    const search = async (query: string, identityTypes: string[]) => {
      const res = await fakeFetch(fake, 'https://dev.azure.com/contoso/_apis/IdentityPicker/Identities?api-version=7.1-preview.1', {
        method: 'POST',
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: JSON.stringify({ query, identityTypes, operationScopes: ['ims', 'source'], options: { MinResults: 5, MaxResults: 40 }, properties: ['DisplayName', 'Mail'] }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { results: { identities: { entityType: string; localId?: string; displayName: string }[] }[] }).results[0]!.identities;
    };
    const found = await search('mob', ['user', 'group']);
    expect(found.map((i) => [i.entityType, i.localId, i.displayName])).toEqual([['Group', basic.groups.mobileTeam.id, '[Mobile App]\\Mobile Team']]);
    expect((await search('s', ['user', 'group'])).map((i) => i.entityType)).toEqual(['User', 'Group']); // Sam Lee, Security Reviewers
    expect(await search('mob', ['user'])).toEqual([]);
  });

  it('IdentityPicker with "source" finds directory users who are not members, without localId', async () => {
    const res = await fakeFetch(fake, 'https://dev.azure.com/fabrikam/_apis/IdentityPicker/Identities?api-version=7.1-preview.1', {
      method: 'POST',
      headers: { ...auth(basic.pats.janeFabrikam), 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'sam', identityTypes: ['user'], operationScopes: ['ims', 'source'] }),
    });
    const [sam] = ((await res.json()) as { results: { identities: Record<string, unknown>[] }[] }).results[0]!.identities;
    expect(sam).toMatchObject({ displayName: 'Sam Lee', mail: 'sam@contoso.com', originDirectory: 'aad' });
    expect(sam!.localId).toBeUndefined();
  });

  it('vssps identities: General search by mail', async () => {
    const res = await fakeFetch(fake, 'https://vssps.dev.azure.com/contoso/_apis/identities?searchFilter=General&filterValue=sam@contoso.com&queryMembership=None&api-version=7.1', { headers: auth() });
    const body = (await res.json()) as { value: { id: string; providerDisplayName: string }[] };
    expect(body.value.map((i) => [i.id, i.providerDisplayName])).toEqual([[basic.users.sam.id, 'Sam Lee']]);
  });

  it('graph subjectquery and storagekeys resolve a descriptor to the identity id', async () => {
    const query = await fakeFetch(fake, 'https://vssps.dev.azure.com/contoso/_apis/graph/subjectquery?api-version=7.1-preview.1', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'pri', subjectKind: ['User'] }),
    });
    const [priya] = ((await query.json()) as { value: { descriptor: string; displayName: string }[] }).value;
    expect(priya!.displayName).toBe('Priya Patel');
    const key = await fakeFetch(fake, `https://vssps.dev.azure.com/contoso/_apis/graph/storagekeys/${priya!.descriptor}?api-version=7.1-preview.1`, { headers: auth() });
    expect(((await key.json()) as { value: string }).value).toBe(basic.users.priya.id);
  });

  it.each([
    ['POST', 'https://dev.azure.com/contoso/_apis/IdentityPicker/Identities', '7.1'],
    ['POST', 'https://vssps.dev.azure.com/contoso/_apis/graph/subjectquery', '7.1'],
    ['GET', 'https://vssps.dev.azure.com/contoso/_apis/graph/storagekeys/aad.eA', '7.0'],
    ['GET', 'https://vssps.dev.azure.com/contoso/_apis/Token/SessionTokens?isPublic=true', '7.1'],
    ['POST', 'https://dev.azure.com/contoso/_apis/Contribution/HierarchyQuery', '5.0'],
  ])('%s %s exists only as a preview: api-version=%s is refused with 400', async (method, url, version) => {
    const res = await fakeFetch(fake, `${url}${url.includes('?') ? '&' : '?'}api-version=${version}`, {
      method,
      headers: { ...auth(), 'Content-Type': 'application/json' },
      ...(method === 'POST' ? { body: JSON.stringify({ query: 'sam' }) } : {}),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { typeKey: string; message: string };
    expect(body.typeKey).toBe('VssInvalidPreviewVersionException');
    expect(body.message).toContain('-preview');
  });

  it('IdentityPicker needs vso.identity', async () => {
    const res = await fakeFetch(fake, 'https://dev.azure.com/contoso/_apis/IdentityPicker/Identities?api-version=7.1-preview.1', {
      method: 'POST',
      headers: { ...auth(basic.pats.codeRead), 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'sam' }),
    });
    expect(res.status).toBe(401);
  });
});

describe('SSH keys', () => {
  const hierarchyQuery = (publicData: string, pat = basic.pats.janeContoso) =>
    fakeFetch(fake, 'https://dev.azure.com/contoso/_apis/Contribution/HierarchyQuery?api-version=5.0-preview.1', {
      method: 'POST',
      headers: { ...auth(pat), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        contributionIds: ['ms.vss-token-web.personal-access-token-issue-session-token-provider'],
        dataProviderContext: {
          properties: {
            displayName: 'laptop',
            publicData,
            validFrom: '2026-11-25T00:00:00.000Z',
            validTo: '2027-11-25T00:00:00.000Z',
            scope: 'app_token',
            isPublic: true,
            targetAccounts: [basic.orgs.contoso.id],
          },
        },
      }),
    });

  it('uploads an RSA key through HierarchyQuery, lists it and deletes it via vssps SessionTokens', async () => {
    const key = sshRsaPublicKey('jane@laptop');
    const created = (await (await hierarchyQuery(`${key}\n`)).json()) as { dataProviders: Record<string, { authorizationId: string; publicData: string } | null> };
    const token = created.dataProviders['ms.vss-token-web.personal-access-token-issue-session-token-provider']!;
    expect(token.publicData).toBe(key);

    const list = await fakeFetch(fake, 'https://vssps.dev.azure.com/contoso/_apis/Token/SessionTokens?isPublic=true&includePublicData=true&api-version=7.0-preview.1', { headers: auth() });
    const keys = (await list.json()) as { value: { authorizationId: string; publicData: string; isPublic: boolean; targetAccounts: string[] }[] };
    expect(keys.value).toHaveLength(1);
    expect(keys.value[0]).toMatchObject({ authorizationId: token.authorizationId, publicData: key, isPublic: true, targetAccounts: [basic.orgs.contoso.id] });

    const deleted = await fakeFetch(fake, `https://vssps.dev.azure.com/contoso/_apis/Token/SessionTokens/${token.authorizationId}?isPublic=true&api-version=5.0-preview.1`, {
      method: 'DELETE',
      headers: auth(),
    });
    expect(deleted.status).toBe(204);
  });

  it('rejects keys that are not ssh-rsa with the portal message', async () => {
    const body = (await (await hierarchyQuery('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk jane@laptop')).json()) as {
      dataProviderExceptions: Record<string, { message: string }>;
    };
    expect(body.dataProviderExceptions['ms.vss-token-web.personal-access-token-issue-session-token-provider']!.message).toBe(
      'Invalid key: Valid keys will start with "ssh-rsa"',
    );
    const direct = await fakeFetch(fake, 'https://vssps.dev.azure.com/contoso/_apis/Token/SessionTokens?api-version=7.1-preview.1', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName: 'x', publicData: 'ecdsa-sha2-nistp256 AAAA', isPublic: true }),
    });
    expect(direct.status).toBe(400);
    expect(((await direct.json()) as { message: string }).message).toBe('Invalid key: Valid keys will start with "ssh-rsa"');
  });

  it('a PAT without full access cannot manage SSH keys', async () => {
    const res = await hierarchyQuery(sshRsaPublicKey('x'), basic.pats.codeWrite);
    expect(res.status).toBe(401);
  });
});

describe('web pages', () => {
  it('the org root sends a browser to sign in, renders for a signed-in one (with tenant headers), and unknown pages are 404 HTML', async () => {
    const signedOut = await fakeFetch(fake, 'https://dev.azure.com/contoso', { headers: { Accept: 'text/html' } });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('x-vss-resourcetenant')).toBe(basic.tenants.contoso);
    const [session] = fake.control.startWebSessions({ hosts: ['dev.azure.com'] });
    const Cookie = `${session!.name}=${session!.value}`;
    const root = await fakeFetch(fake, 'https://dev.azure.com/contoso', { headers: { Accept: 'text/html', Cookie } });
    expect(root.headers.get('x-vss-resourcetenant')).toBe(basic.tenants.contoso);
    expect(root.headers.get('content-type')).toMatch(/^text\/html/);
    const missing = await fakeFetch(fake, 'https://dev.azure.com/contoso/Platform/_nothing_here', { headers: { Accept: 'text/html', Cookie } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
  });
});
