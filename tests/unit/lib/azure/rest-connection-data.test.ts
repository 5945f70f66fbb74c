// @vitest-environment node
/** getConnectionData against the fake (docs/azure-devops-rest.md#personal-access-tokens). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { createRestClient, type Credential } from '@/lib/azure/rest-client';
import { getConnectionData } from '@/lib/azure/connection-data';
import { startFakeAdo, type FakeAdo } from '../../../fake-ado/server';
import { hostRoutedFetch } from '../../../fake-ado/host-routed-fetch';
import { basic } from '../../../fake-ado/fixtures/basic';

let fake: FakeAdo;
beforeAll(async () => {
  fake = await startFakeAdo({ port: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

const fakeNetwork = () => hostRoutedFetch(fake);

const client = (credential: Credential, fetch: typeof globalThis.fetch = fakeNetwork()) =>
  createRestClient({ getCredential: async () => credential, fetch, sleep: async () => {} });

describe('connection-data', () => {
  it('returns who the PAT is in a cloud organization, without api-version', async () => {
    const who = await getConnectionData(client({ kind: 'pat', token: basic.pats.janeContoso }), 'https://dev.azure.com/contoso/');
    expect(who).toEqual({
      userId: basic.users.jane.id,
      displayName: 'Jane Doe',
      email: 'jane@contoso.com',
      instanceId: basic.orgs.contoso.id,
      deploymentType: 'hosted',
    });
    const [logged] = fake.control.requests({ pathIncludes: '/_apis/connectionData' });
    expect(logged).toMatchObject({ host: 'dev.azure.com', path: '/contoso/_apis/connectionData', query: '', status: 200 });
  });

  it('works for an Azure DevOps Server collection', async () => {
    const who = await getConnectionData(client({ kind: 'pat', token: basic.pats.janeServer }), basic.orgs.server.url);
    expect(who).toMatchObject({ userId: basic.users.jane.id, instanceId: basic.orgs.server.id, deploymentType: 'onPremises', email: 'jane@contoso.com' });
  });

  it('works with the https://localhost:PORT/{org} form the fake offers Node clients', async () => {
    const who = await getConnectionData(client({ kind: 'pat', token: basic.pats.samContoso }), `${fake.origin}/contoso`);
    expect(who.userId).toBe(basic.users.sam.id);
  });

  it('fails with the client errors: expired, wrong PAT', async () => {
    const expired = await getConnectionData(client({ kind: 'pat', token: basic.pats.expired }), 'https://dev.azure.com/contoso').catch((e: unknown) => e);
    expect((expired as AppError).kind).toBe('auth-expired');
    const wrong = await getConnectionData(client({ kind: 'pat', token: 'y'.repeat(84) }), 'https://dev.azure.com/contoso').catch((e: unknown) => e);
    expect((wrong as AppError).kind).toBe('auth-invalid');
  });

  it('refuses an answer without an authenticated identity (anonymous access) as auth-invalid', async () => {
    // The fake has no anonymous access; a proxy-like fetch rewrites its answer into what an
    // anonymous caller of a public project would get.
    const network = fakeNetwork();
    for (const authenticatedUser of [
      { id: '00000000-0000-0000-0000-000000000000', providerDisplayName: 'Anonymous' },
      { id: 'aa442940-0000-0000-0000-000000000000', descriptor: 'Microsoft.TeamFoundation.UnauthenticatedIdentity;x', providerDisplayName: 'Anonymous' },
      undefined,
    ]) {
      const anonymous: typeof fetch = async (input, init) => {
        const answer = await network(input, init);
        const data = (await answer.json()) as Record<string, unknown>;
        return new Response(JSON.stringify({ ...data, authenticatedUser }), { status: 200, headers: answer.headers });
      };
      const error = await getConnectionData(client({ kind: 'pat', token: basic.pats.janeContoso }, anonymous), 'https://dev.azure.com/contoso').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).kind).toBe('auth-invalid');
      expect((error as AppError).message).toMatch(/^Azure DevOps answered for contoso without knowing who you are/);
    }
  });
});
