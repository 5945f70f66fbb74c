// @vitest-environment node
/**
 * Accounts and tokens are never lost or resurrected: the races and refusals a user meets in ordinary
 * use (two popups, a sign-out during a refresh, a captive portal), against the fake Azure DevOps.
 */
import { describe, expect, it } from 'vitest';
import type { FakeAdo } from '../../../fake-ado/server';
import { useFakeAdo } from '../../support/use-fake-ado';
import { basic } from '../../../fake-ado/fixtures/basic';
import { rejectionOf } from './fake-entra-browser';
import { CONTOSO, FABRIKAM, JANE, holdRequests, key, signInJane, startSession } from './session-harness';


let fake: FakeAdo;
useFakeAdo((started) => (fake = started));

const isTokenRequest = (url: URL) => url.pathname.endsWith('/oauth2/v2.0/token');

describe('lib/auth/session: nothing lost', () => {
  it('keeps the PAT account serving an organization when an OAuth sign-in accepts the picker defaults', async () => {
    const started = startSession(fake);
    const { session } = started;
    const { account: pat } = await session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });

    const { account: oauth, available } = await session.signInOAuth({});
    expect(available.find((o) => o.baseUrl === CONTOSO)).toMatchObject({
      selected: false,
      servedBy: { accountId: pat.id, kind: 'pat', displayName: JANE.displayName },
    });
    // The picker sends what is ticked; an old picker ticked everything on a first sign-in.
    const { results } = await session.selectOrganizations({ accountId: oauth.id, baseUrls: available.map((o) => o.baseUrl) });

    expect(results.find((r) => r.baseUrl === CONTOSO)).toMatchObject({ status: 'served-elsewhere' });
    const { accounts, organizations } = await session.listAccounts();
    expect(accounts.map((a) => a.id).sort()).toEqual([pat.id, oauth.id].sort());
    expect(organizations.find((o) => o.key === key(CONTOSO))).toMatchObject({ accountId: pat.id, selected: true });
    await expect(session.credentialFor(pat.id)).resolves.toEqual({ kind: 'pat', token: basic.pats.janeContoso });
  });

  it('moves an organization to the OAuth account only when the user says so, and keeps the PAT account', async () => {
    const { session } = startSession(fake);
    const { account: pat } = await session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    const { account: oauth } = await session.signInOAuth({});

    const { results } = await session.selectOrganizations({ accountId: oauth.id, baseUrls: [CONTOSO], takeOver: [CONTOSO] });

    expect(results).toMatchObject([{ baseUrl: CONTOSO, status: 'connected' }]);
    const { accounts, organizations } = await session.listAccounts();
    expect(organizations).toMatchObject([{ key: key(CONTOSO), accountId: oauth.id }]);
    expect(accounts.map((a) => a.id).sort()).toEqual([pat.id, oauth.id].sort());
    await expect(session.credentialFor(pat.id)).resolves.toEqual({ kind: 'pat', token: basic.pats.janeContoso });
  });

  it('stores no token when the account is signed out while its refresh is in flight', async () => {
    const hold = holdRequests(isTokenRequest);
    const started = startSession(fake, { holds: [] });
    const { account } = await signInJane(started);
    const { session, db } = startSession(fake, { dbOptions: started.dbOptions, holds: [hold] });
    fake.control.expireAccessTokens();

    const check = rejectionOf(session.checkOrganization({ key: key(CONTOSO) }));
    await hold.arrived;
    await session.signOut({ accountId: account.id });
    hold.release();

    expect(await check).toMatchObject({ kind: 'not-found' });
    expect(await db.accounts.count()).toBe(0);
    expect(await db.secrets.where('accountId').equals(account.id).count()).toBe(0);
  });

  it('connects no organization to an account signed out during organization selection', async () => {
    const hold = holdRequests((url) => url.pathname.endsWith('/_apis/connectionData'));
    const { session, db } = startSession(fake, { holds: [hold] });
    const { account } = await session.signInOAuth({});

    const selecting = session.selectOrganizations({ accountId: account.id, baseUrls: [CONTOSO] });
    await hold.arrived;
    await session.signOut({ accountId: account.id });
    hold.release();

    const outcome = await selecting.then((value) => value.results, (error: unknown) => error);
    expect(outcome).toBeTruthy();
    expect(await db.organizations.count()).toBe(0);
    expect(await db.accounts.count()).toBe(0);
  });

  it('writes no account and no organization when a PAT connect cannot store its token', async () => {
    const { session, db } = startSession(fake);
    db.secrets.hook('creating', () => {
      throw new Error('QuotaExceededError');
    });

    await expect(session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso })).rejects.toBeTruthy();

    expect([await db.accounts.count(), await db.organizations.count()]).toEqual([0, 0]);
  });

  it('makes one account when the same person signs in twice at once', async () => {
    // Both popups' sign-ins have their tokens before either stores its account.
    const hold = holdRequests(isTokenRequest, 2, 'response');
    const { session, db } = startSession(fake, { holds: [hold] });

    const both = Promise.all([session.signInOAuth({}), session.signInOAuth({})]);
    await hold.arrived;
    hold.release();
    const [first, second] = await both;

    expect(second.account.id).toBe(first.account.id);
    expect(await db.accounts.count()).toBe(1);
  });

  it('settles a stalled profile request with a clear error, and lists the organizations once it answers again', async () => {
    const hold = holdRequests((url) => url.pathname.includes('/_apis/profile/'));
    const { session } = startSession(fake, { holds: [hold], requestTimeoutMs: 300 });

    const error = await rejectionOf(session.signInOAuth({}));
    expect(error).toMatchObject({ kind: 'offline' });
    expect(error.message).not.toMatch(/^Error$/);

    hold.release();
    const { accounts } = await session.listAccounts();
    const { available } = await session.availableOrganizations({ accountId: accounts[0]!.id });
    expect(available.map((o) => o.baseUrl)).toContain(CONTOSO);
  });

  it('settles a stalled token refresh, and the next call refreshes again', async () => {
    const hold = holdRequests(isTokenRequest);
    const started = startSession(fake);
    await signInJane(started);
    const { session } = startSession(fake, { dbOptions: started.dbOptions, holds: [hold], requestTimeoutMs: 300 });
    fake.control.expireAccessTokens();

    await expect(session.checkOrganization({ key: key(CONTOSO) })).rejects.toMatchObject({ kind: 'offline' });
    hold.release();
    await expect(session.checkOrganization({ key: key(CONTOSO) })).resolves.toMatchObject({ displayName: JANE.displayName });
  });

  it('asks the user to sign in again when a window-less sign-in never answers, instead of waiting forever', async () => {
    const started = startSession(fake);
    const { account } = await signInJane(started);
    const { session } = startSession(fake, { dbOptions: started.dbOptions, silentFlowStalls: true, requestTimeoutMs: 300 });
    fake.control.revokeRefreshTokens();
    fake.control.expireAccessTokens();

    await expect(session.checkOrganization({ key: key(CONTOSO) })).rejects.toMatchObject({ kind: 'reauth-required' });
    expect((await session.listAccounts()).accounts).toMatchObject([{ id: account.id, needsReauth: true }]);
  });

  it('does not ask for a new PAT because of one sign-in page answer (a captive portal), and clears the flag on the next success', async () => {
    const { session, db } = startSession(fake);
    const { account } = await session.connectPat({ host: FABRIKAM, token: basic.pats.janeFabrikam });

    fake.control.setFailures({ signInPage: true });
    await expect(session.checkOrganization({ key: key(FABRIKAM) })).rejects.toMatchObject({ kind: 'auth-invalid' });
    expect((await db.accounts.get(account.id))?.needsReauth).toBe(false);

    fake.control.setFailures({ signInPage: false });
    await db.accounts.update(account.id, { needsReauth: true });
    await session.checkOrganization({ key: key(FABRIKAM) });
    expect((await db.accounts.get(account.id))?.needsReauth).toBe(false);
  });
});

describe('lib/auth/session: refusals named precisely', () => {
  const messageOf = async (promise: Promise<unknown>) => (await rejectionOf(promise)).message;

  it('says Azure DevOps did not accept a wrong token, not that it lacks a scope', async () => {
    const { session, db } = startSession(fake);

    const error = await rejectionOf(session.connectPat({ host: CONTOSO, token: 'w'.repeat(52) }));

    expect(error).toMatchObject({ kind: 'auth-invalid', details: { field: 'token' } });
    expect(error.message).toBe(
      'Azure DevOps did not accept this token for contoso: check it was copied whole, is not revoked, and was made for this organization.',
    );
    expect(await db.accounts.count()).toBe(0);
  });

  it('says the same of a token made for another organization', async () => {
    const { session } = startSession(fake);
    expect(await messageOf(session.connectPat({ host: CONTOSO, token: basic.pats.janeFabrikam }))).toMatch(/^Azure DevOps did not accept this token for contoso/);
  });

  it('tells an organization that does not exist apart from a refused token', async () => {
    const { session } = startSession(fake);

    const error = await rejectionOf(session.connectPat({ host: 'dev.azure.com/no-such-org', token: basic.pats.janeContoso }));

    expect(error).toMatchObject({ kind: 'not-found', details: { field: 'host' } });
    expect(error.message).toMatch(/^There is no Azure DevOps organization named no-such-org\./);
  });

  it('tries a token of an unusual shape, and adds the shape hint only when Azure DevOps refuses it', async () => {
    const { session } = startSession(fake);

    expect(await messageOf(session.connectPat({ host: CONTOSO, token: 'x'.repeat(48) }))).toMatch(
      /did not accept this token for contoso.* Azure DevOps tokens are 52 or 84 characters; this one has 48 — was it copied whole\?$/,
    );
    expect(fake.control.requests({ pathIncludes: '/_apis/connectionData' })).toHaveLength(1);
  });

  it('connects once identity is verified even when an optional capability cannot be checked, and checks it again on request', async () => {
    const hold = holdRequests((url) => url.pathname.includes('/_apis/wit/'));
    const { session } = startSession(fake, { holds: [hold], requestTimeoutMs: 300 });

    const { account } = await session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    expect(account.features).toMatchObject({ browse: true, workItems: null });

    hold.release();
    const again = await session.recheckFeatures({ accountId: account.id });
    expect(again.account.features).toMatchObject({ browse: true, workItems: true });
  });

  it("names an OAuth account by its profile's display name when the id token has none", async () => {
    const { session } = startSession(fake, { idTokenWithoutName: true });

    const { account } = await session.signInOAuth({});

    expect(account.displayName).toBe(JANE.displayName);
  });
});

describe('lib/auth/session: tokens pinned to their hosts', () => {
  it("never sends a PAT outside its organization's hosts", async () => {
    const { session } = startSession(fake);
    const { account } = await session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    const client = session.clientFor(account);
    const since = fake.control.requests().at(-1)?.seq ?? 0;

    for (const url of [`${FABRIKAM}/_apis/projects`, 'https://fabrikam.visualstudio.com/_apis/projects', 'https://tfs.contoso.test/tfs/DefaultCollection/_apis/projects']) {
      await expect(client.request({ url }), url).rejects.toMatchObject({ kind: 'internal', message: expect.stringContaining('did not send your token') });
    }
    expect(fake.control.requests({ since })).toEqual([]);
    await expect(client.request({ url: `${CONTOSO}/_apis/projects` })).resolves.toBeTruthy();
    await expect(client.request({ url: 'https://contoso.visualstudio.com/_apis/projects' })).resolves.toBeTruthy();
  });

  it('never sends an OAuth token outside Azure DevOps Services', async () => {
    const started = startSession(fake);
    const { account } = await signInJane(started);
    const client = started.session.clientFor(account);

    await expect(client.request({ url: 'https://tfs.contoso.test/tfs/DefaultCollection/_apis/projects' })).rejects.toMatchObject({ kind: 'internal' });
    await expect(client.request({ url: `${FABRIKAM}/_apis/projects` })).rejects.not.toMatchObject({ kind: 'internal' });
  });
});

describe('lib/auth/session: risky servers', () => {
  it.each([
    ['http://tfs.contoso.test/tfs/DefaultCollection', 'insecure', /in clear/],
    ['https://dev.\u0430zure.com/tfs/DefaultCollection', 'lookalike', /dev\.xn--zure-/],
  ] as const)('sends no token to %s until the user confirms the warning', async (host, warning, message) => {
    const { session, db } = startSession(fake);

    const error = await rejectionOf(session.connectPat({ host, token: basic.pats.janeServer }));

    expect(error).toMatchObject({ kind: 'invalid-input', details: { field: 'host', warning } });
    expect(error.message).toMatch(message);
    expect(fake.control.requests()).toEqual([]);
    expect(await db.accounts.count()).toBe(0);
    // Confirmed, the connect goes ahead (the test network routes every host to the fake server).
    await expect(session.connectPat({ host, token: basic.pats.janeServer, acceptedWarning: warning })).resolves.toMatchObject({ account: { kind: 'pat' } });
  });
});

describe('lib/auth/session: organizations of another directory', () => {
  const NORTHWIND_TENANT = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';
  const NORTHWIND = 'https://dev.azure.com/northwind';

  it('offers to sign in against the directory of an organization where the user is a guest, and connects it there', async () => {
    const fixture = structuredClone(fake.control.state.data);
    fixture.organizations.push({ ...structuredClone(fixture.organizations[0]!), name: 'northwind', id: '7d2c3b4a-5e6f-4a1b-9c8d-7e6f5a4b3c2d', tenantId: NORTHWIND_TENANT });
    fake.control.reset(fixture);
    const { session } = startSession(fake);
    const { account: home } = await session.signInOAuth({});

    const { results } = await session.selectOrganizations({ accountId: home.id, baseUrls: [NORTHWIND] });
    expect(results).toEqual([expect.objectContaining({ name: 'northwind', status: 'other-tenant', tenantId: NORTHWIND_TENANT })]);

    const { account: guest } = await session.signInOAuth({ tenantId: NORTHWIND_TENANT });
    expect(guest.id).not.toBe(home.id);
    const again = await session.selectOrganizations({ accountId: guest.id, baseUrls: [NORTHWIND] });
    expect(again.results).toEqual([expect.objectContaining({ name: 'northwind', status: 'connected' })]);
    await expect(session.checkOrganization({ key: NORTHWIND })).resolves.toMatchObject({ displayName: JANE.displayName });
  });
});

describe('lib/auth/session: deadlines on anonymous calls', () => {
  it('settles a PAT connect whose organization check (anonymous HEAD) stalls', async () => {
    const hold = holdRequests((url) => url.pathname === '/no-such-org');
    const { session } = startSession(fake, { holds: [hold], requestTimeoutMs: 300 });

    const error = await rejectionOf(session.connectPat({ host: 'dev.azure.com/no-such-org', token: basic.pats.janeContoso }));

    // Without the check it cannot tell a missing organization from a refused token: it says the latter.
    expect(error).toMatchObject({ kind: 'auth-invalid', message: expect.stringMatching(/^Azure DevOps did not accept this token for no-such-org/) });
    hold.release();
  });
});
