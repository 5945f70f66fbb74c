import { AppError } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import type { CompanionDb, AccountRecord, SecretKind, SecretRecord } from '../db/schema';
import { createSecretStore } from '../db/secret-store';
import { createTokenVault } from '../crypto/token-vault';
import { createRestClient, type Credential, type RestClient } from '../azure/rest-client';
import { createApiVersionMemory } from '../azure/api-version';
import { isAzureDevOpsServiceHost, mayCarryToken } from '../azure/azure-hosts';
import { refreshEntraToken, signInWithEntra, type EntraConfig, type EntraDeps, type TokenSet } from './entra';
import { createSingleFlight } from './single-flight';
import { timedFetch } from './timed-fetch';

/** Refresh an access token this long before it expires, so no request goes out with a dying token. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** Entra ends a single-page app's refresh-token chain 24 hours after sign-in. */
export const SPA_REFRESH_LIFETIME_MS = 24 * 60 * 60_000;
/** No request, to Azure DevOps or Entra, may keep a user (or a single-flight entry) waiting longer. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface CredentialDeps {
  db: CompanionDb;
  fetch: typeof fetch;
  now: () => number;
  entra: () => Promise<EntraConfig>;
  launchWebAuthFlow: EntraDeps['launchWebAuthFlow'];
  redirectUri: string;
  /** Per request, Entra's included; default 30 s. */
  requestTimeoutMs?: number;
  /** How the REST clients wait between retries; tests pass one that does not wait the real seconds. */
  sleep?: (ms: number) => Promise<void>;
}

type AccountIdentity = Pick<AccountRecord, 'id' | 'kind' | 'email' | 'displayName'>;

/**
 * Tokens: reading them, refreshing them once however many requests need it, storing them only for
 * an account that still exists (sign-out wins over anything in flight), and the REST clients that
 * carry them. The only module that unseals a token.
 */
export function createCredentials(deps: CredentialDeps) {
  const { db } = deps;
  const timeoutMs = deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const secrets = createSecretStore(db, createTokenVault(db));
  // Calls that do not go through the REST client (Entra's token endpoint, the anonymous HEAD that
  // discovers an organization's tenant) get the same deadline here: `entraDeps.fetch`.
  const entraDeps: EntraDeps = {
    fetch: timedFetch(deps.fetch, timeoutMs),
    now: deps.now,
    launchWebAuthFlow: deps.launchWebAuthFlow,
    redirectUri: deps.redirectUri,
  };
  // What each Azure DevOps Server accepts is learned once and kept on its organization record, so a
  // restarted service worker does not pay for the negotiation again.
  const apiVersions = createApiVersionMemory({
    onChange: (base, version) => void db.organizations.where('key').equals(base).modify({ apiVersion: version }),
  });
  void db.organizations.toArray().then(
    (organizations) => {
      for (const o of organizations) if (o.apiVersion && !apiVersions.get(o.baseUrl)) apiVersions.set(o.baseUrl, o.apiVersion);
    },
    () => {
      // Without the remembered versions the first call to a Server renegotiates; nothing else is lost.
    },
  );
  const refreshOnce = createSingleFlight<string>();

  const signedOut = () => new AppError(appErrors.signedOut());

  async function accountOrThrow(accountId: string): Promise<AccountRecord> {
    const account = await db.accounts.get(accountId);
    if (!account) throw signedOut();
    return account;
  }

  /** A stored token that cannot be unsealed is as good as gone: the user must sign in again. */
  async function readSecret(account: AccountRecord, kind: SecretKind): Promise<string | null> {
    try {
      return await secrets.get(account.id, kind);
    } catch (error) {
      if (error instanceof AppError && error.kind === 'reauth-required') throw await markNeedsReauth(account, error);
      throw error;
    }
  }

  /**
   * Runs `write` in one transaction with the account's row, the organizations and the secrets, after
   * checking the account still exists: a sign-out that happened meanwhile wins and nothing is stored.
   */
  async function whileSignedIn<T>(accountId: string, write: (account: AccountRecord) => Promise<T>): Promise<T> {
    return db.transaction('rw', [db.accounts, db.organizations, db.secrets], async () => {
      const account = await db.accounts.get(accountId);
      if (!account) throw signedOut();
      return write(account);
    });
  }

  async function sealTokenSet(accountId: string, tokens: TokenSet): Promise<SecretRecord[]> {
    return Promise.all([
      secrets.seal(accountId, 'access-token', tokens.accessToken),
      ...(tokens.refreshToken ? [secrets.seal(accountId, 'refresh-token', tokens.refreshToken)] : []),
    ]);
  }

  /** Stores a token set and the account's expiry fields together, if the account still exists. */
  async function saveTokenSet(accountId: string, tokens: TokenSet, extra: Partial<AccountRecord> = {}): Promise<void> {
    const sealed = await sealTokenSet(accountId, tokens);
    await whileSignedIn(accountId, async () => {
      await db.secrets.bulkPut(sealed);
      await db.accounts.update(accountId, { tokenExpiresAt: tokens.expiresAt, needsReauth: false, scopes: tokens.scope.split(' '), ...extra });
    });
  }

  async function refreshAccessToken(accountId: string): Promise<string> {
    return refreshOnce(accountId, async () => {
      const account = await accountOrThrow(accountId);
      const refreshToken = await readSecret(account, 'refresh-token');
      try {
        if (!refreshToken) throw reauthError(account);
        const tokens = await refreshEntraToken(await deps.entra(), refreshToken, entraDeps);
        await saveTokenSet(accountId, tokens);
        return tokens.accessToken;
      } catch (error) {
        if (!(error instanceof AppError && error.kind === 'reauth-required')) throw error;
        // The 24-hour chain ended: a live Microsoft session in the browser can start a new one
        // without a window (prompt=none). Only when that fails does the user have to act.
        const renewed = await silentSignIn(account).catch(() => null);
        if (renewed) return renewed;
        throw await markNeedsReauth(account, error);
      }
    });
  }

  async function silentSignIn(account: AccountRecord): Promise<string> {
    const config = await deps.entra();
    // A window-less flow that never redirects must not hold the refresh single-flight forever.
    const silentDeps: EntraDeps = {
      ...entraDeps,
      launchWebAuthFlow: (details) =>
        new Promise((resolve, reject) => {
          const timer = globalThis.setTimeout(() => reject(new Error('User interaction required.')), timeoutMs);
          deps.launchWebAuthFlow(details).then(resolve, reject).finally(() => globalThis.clearTimeout(timer));
        }),
    };
    const tokens = await signInWithEntra(account.tenantId ? { ...config, tenant: account.tenantId } : config, silentDeps, {
      interactive: false,
      ...(account.email ? { loginHint: account.email } : {}),
    });
    const sameUser = tokens.account.objectId ? tokens.account.objectId === account.userId : tokens.account.username === account.email;
    if (!sameUser) throw reauthError(account);
    await saveTokenSet(account.id, tokens, { refreshExpiresAt: deps.now() + SPA_REFRESH_LIFETIME_MS });
    return tokens.accessToken;
  }

  function reauthError(account: AccountIdentity): AppError {
    return new AppError(appErrors.signInEnded(account.email || account.displayName));
  }

  async function markNeedsReauth(account: AccountIdentity, cause?: AppError): Promise<AppError> {
    await db.accounts.update(account.id, { needsReauth: true });
    return cause ?? reauthError(account);
  }

  async function credentialFor(accountId: string): Promise<Credential> {
    return (await credentialWithAccount(accountId)).credential;
  }

  async function credentialWithAccount(accountId: string): Promise<{ credential: Credential; account: AccountRecord }> {
    const account = await accountOrThrow(accountId);
    if (account.kind === 'pat') {
      const token = await readSecret(account, 'pat');
      if (!token) throw await markNeedsReauth(account);
      return { credential: { kind: 'pat', token }, account };
    }
    if (account.needsReauth) throw await markNeedsReauth(account);
    const expiring = account.tokenExpiresAt === null || account.tokenExpiresAt - REFRESH_MARGIN_MS <= deps.now();
    const token = expiring ? await refreshAccessToken(accountId) : await readSecret(account, 'access-token');
    return { credential: { kind: 'bearer', token: token ?? (await refreshAccessToken(accountId)) }, account };
  }

  /** The REST client that acts as this account. */
  function clientFor(account: AccountIdentity): RestClient {
    // Whether the stored account was flagged when this request read its credential.
    let wasFlagged = false;
    // The account's organizations, read once per client rather than once per request.
    let baseUrls: Promise<string[]> | undefined;
    const client = createRestClient({
      fetch: deps.fetch,
      apiVersions,
      timeoutMs,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      isAllowedUrl: (url) => mayReceiveToken(account, url, () => (baseUrls ??= accountBaseUrls(account.id))),
      getCredential: async () => {
        const { credential, account: stored } = await credentialWithAccount(account.id);
        wasFlagged = stored.needsReauth;
        return credential;
      },
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
    if (account.kind !== 'pat') return client;
    async function watched<R>(send: () => Promise<R>): Promise<R> {
      let result: R;
      try {
        result = await send();
      } catch (error) {
        // A PAT that Azure DevOps refuses with a 401 stays dead: flag it so the popup asks for a new
        // one. A sign-in page is not proof: a captive portal or a proxy sends those too.
        if (error instanceof AppError && (error.kind === 'auth-expired' || error.kind === 'auth-invalid') && !error.details?.signInPage) {
          await markNeedsReauth(account);
        }
        throw error;
      }
      if (wasFlagged) await db.accounts.update(account.id, { needsReauth: false });
      return result;
    }
    return {
      request: (req) => watched(() => client.request(req)),
      requestPage: (req) => watched(() => client.requestPage(req)),
      newestApiVersion: (base) => client.newestApiVersion(base),
    };
  }

  /**
   * A token goes only to its account's hosts: an OAuth token to Azure DevOps Services over https; a
   * PAT to the organization (or Server collection) it was connected for.
   */
  async function mayReceiveToken(account: AccountIdentity, url: URL, organizations: () => Promise<string[]>): Promise<boolean> {
    if (account.kind === 'oauth') return url.protocol === 'https:' && isAzureDevOpsServiceHost(url.hostname);
    return (await organizations()).some((baseUrl) => mayCarryToken(url, baseUrl));
  }

  async function accountBaseUrls(accountId: string): Promise<string[]> {
    return (await db.organizations.where('accountId').equals(accountId).toArray()).map((o) => o.baseUrl);
  }

  /** A client for a credential being tried on `baseUrl` (a PAT on the connect form): one retry, then say what is wrong. */
  function clientWith(credential: Credential, baseUrl: string): RestClient {
    return createRestClient({
      fetch: deps.fetch,
      apiVersions,
      timeoutMs,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      maxRetries: 1,
      isAllowedUrl: (url) => mayCarryToken(url, baseUrl),
      getCredential: async () => credential,
    });
  }

  return {
    secrets,
    apiVersions,
    entraDeps,
    accountOrThrow,
    whileSignedIn,
    sealTokenSet,
    saveTokenSet,
    credentialFor,
    clientFor,
    clientWith,
  };
}

export type Credentials = ReturnType<typeof createCredentials>;
