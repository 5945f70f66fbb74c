import { AppError } from '../errors/app-error';
import type { CompanionDb, AccountRecord, OrganizationRecord, SecretKind } from '../db/schema';
import { createSecretStore } from '../db/secret-store';
import { deleteAccountData } from '../db/account-data';
import { createTokenVault } from '../crypto/token-vault';
import { createRestClient, type Credential } from '../azure/rest-client';
import { createApiVersionMemory } from '../azure/api-version';
import { getConnectionData } from '../azure/connection-data';
import { probeFeatures } from '../azure/probe-features';
import { parseHostInput, checkPatFormat } from './pat-input';
import { signInWithEntra, refreshEntraToken, type EntraConfig, type EntraDeps, type TokenSet } from './entra';
import { listEntraOrganizations } from './organizations';
import { discoverTenant } from './tenant-discovery';
import { createSingleFlight } from './single-flight';
import type {
  AccountView,
  AvailableOrganization,
  OrganizationSelection,
  OrganizationView,
} from '../messaging/protocol';

/** Refresh an access token this long before it expires, so no request goes out with a dying token. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** Entra ends a single-page app's refresh-token chain 24 hours after sign-in. */
const SPA_REFRESH_LIFETIME_MS = 24 * 60 * 60_000;

export interface SessionDeps {
  db: CompanionDb;
  fetch: typeof fetch;
  now: () => number;
  entra: () => Promise<EntraConfig>;
  launchWebAuthFlow: EntraDeps['launchWebAuthFlow'];
  redirectUri: string;
  /** Whether the extension may talk to an Azure DevOps Server origin (optional host permission). */
  hasHostPermission: (origin: string) => Promise<boolean>;
}

/**
 * Accounts, their tokens and the organizations they serve. The only place that reads a token;
 * everything it returns to callers is token-free. Holds no state that matters in memory: the
 * service worker may be stopped between any two calls.
 */
export function createSession(deps: SessionDeps) {
  const { db } = deps;
  const secrets = createSecretStore(db, createTokenVault(db));
  // What each Azure DevOps Server accepts is learned once and kept on its organization record, so a
  // restarted service worker does not pay for the negotiation again.
  const apiVersions = createApiVersionMemory({
    onChange: (base, version) => void db.organizations.where('key').equals(base).modify({ apiVersion: version }),
  });
  void db.organizations.toArray().then((organizations) => {
    for (const o of organizations) if (o.apiVersion && !apiVersions.get(o.baseUrl)) apiVersions.set(o.baseUrl, o.apiVersion);
  }, () => {
    // Without the remembered versions the first call to a Server renegotiates; nothing else is lost.
  });
  const refreshOnce = createSingleFlight<string>();

  /** A stored token that cannot be unsealed is as good as gone: the user must sign in again. */
  async function readSecret(account: AccountRecord, kind: SecretKind): Promise<string | null> {
    try {
      return await secrets.get(account.id, kind);
    } catch (error) {
      if (error instanceof AppError && error.kind === 'reauth-required') throw await markNeedsReauth(account, error);
      throw error;
    }
  }

  async function accountOrThrow(accountId: string): Promise<AccountRecord> {
    const account = await db.accounts.get(accountId);
    if (!account) throw new AppError({ kind: 'not-found', message: 'That account is no longer signed in.' });
    return account;
  }

  async function organizationOrThrow(key: string): Promise<OrganizationRecord> {
    const organization = await db.organizations.get(key.toLowerCase());
    if (!organization) throw new AppError({ kind: 'not-found', message: 'That organization is no longer connected.' });
    return organization;
  }

  /** Stores a token set and the account's expiry fields together. */
  async function saveTokenSet(account: AccountRecord, tokens: TokenSet): Promise<void> {
    await secrets.put(account.id, 'access-token', tokens.accessToken);
    if (tokens.refreshToken) await secrets.put(account.id, 'refresh-token', tokens.refreshToken);
    await db.accounts.update(account.id, { tokenExpiresAt: tokens.expiresAt, needsReauth: false, scopes: tokens.scope.split(' ') });
  }

  async function refreshAccessToken(accountId: string): Promise<string> {
    return refreshOnce(accountId, async () => {
      const account = await accountOrThrow(accountId);
      const refreshToken = await readSecret(account, 'refresh-token');
      if (!refreshToken) throw await markNeedsReauth(account);
      try {
        const tokens = await refreshEntraToken(await deps.entra(), refreshToken, deps);
        await saveTokenSet(account, tokens);
        return tokens.accessToken;
      } catch (error) {
        if (error instanceof AppError && error.kind === 'reauth-required') throw await markNeedsReauth(account, error);
        throw error;
      }
    });
  }

  async function markNeedsReauth(account: Pick<AccountRecord, 'id' | 'email' | 'displayName'>, cause?: AppError): Promise<AppError> {
    await db.accounts.update(account.id, { needsReauth: true });
    return (
      cause ??
      new AppError({
        kind: 'reauth-required',
        message: `Your Azure DevOps sign-in as ${account.email || account.displayName} has ended. Sign in again.`,
      })
    );
  }

  async function credentialFor(accountId: string): Promise<Credential> {
    const account = await accountOrThrow(accountId);
    if (account.kind === 'pat') {
      const token = await readSecret(account, 'pat');
      if (!token) throw await markNeedsReauth(account);
      return { kind: 'pat', token };
    }
    if (account.needsReauth) throw await markNeedsReauth(account);
    const expiring = account.tokenExpiresAt === null || account.tokenExpiresAt - REFRESH_MARGIN_MS <= deps.now();
    const token = expiring ? await refreshAccessToken(accountId) : await readSecret(account, 'access-token');
    return { kind: 'bearer', token: token ?? (await refreshAccessToken(accountId)) };
  }

  function clientFor(account: Pick<AccountRecord, 'id' | 'kind' | 'email' | 'displayName'>) {
    const client = createRestClient({
      fetch: deps.fetch,
      apiVersions,
      getCredential: () => credentialFor(account.id),
      // A 401 with an OAuth token may mean it expired or was revoked early: one refresh, then give up.
      // If another request already refreshed it meanwhile, the newer token is simply used.
      onUnauthorized:
        account.kind === 'oauth'
          ? async (rejected) => {
              const current = await secrets.get(account.id, 'access-token').catch(() => null);
              const token = current && current !== rejected.token ? current : await refreshAccessToken(account.id);
              return { kind: 'bearer', token };
            }
          : undefined,
    });
    // A PAT that Azure DevOps stops accepting stays dead: flag the account so the popup asks for a new one.
    const request: typeof client.request = async (req) => {
      try {
        return await client.request(req);
      } catch (error) {
        if (account.kind === 'pat' && error instanceof AppError && (error.kind === 'auth-expired' || error.kind === 'auth-invalid')) {
          await markNeedsReauth(account);
        }
        throw error;
      }
    };
    return { request };
  }

  function clientWith(credential: Credential) {
    // The user is waiting on a form: one retry, then say what is wrong.
    return createRestClient({ fetch: deps.fetch, apiVersions, maxRetries: 1, getCredential: async () => credential });
  }

  async function connectPat(input: { host: string; token: string }) {
    const host = parseHostInput(input.host);
    if (!host.ok) throw new AppError({ kind: 'invalid-input', message: host.message, details: { field: 'host' } });
    const format = checkPatFormat(input.token);
    if (!format.ok) throw new AppError({ kind: 'invalid-input', message: format.message, details: { field: 'token' } });
    const target = host.target;
    if (target.kind === 'server' && !(await deps.hasHostPermission(target.origin))) {
      throw new AppError({
        kind: 'permission-denied',
        message: `ADO Companion needs your permission to reach ${target.origin}. Click Connect again and allow it.`,
      });
    }

    const client = clientWith({ kind: 'pat', token: format.token });
    const who = await getConnectionData(client, target.baseUrl);
    const features = await probeFeatures(client, target.baseUrl);
    const name = target.kind === 'cloud' ? target.organization : target.collection;
    if (!features.browse) {
      throw new AppError({
        kind: 'auth-missing-scope',
        message: `This token cannot read code in ${name}. Create a token with at least Code (Read); see “Which scopes to tick”.`,
        details: { field: 'token' },
      });
    }
    const key = target.baseUrl.toLowerCase();

    // A PAT serves exactly one organization: connecting again replaces that organization's PAT account.
    const previous = await db.organizations.get(key);
    const account: AccountRecord = {
      id: crypto.randomUUID(),
      kind: 'pat',
      displayName: who.displayName,
      email: who.email,
      userId: who.userId,
      host: target.kind === 'cloud' ? 'dev.azure.com' : target.baseUrl,
      tenantId: null,
      scopes: [],
      features,
      tokenExpiresAt: null,
      refreshExpiresAt: null,
      needsReauth: false,
      createdAt: deps.now(),
    };
    const organization: OrganizationRecord = {
      key,
      name,
      kind: target.kind,
      baseUrl: target.baseUrl,
      accountId: account.id,
      selected: true,
      instanceId: who.instanceId,
      apiVersion: apiVersions.get(target.baseUrl) ?? null,
    };
    await db.accounts.add(account);
    await secrets.put(account.id, 'pat', format.token);
    await db.organizations.put(organization);
    if (previous) await removeAccountIfUnused(previous.accountId);
    return { account: toAccountView(account), organization: toOrganizationView(organization) };
  }

  /** A PAT account without organizations serves nothing: remove it with its token. */
  async function removeAccountIfUnused(accountId: string) {
    const account = await db.accounts.get(accountId);
    if (account?.kind === 'pat' && (await db.organizations.where('accountId').equals(accountId).count()) === 0) {
      await deleteAccountData(db, accountId);
    }
  }

  async function signInOAuth(input: { accountId?: string }) {
    const config = await deps.entra();
    const existing = input.accountId ? await accountOrThrow(input.accountId) : null;
    const tokens = await signInWithEntra(config, deps, {
      interactive: true,
      ...(existing?.email ? { loginHint: existing.email } : {}),
    });

    const sameUser = (await db.accounts.toArray()).find(
      (a) => a.kind === 'oauth' && a.tenantId === tokens.account.tenantId && a.email === (tokens.account.username ?? ''),
    );
    const signedInUntil = deps.now() + SPA_REFRESH_LIFETIME_MS;
    const account: AccountRecord = sameUser ?? {
      id: crypto.randomUUID(),
      kind: 'oauth',
      displayName: tokens.account.name ?? tokens.account.username ?? 'Microsoft account',
      email: tokens.account.username ?? '',
      userId: tokens.account.objectId ?? '',
      host: 'dev.azure.com',
      tenantId: tokens.account.tenantId,
      scopes: [],
      features: null,
      tokenExpiresAt: null,
      refreshExpiresAt: signedInUntil,
      needsReauth: false,
      createdAt: deps.now(),
    };
    if (sameUser) await db.accounts.update(account.id, { refreshExpiresAt: signedInUntil });
    else await db.accounts.add(account);
    await saveTokenSet(account, tokens);
    return offerOrganizations(account.id, tokens.accessToken);
  }

  /** The organizations the Entra user belongs to, marked with those already in use. */
  async function offerOrganizations(accountId: string, accessToken: string) {
    const available = await listEntraOrganizations(accessToken, deps.fetch);
    const mine = new Set(
      (await db.organizations.where('accountId').equals(accountId).toArray()).filter((o) => o.selected).map((o) => o.key),
    );
    const offered: AvailableOrganization[] = available.map((o) => ({
      name: o.name,
      baseUrl: o.baseUrl,
      selected: mine.has(o.baseUrl.toLowerCase()),
    }));
    return { account: toAccountView(await accountOrThrow(accountId)), available: offered };
  }

  async function availableOrganizations(input: { accountId: string }) {
    const credential = await credentialFor(input.accountId);
    if (credential.kind !== 'bearer') {
      throw new AppError({ kind: 'invalid-input', message: 'A Personal Access Token serves one organization only.' });
    }
    return offerOrganizations(input.accountId, credential.token);
  }

  /** Turns on the chosen organizations for an OAuth account, checking each one accepts OAuth. */
  async function selectOrganizations(input: { accountId: string; baseUrls: string[] }) {
    const account = await accountOrThrow(input.accountId);
    if (account.kind !== 'oauth') throw new AppError({ kind: 'invalid-input', message: 'Only an OAuth account can pick organizations.' });
    const client = clientFor(account);
    const wanted = new Set(input.baseUrls.map((url) => url.toLowerCase()));

    const results = await Promise.all(
      [...wanted].map(async (key): Promise<OrganizationSelection> => {
        const host = parseHostInput(key);
        if (!host.ok || host.target.kind !== 'cloud') {
          return { baseUrl: key, name: key, status: 'failed', message: 'That is not an Azure DevOps organization address.' };
        }
        const { organization: name, baseUrl } = host.target;
        try {
          const who = await getConnectionData(client, baseUrl);
          const previous = await db.organizations.get(baseUrl.toLowerCase());
          await db.organizations.put({
            key: baseUrl.toLowerCase(),
            name,
            kind: 'cloud',
            baseUrl,
            accountId: account.id,
            selected: true,
            instanceId: who.instanceId,
            apiVersion: null,
          });
          if (previous && previous.accountId !== account.id) await removeAccountIfUnused(previous.accountId);
          return { baseUrl, name, status: 'connected' };
        } catch (error) {
          if (error instanceof AppError && error.kind === 'oauth-blocked-by-policy') {
            return { baseUrl, name, status: 'blocked', message: await explainOAuthRefusal(name, baseUrl, error), patHost: `dev.azure.com/${name}` };
          }
          return { baseUrl, name, status: 'failed', message: error instanceof AppError ? error.message : 'Could not connect.' };
        }
      }),
    );
    // Organizations this account served but the user unticked are turned off, not deleted.
    await db.organizations
      .where('accountId')
      .equals(account.id)
      .filter((o) => !wanted.has(o.key))
      .modify({ selected: false });
    return { results };
  }

  /** An MSA-backed organization refuses every Entra app; say so rather than blame its policy. */
  async function explainOAuthRefusal(name: string, baseUrl: string, error: AppError): Promise<string> {
    const tenant = await discoverTenant(baseUrl, deps.fetch).catch(() => null);
    if (!tenant?.msa) return error.message;
    return `${name} is backed by personal Microsoft accounts, and Azure DevOps does not accept Entra sign-in for those. Use a Personal Access Token for ${name}.`;
  }

  async function checkOrganization(input: { key: string }) {
    const organization = await organizationOrThrow(input.key);
    const account = await accountOrThrow(organization.accountId);
    const who = await getConnectionData(clientFor(account), organization.baseUrl);
    return { displayName: who.displayName, email: who.email, checkedAt: deps.now() };
  }

  async function signOut(input: { accountId: string }) {
    const removed = await deleteAccountData(db, input.accountId);
    return { removedOrganizations: removed.length };
  }

  async function listAccounts() {
    const [accounts, organizations] = await Promise.all([db.accounts.toArray(), db.organizations.toArray()]);
    return {
      accounts: accounts.sort((a, b) => a.createdAt - b.createdAt).map(toAccountView),
      organizations: organizations.sort((a, b) => a.name.localeCompare(b.name)).map(toOrganizationView),
    };
  }

  return { connectPat, signInOAuth, availableOrganizations, selectOrganizations, checkOrganization, signOut, listAccounts, clientFor, credentialFor };
}

export type Session = ReturnType<typeof createSession>;

function toAccountView(account: AccountRecord): AccountView {
  return {
    id: account.id,
    kind: account.kind,
    displayName: account.displayName,
    email: account.email,
    host: account.host,
    tokenExpiresAt: account.tokenExpiresAt,
    refreshExpiresAt: account.refreshExpiresAt,
    features: account.features,
    needsReauth: account.needsReauth,
  };
}

function toOrganizationView(organization: OrganizationRecord): OrganizationView {
  return {
    key: organization.key,
    name: organization.name,
    kind: organization.kind,
    baseUrl: organization.baseUrl,
    accountId: organization.accountId,
    selected: organization.selected,
  };
}
