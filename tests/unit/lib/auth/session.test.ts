// @vitest-environment node
/**
 * The background's account service against the fake Azure DevOps + Entra (tests/fake-ado), with a
 * real Dexie database over an in-memory fake-indexeddb and real WebCrypto. The browser is played by
 * fake-entra-browser.ts: `authWindow` is launchWebAuthFlow, `hostRoutedFetch` reaches
 * dev.azure.com, tfs.contoso.test and app.vssps.visualstudio.com on the fake.
 */
import { describe, expect, it } from 'vitest';
import type { FakeAdo } from '../../../fake-ado/server';
import { useFakeAdo } from '../../support/use-fake-ado';
import { basic } from '../../../fake-ado/fixtures/basic';
import { leakedSecrets, rejectionOf } from './fake-entra-browser';
import { CONTOSO, FABRIKAM, JANE, SERVER, key, signInJane, startSession as startHarness, type SessionHarnessOptions, type StartedSession } from './session-harness';


let fake: FakeAdo;
useFakeAdo((started) => (fake = started));

const startSession = (options: SessionHarnessOptions = {}) => startHarness(fake, options);
type Started = StartedSession;

/** The service worker stopped and started again: a new connection to the same database, a new session. */
function restart(previous: Started): Started {
  previous.db.close();
  return startSession({ dbOptions: previous.dbOptions });
}

/** The fake's newest request log number: pass it as `since` to see only what came after. */
const lastSeq = () => fake.control.requests().at(-1)?.seq ?? 0;
const refreshGrants = (since = 0) => fake.control.requests({ since, grantType: 'refresh_token' });

describe('lib/auth/session', () => {
  it('connects an Azure DevOps Server collection with a PAT and learns its api-version when the host is allowed', async () => {
    const started = startSession({ hostPermission: true });
    const { session, db, hasHostPermission } = started;

    const { account, organization } = await session.connectPat({ host: SERVER, token: basic.pats.janeServer });

    expect(hasHostPermission).toHaveBeenCalledWith(`https://${basic.orgs.server.host}`);
    expect(account).toMatchObject({ kind: 'pat', displayName: JANE.displayName, host: SERVER, needsReauth: false });
    expect(organization).toEqual({ key: key(SERVER), name: basic.orgs.server.name, kind: 'server', baseUrl: SERVER, accountId: account.id, selected: true });
    // 7.1 was refused while connecting (the fake serves ≤ 6.0); the answer was learned and stored.
    expect(fake.control.requests({ status: 400 }).length).toBeGreaterThan(0);
    expect(await db.organizations.get(key(SERVER))).toMatchObject({ apiVersion: basic.orgs.server.maxApiVersion });

    const since = lastSeq();
    await session.clientFor(account).request({ url: `${SERVER}/_apis/projects` });
    expect(fake.control.requests({ since }).map((r) => `${r.status} ${r.path}${r.query}`)).toEqual([
      `200 /${basic.orgs.server.virtualDirectory}/${basic.orgs.server.name}/_apis/projects?api-version=6.0`,
    ]);
  });

  it('refuses with permission-denied and stores nothing when the Server host is not allowed', async () => {
    const { session, db, hasHostPermission } = startSession({ hostPermission: false });

    const error = await rejectionOf(session.connectPat({ host: SERVER, token: basic.pats.janeServer }));

    expect(error).toMatchObject({ kind: 'permission-denied' });
    expect(hasHostPermission).toHaveBeenCalledWith(`https://${basic.orgs.server.host}`);
    expect([await db.accounts.count(), await db.organizations.count(), await db.secrets.count()]).toEqual([0, 0, 0]);
    expect(fake.control.requests()).toEqual([]);
  });

  it('keeps one PAT account per organization and replaces its token when the organization is connected again', async () => {
    const { session, db } = startSession();

    const first = await session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    const second = await session.connectPat({ host: CONTOSO, token: basic.pats.janeContosoLegacy });

    const { accounts, organizations } = await session.listAccounts();
    expect(second.account.id).toBe(first.account.id);
    expect(accounts.map((a) => a.id)).toEqual([first.account.id]);
    expect(organizations).toMatchObject([{ key: key(CONTOSO), accountId: first.account.id }]);
    expect(await db.secrets.toCollection().primaryKeys()).toEqual([`${first.account.id}|pat`]);
    expect(await session.credentialFor(first.account.id)).toEqual({ kind: 'pat', token: basic.pats.janeContosoLegacy });
  });

  it('refreshes the OAuth access token before a call when it expires within 5 minutes', async () => {
    const started = startSession();
    const { session, db, clock } = started;
    const { account } = await signInJane(started);
    const signedIn = (await db.accounts.get(account.id))!;
    const firstToken = await session.credentialFor(account.id);

    clock.now = signedIn.tokenExpiresAt! - 10 * 60_000;
    await session.checkOrganization({ key: key(CONTOSO) });
    expect(refreshGrants()).toEqual([]);

    // The fake no longer takes the old token either: only a call made with the new one succeeds.
    clock.now = signedIn.tokenExpiresAt! - 4 * 60_000;
    fake.control.expireAccessTokens();
    const since = lastSeq();
    await expect(session.checkOrganization({ key: key(CONTOSO) })).resolves.toMatchObject({ displayName: JANE.displayName });

    expect(fake.control.requests({ since }).map((r) => `${r.status} ${r.method} ${r.path} ${r.grantType ?? ''}`.trim())).toEqual([
      '200 POST /organizations/oauth2/v2.0/token refresh_token',
      `200 GET /${basic.orgs.contoso.name}/_apis/connectionData`,
    ]);
    expect((await session.credentialFor(account.id)).token).not.toBe(firstToken.token);
  });

  it('refreshes once for 10 parallel calls when the access token was revoked early', async () => {
    const started = startSession();
    await signInJane(started);
    fake.control.expireAccessTokens();
    const since = lastSeq();

    const checks = await Promise.all(Array.from({ length: 10 }, () => started.session.checkOrganization({ key: key(CONTOSO) })));

    expect(checks.map((c) => c.displayName)).toEqual(Array(10).fill(JANE.displayName));
    expect(refreshGrants(since)).toHaveLength(1);
  });

  it('asks for a new sign-in, which keeps the account id, when the refresh token is gone', async () => {
    const started = startSession();
    const { session } = started;
    const { account } = await signInJane(started);
    fake.control.revokeRefreshTokens();
    fake.control.expireAccessTokens();
    // No Microsoft session in the browser either: a silent sign-in cannot help.
    fake.control.setFailures({ entraSessionAlive: false });

    await expect(session.checkOrganization({ key: key(CONTOSO) })).rejects.toMatchObject({ kind: 'reauth-required' });
    expect((await session.listAccounts()).accounts).toMatchObject([{ id: account.id, needsReauth: true }]);

    const again = await session.signInOAuth({ accountId: account.id });

    expect(again.account).toMatchObject({ id: account.id, needsReauth: false });
    expect(again.available).toContainEqual({ name: basic.orgs.contoso.name, baseUrl: CONTOSO, selected: true });
    expect((await session.listAccounts()).accounts).toMatchObject([{ id: account.id, needsReauth: false }]);
    await expect(session.checkOrganization({ key: key(CONTOSO) })).resolves.toMatchObject({ email: JANE.email });
  });

  it('starts a new 24-hour sign-in without a window when the refresh chain has ended but the Microsoft session is alive', async () => {
    const started = startSession();
    const { session, launchWebAuthFlow } = started;
    const { account } = await signInJane(started);
    fake.control.revokeRefreshTokens();
    fake.control.expireAccessTokens();

    await expect(session.checkOrganization({ key: key(CONTOSO) })).resolves.toMatchObject({ displayName: JANE.displayName });

    expect(launchWebAuthFlow.calls.at(-1)).toMatchObject({ interactive: false, url: expect.stringContaining('prompt=none') });
    expect((await session.listAccounts()).accounts).toMatchObject([{ id: account.id, needsReauth: false }]);
  });

  it('uses the stored PAT and OAuth tokens when a new session opens the same database', async () => {
    const before = startSession();
    await signInJane(before);
    await before.session.connectPat({ host: FABRIKAM, token: basic.pats.janeFabrikam });

    const { session } = restart(before);
    const since = lastSeq();

    await expect(session.checkOrganization({ key: key(FABRIKAM) })).resolves.toMatchObject({ displayName: JANE.displayName });
    await expect(session.checkOrganization({ key: key(CONTOSO) })).resolves.toMatchObject({ displayName: JANE.displayName });
    expect(refreshGrants(since)).toEqual([]);
    // The stored refresh token works too.
    fake.control.expireAccessTokens();
    await expect(session.checkOrganization({ key: key(CONTOSO) })).resolves.toMatchObject({ displayName: JANE.displayName });
    expect(refreshGrants(since)).toHaveLength(1);
  });

  it('marks an organization blocked with its PAT host when its policy refuses OAuth, and turns an unticked one off', async () => {
    const started = startSession();
    const { session } = started;

    const { account, results } = await signInJane(started, [CONTOSO, FABRIKAM]);

    expect(results).toEqual([
      { baseUrl: CONTOSO, name: basic.orgs.contoso.name, status: 'connected' },
      {
        baseUrl: FABRIKAM,
        name: basic.orgs.fabrikam.name,
        status: 'blocked',
        patHost: `dev.azure.com/${basic.orgs.fabrikam.name}`,
        message: expect.stringContaining('Third-party application access via OAuth'),
      },
    ]);
    expect((await session.listAccounts()).organizations).toMatchObject([{ key: key(CONTOSO), accountId: account.id, selected: true }]);
    // A policy refusal would refuse a new token too: no refresh is spent on it.
    expect(fake.control.requests({ grantType: 'refresh_token' })).toEqual([]);

    await session.selectOrganizations({ accountId: account.id, baseUrls: [] });

    expect((await session.listAccounts()).organizations).toMatchObject([{ key: key(CONTOSO), accountId: account.id, selected: false }]);
    expect((await session.availableOrganizations({ accountId: account.id })).available).toContainEqual({
      name: basic.orgs.contoso.name,
      baseUrl: CONTOSO,
      selected: false,
    });
  });

  it('removes the organizations and tokens of the signed-out account only when signing out', async () => {
    const started = startSession();
    const { session, db } = started;
    const { account: oauth } = await signInJane(started);
    const { account: pat } = await session.connectPat({ host: SERVER, token: basic.pats.janeServer });

    expect(await session.signOut({ accountId: oauth.id })).toEqual({ removedOrganizations: 1 });

    const { accounts, organizations } = await session.listAccounts();
    expect(accounts.map((a) => a.id)).toEqual([pat.id]);
    expect(organizations.map((o) => o.key)).toEqual([key(SERVER)]);
    expect(await db.secrets.toCollection().primaryKeys()).toEqual([`${pat.id}|pat`]);
    await expect(session.checkOrganization({ key: key(SERVER) })).resolves.toMatchObject({ displayName: JANE.displayName });
  });

  it('never puts a token in an error or in the account list when sign-ins and calls fail', async () => {
    const started = startSession({ hostPermission: false });
    const { session } = started;
    const failures: unknown[] = [];
    const fail = async (promise: Promise<unknown>) => failures.push(await rejectionOf(promise));

    // PAT: a token pasted in the wrong field or with its scheme, refused, expired, no permission.
    await fail(session.connectPat({ host: basic.pats.janeContoso, token: basic.pats.janeContoso }));
    await fail(session.connectPat({ host: CONTOSO, token: `Bearer ${basic.pats.janeContoso}` }));
    await fail(session.connectPat({ host: CONTOSO, token: basic.pats.workOnly }));
    await fail(session.connectPat({ host: CONTOSO, token: basic.pats.expired }));
    await fail(session.connectPat({ host: SERVER, token: basic.pats.janeServer }));
    await session.connectPat({ host: FABRIKAM, token: basic.pats.janeFabrikam });
    fake.control.expirePat(basic.pats.janeFabrikam);
    await fail(session.checkOrganization({ key: key(FABRIKAM) }));

    // OAuth: an organization that refuses it, then a refresh token that is gone.
    const { account, results } = await signInJane(started, [CONTOSO, FABRIKAM]);
    fake.control.revokeRefreshTokens();
    fake.control.expireAccessTokens();
    fake.control.setFailures({ entraSessionAlive: false });
    await fail(session.checkOrganization({ key: key(CONTOSO) }));
    await fail(session.availableOrganizations({ accountId: account.id }));

    const tokens = [...fake.control.state.accessTokens.keys(), ...fake.control.state.refreshTokens.keys()];
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    const pats = Object.values(basic.pats);
    const secrets = [...tokens, ...pats, ...pats.map((pat) => Buffer.from(`:${pat}`).toString('base64'))];
    expect(failures).toHaveLength(8);
    for (const error of failures) expect(leakedSecrets(error, secrets)).toEqual([]);
    const outputs = JSON.stringify([results, await session.listAccounts()]);
    expect(secrets.filter((secret) => outputs.includes(secret))).toEqual([]);
  });

  it('asks to sign in again when a stored token can no longer be unsealed', async () => {
    const { session, db } = startSession();
    const { account } = await session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    const sealed = (await db.secrets.where('accountId').equals(account.id).first())!;
    const tampered = new Uint8Array(sealed.ciphertext.slice(0));
    tampered[0] = tampered[0]! ^ 0xff;
    await db.secrets.update(sealed.key, { ciphertext: tampered.buffer });

    await expect(session.checkOrganization({ key: key(CONTOSO) })).rejects.toMatchObject({ kind: 'reauth-required' });
    expect((await session.listAccounts()).accounts).toMatchObject([{ id: account.id, needsReauth: true }]);
  });
});
