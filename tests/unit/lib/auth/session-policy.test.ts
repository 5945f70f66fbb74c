// @vitest-environment node
/**
 * The organization's managed policy as the background's account service obeys it, whatever the
 * popup shows: against the fake Azure DevOps + Entra, like session.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { FakeAdo } from '../../../fake-ado/server';
import { useFakeAdo } from '../../support/use-fake-ado';
import { basic } from '../../../fake-ado/fixtures/basic';
import { parseManagedPolicy } from '@/lib/policy/managed-policy';
import { rejectionOf } from './fake-entra-browser';
import { CONTOSO, FABRIKAM, SERVER, key, startSession } from './session-harness';

let fake: FakeAdo;
useFakeAdo((started) => (fake = started));

const withPolicy = (raw: Record<string, unknown>) => startSession(fake, { managedPolicy: parseManagedPolicy(raw) });

describe('lib/auth/session with a managed policy', () => {
  it('refuses a PAT with a sentence naming the policy, and sends the token nowhere, when PAT sign-in is not allowed', async () => {
    const { session, db } = withPolicy({ allowPatSignIn: false });
    const before = fake.control.requests().length;

    const error = await rejectionOf(session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso }));

    expect(error).toMatchObject({ kind: 'permission-denied', message: "Your organization's policy allows only Microsoft sign-in in ADO Companion." });
    expect(fake.control.requests()).toHaveLength(before);
    expect(await db.accounts.count()).toBe(0);
  });

  it('refuses to connect an organization the policy does not list, and connects one it lists', async () => {
    const { session, db } = withPolicy({ allowedOrganizations: [basic.orgs.contoso.name] });

    const error = await rejectionOf(session.connectPat({ host: FABRIKAM, token: basic.pats.janeFabrikam }));
    expect(error).toMatchObject({ kind: 'permission-denied', message: expect.stringContaining("Your organization's policy does not allow ADO Companion to connect to fabrikam") });
    expect(await db.organizations.count()).toBe(0);

    await expect(session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso })).resolves.toMatchObject({ organization: { key: key(CONTOSO) } });
  });

  it('refuses an Azure DevOps Server whose host the policy does not list, before asking for its permission', async () => {
    const started = withPolicy({ allowedServerHosts: ['tfs.elsewhere.test'] });

    const error = await rejectionOf(started.session.connectPat({ host: SERVER, token: basic.pats.janeServer }));

    expect(error).toMatchObject({ kind: 'permission-denied', message: expect.stringContaining('the allowed Server hosts') });
    expect(started.hasHostPermission).not.toHaveBeenCalled();
  });

  it('offers only the organizations the policy lists after a Microsoft sign-in, and refuses one asked for anyway', async () => {
    const started = withPolicy({ allowedOrganizations: [basic.orgs.contoso.name] });
    const { session } = started;

    const { account, available } = await session.signInOAuth({});
    expect(available.map((o) => o.name)).toEqual([basic.orgs.contoso.name]);

    const { results } = await session.selectOrganizations({ accountId: account.id, baseUrls: [CONTOSO, FABRIKAM] });
    expect(results).toEqual([
      { baseUrl: CONTOSO, name: basic.orgs.contoso.name, status: 'connected' },
      { baseUrl: FABRIKAM, name: basic.orgs.fabrikam.name, status: 'failed', message: expect.stringContaining("Your organization's policy does not allow") },
    ]);
    expect((await session.listAccounts()).organizations.map((o) => o.key)).toEqual([key(CONTOSO)]);
  });
});
