import { AppError, type AppErrorValue } from '../errors/app-error';
import { appErrors, toAppErrorValue } from '../errors/error-messages';
import type { AccountRecord } from '../db/schema';
import { readSignInProgress, writeSignInProgress, type SignInProgress } from '../db/sign-in-progress';
import { getConnectionData } from '../azure/connection-data';
import { signInWithEntra, type TokenSet } from './entra';
import { listEntraOrganizations } from './organizations';
import { parseHostInput } from './pat-input';
import { discoverTenant } from './tenant-discovery';
import { SPA_REFRESH_LIFETIME_MS, type Credentials, type CredentialDeps } from './credentials';
import { toAccountView, type AccountView, type AvailableOrganization } from './account-views';
import { organizationKeyOf } from '../azure/organization-key';
import { CLOUD_HOST } from '../azure/azure-hosts';
import type { ManagedPolicy } from '../policy/managed-policy';
import { organizationRefusal } from '../policy/policy-rules';

/** Where an OAuth sign-in stands, for a popup opened again after it closed mid-sign-in. */
export type SignInProgressView =
  | { status: 'running' }
  | { status: 'choose-organizations'; account: AccountView; available: AvailableOrganization[] }
  | { status: 'failed'; error: AppErrorValue };

/** The outcome of turning on one organization for an OAuth account. */
export type OrganizationSelection =
  | { baseUrl: string; name: string; status: 'connected' }
  | { baseUrl: string; name: string; status: 'blocked'; message: string; patHost: string }
  /** Its directory is not the account's (a B2B guest): sign in against `tenantId`. */
  | { baseUrl: string; name: string; status: 'other-tenant'; message: string; tenantId: string; patHost: string }
  | { baseUrl: string; name: string; status: 'served-elsewhere'; message: string }
  | { baseUrl: string; name: string; status: 'failed'; message: string };

export type OAuthDeps = Pick<CredentialDeps, 'db' | 'fetch' | 'now' | 'entra'> & { managedPolicy: () => Promise<ManagedPolicy> };

/** A sign-in "running" for longer than this without a live flow in this worker was lost with its window. */
const SIGN_IN_WINDOW_MS = 10 * 60_000;

/**
 * Microsoft Entra sign-in and the choice of organizations. The sign-in runs to its end in the
 * background and its outcome is stored, because a real toolbar popup closes as soon as the
 * Microsoft window takes focus: the popup, opened again, resumes at the organization choice.
 */
export function createOAuthSignIn(deps: OAuthDeps, credentials: Credentials) {
  const { db } = deps;
  // Sign-ins running in this worker; a stored "running" with none here was cut off by a restart.
  let running = 0;

  async function signInOAuth(input: { accountId?: string; tenantId?: string }) {
    const existing = input.accountId ? await credentials.accountOrThrow(input.accountId) : null;
    running++;
    await writeSignInProgress(db, { status: 'running', startedAt: deps.now() });
    try {
      const config = await deps.entra();
      const tenant = input.tenantId ?? existing?.tenantId ?? null;
      const tokens = await signInWithEntra(tenant ? { ...config, tenant } : config, credentials.entraDeps, {
        interactive: true,
        ...(existing?.email ? { loginHint: existing.email } : {}),
      });
      const account = await findOrCreateAccount(tokens);
      await credentials.saveTokenSet(account.id, tokens, { refreshExpiresAt: deps.now() + SPA_REFRESH_LIFETIME_MS });
      const offered = await offerOrganizations(account.id, !tokens.account.name);
      await writeSignInProgress(db, { status: 'choose-organizations', accountId: account.id, available: offered.available, at: deps.now() });
      return offered;
    } catch (error) {
      const cancelled = error instanceof AppError && error.details?.reason === 'cancelled';
      await writeSignInProgress(db, cancelled ? null : { status: 'failed', error: toAppErrorValue(error), at: deps.now() });
      throw error;
    } finally {
      running--;
    }
  }

  /**
   * One account per person and directory, even when two sign-ins finish at the same moment (two
   * popups, or a popup and a tab): the look-up and the insert share one transaction.
   */
  async function findOrCreateAccount(tokens: TokenSet): Promise<AccountRecord> {
    const who = tokens.account;
    const email = who.username ?? '';
    return db.transaction('rw', db.accounts, async () => {
      const same = (await db.accounts.toArray()).find(
        (a) => a.kind === 'oauth' && a.tenantId === who.tenantId && (who.objectId ? a.userId === who.objectId : a.email === email),
      );
      if (same) return same;
      const account: AccountRecord = {
        id: crypto.randomUUID(),
        kind: 'oauth',
        // The id token may carry no name; the profile's display name replaces this once read.
        displayName: who.name ?? email,
        email,
        userId: who.objectId ?? '',
        host: CLOUD_HOST,
        tenantId: who.tenantId,
        scopes: [],
        features: null,
        tokenExpiresAt: null,
        refreshExpiresAt: null,
        needsReauth: false,
        createdAt: deps.now(),
      };
      await db.accounts.add(account);
      return account;
    });
  }

  /** The organizations the Entra user belongs to, marked with those in use and who serves them. */
  async function offerOrganizations(accountId: string, nameFromProfile = false) {
    const account = await credentials.accountOrThrow(accountId);
    const [{ profile, organizations: all }, policy] = await Promise.all([listEntraOrganizations(credentials.clientFor(account)), deps.managedPolicy()]);
    // Organizations the policy does not allow are not offered at all.
    const organizations = all.filter((o) => !organizationRefusal(policy, { kind: 'cloud', organization: o.name, baseUrl: o.baseUrl, tokenPageUrl: '' }));
    if (nameFromProfile && profile.displayName && profile.displayName !== account.displayName) {
      await db.accounts.update(accountId, { displayName: profile.displayName });
    }
    const [records, accounts] = await Promise.all([db.organizations.toArray(), db.accounts.toArray()]);
    const byKey = new Map(records.map((o) => [o.key, o]));
    const byId = new Map(accounts.map((a) => [a.id, a]));
    const available: AvailableOrganization[] = organizations.map((o) => {
      const record = byKey.get(organizationKeyOf(o.baseUrl));
      const owner = record && record.accountId !== accountId ? byId.get(record.accountId) : undefined;
      return {
        name: o.name,
        baseUrl: o.baseUrl,
        selected: record?.accountId === accountId && record.selected,
        ...(owner ? { servedBy: { accountId: owner.id, displayName: owner.displayName, kind: owner.kind } } : {}),
      };
    });
    return { account: toAccountView(await credentials.accountOrThrow(accountId)), available };
  }

  async function availableOrganizations(input: { accountId: string }) {
    const account = await credentials.accountOrThrow(input.accountId);
    if (account.kind !== 'oauth') {
      throw new AppError(appErrors.patServesOneOrganization());
    }
    return offerOrganizations(input.accountId);
  }

  /**
   * Turns on the chosen organizations for an OAuth account, checking each one accepts OAuth. An
   * organization another account serves moves only if it is in `takeOver`; no account is deleted.
   */
  async function selectOrganizations(input: { accountId: string; baseUrls: string[]; takeOver?: string[] }) {
    const account = await credentials.accountOrThrow(input.accountId);
    if (account.kind !== 'oauth') throw new AppError(appErrors.onlyOAuthPicksOrganizations());
    const client = credentials.clientFor(account);
    const wanted = new Set(input.baseUrls.map(organizationKeyOf));
    const takeOver = new Set((input.takeOver ?? []).map(organizationKeyOf));
    const policy = await deps.managedPolicy();

    /** Who else serves the organization, unless the user asked to move it here. */
    async function otherOwner(key: string) {
      const current = await db.organizations.get(key);
      if (!current || current.accountId === account.id || takeOver.has(key)) return null;
      return (await db.accounts.get(current.accountId)) ?? null;
    }

    const results = await Promise.all(
      [...wanted].map(async (key): Promise<OrganizationSelection> => {
        const host = parseHostInput(key);
        if (!host.ok || host.target.kind !== 'cloud') {
          return { baseUrl: key, name: key, status: 'failed', message: appErrors.notAnOrganizationAddress().message };
        }
        const { organization: name, baseUrl } = host.target;
        const refusal = organizationRefusal(policy, host.target);
        if (refusal) return { baseUrl, name, status: 'failed', message: refusal.message };
        const servedElsewhere = (owner: AccountRecord): OrganizationSelection => ({
          baseUrl,
          name,
          status: 'served-elsewhere',
          message: appErrors.servedElsewhere(name, owner).message,
        });
        try {
          const before = await otherOwner(key);
          if (before) return servedElsewhere(before);
          const who = await getConnectionData(client, baseUrl);
          return await credentials.whileSignedIn(account.id, async () => {
            const owner = await otherOwner(key);
            if (owner) return servedElsewhere(owner);
            await db.organizations.put({
              key,
              name,
              kind: 'cloud',
              baseUrl,
              accountId: account.id,
              selected: true,
              instanceId: who.instanceId,
              apiVersion: null,
            });
            return { baseUrl, name, status: 'connected' } as const;
          });
        } catch (error) {
          if (error instanceof AppError && error.kind === 'oauth-blocked-by-policy') return explainOAuthRefusal(account, name, baseUrl, error);
          return { baseUrl, name, status: 'failed', message: toAppErrorValue(error).message };
        }
      }),
    );
    // Organizations this account served but the user unticked are turned off, not deleted.
    await credentials.whileSignedIn(account.id, () =>
      db.organizations
        .where('accountId')
        .equals(account.id)
        .filter((o) => !wanted.has(o.key))
        .modify({ selected: false }),
    );
    const progress = await readSignInProgress(db);
    if (progress?.status === 'choose-organizations' && progress.accountId === account.id) await writeSignInProgress(db, null);
    return { results };
  }

  /**
   * Why an organization refused this sign-in: another directory where the user may be a guest (sign
   * in there), personal Microsoft accounts (PAT only), or its OAuth policy (PAT, or ask an admin).
   */
  async function explainOAuthRefusal(account: AccountRecord, name: string, baseUrl: string, error: AppError): Promise<OrganizationSelection> {
    const tenant = await discoverTenant(baseUrl, credentials.entraDeps.fetch).catch(() => null);
    const patHost = `${CLOUD_HOST}/${name}`;
    if (tenant?.msa) {
      return {
        baseUrl,
        name,
        status: 'blocked',
        patHost,
        message: appErrors.msaBackedOrganization(name).message,
      };
    }
    if (tenant?.tenantId && account.tenantId && tenant.tenantId !== account.tenantId.toLowerCase()) {
      return {
        baseUrl,
        name,
        status: 'other-tenant',
        tenantId: tenant.tenantId,
        patHost,
        message: appErrors.otherDirectory(name).message,
      };
    }
    return { baseUrl, name, status: 'blocked', patHost, message: error.message };
  }

  /** Where an OAuth sign-in stands, for a popup that was closed while it ran. */
  async function signInProgress(): Promise<SignInProgressView | null> {
    const progress = await readSignInProgress(db);
    if (!progress) return null;
    if (progress.status === 'running') {
      if (running > 0 && deps.now() - progress.startedAt < SIGN_IN_WINDOW_MS) return { status: 'running' };
      const lost: SignInProgress = { status: 'failed', error: appErrors.signInInterrupted(), at: deps.now() };
      await writeSignInProgress(db, lost);
      return { status: 'failed', error: lost.error };
    }
    if (progress.status === 'failed') return { status: 'failed', error: progress.error };
    const account = await db.accounts.get(progress.accountId);
    if (!account) {
      await writeSignInProgress(db, null);
      return null;
    }
    return { status: 'choose-organizations', account: toAccountView(account), available: progress.available };
  }

  async function dismissSignIn() {
    await writeSignInProgress(db, null);
    return {};
  }

  return { signInOAuth, availableOrganizations, selectOrganizations, signInProgress, dismissSignIn };
}

