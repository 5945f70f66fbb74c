import { AppError } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import type { AccountRecord, OrganizationRecord } from '../db/schema';
import { getConnectionData } from '../azure/connection-data';
import { probeFeatures } from '../azure/probe-features';
import { parseHostInput, checkPatFormat, type HostWarning, type PatTarget } from './pat-input';
import { discoverTenant } from './tenant-discovery';
import { toAccountView, toOrganizationView } from './account-views';
import type { Credentials, CredentialDeps } from './credentials';
import { organizationKeyOf } from '../azure/organization-key';
import { CLOUD_HOST } from '../azure/azure-hosts';
import type { ManagedPolicy } from '../policy/managed-policy';
import { isPatSignInAllowed, organizationRefusal } from '../policy/policy-rules';

export interface PatConnectDeps extends Pick<CredentialDeps, 'db' | 'fetch' | 'now'> {
  /** Whether the extension may talk to an Azure DevOps Server origin (optional host permission). */
  hasHostPermission: (origin: string) => Promise<boolean>;
  managedPolicy: () => Promise<ManagedPolicy>;
}

/**
 * Connect with a Personal Access Token: check the token against its organization (who it is, then
 * what it may do), then store account, organization and sealed token in one transaction. A PAT
 * serves one organization; connecting that organization again replaces the token of its PAT account.
 */
export function createPatConnect(deps: PatConnectDeps, credentials: Credentials) {
  const { db } = deps;

  async function connectPat(input: { host: string; token: string; acceptedWarning?: HostWarning['kind'] }) {
    // The popup hides what the policy forbids, but the popup can be bypassed: the rules hold here.
    const policy = await deps.managedPolicy();
    if (!isPatSignInAllowed(policy)) throw new AppError(appErrors.patSignInNotAllowedByPolicy());
    const host = parseHostInput(input.host);
    if (!host.ok) throw new AppError({ kind: 'invalid-input', message: host.message, details: { field: 'host' } });
    const refusal = organizationRefusal(policy, host.target);
    if (refusal) throw new AppError({ ...refusal, details: { ...refusal.details, field: 'host' } });
    // The background enforces the confirmation too: no token goes to a risky server unconfirmed.
    if (host.warning && input.acceptedWarning !== host.warning.kind) {
      throw new AppError({ kind: 'invalid-input', message: host.warning.message, details: { field: 'host', warning: host.warning.kind } });
    }
    const format = checkPatFormat(input.token);
    if (!format.ok) throw new AppError({ kind: 'invalid-input', message: format.message, details: { field: 'token' } });
    const target = host.target;
    if (target.kind === 'server' && !(await deps.hasHostPermission(target.origin))) {
      throw new AppError(appErrors.serverPermissionNeeded(target.origin));
    }

    const client = credentials.clientWith({ kind: 'pat', token: format.token }, target.baseUrl);
    const who = await getConnectionData(client, target.baseUrl).catch(async (error: unknown) => {
      throw await explainRefusedToken(error, target, format.shapeHint);
    });
    // Identity is proven: from here on nothing optional can fail the connect.
    const features = await probeFeatures(client, target.baseUrl);
    const name = nameOf(target);
    if (features.browse === false) {
      throw new AppError(appErrors.tokenCannotReadCode(name));
    }

    const key = organizationKeyOf(target.baseUrl);
    const fresh: AccountRecord = {
      id: crypto.randomUUID(),
      kind: 'pat',
      displayName: who.displayName,
      email: who.email,
      userId: who.userId,
      host: target.kind === 'cloud' ? CLOUD_HOST : target.baseUrl,
      tenantId: null,
      scopes: [],
      features,
      tokenExpiresAt: null,
      refreshExpiresAt: null,
      needsReauth: false,
      createdAt: deps.now(),
    };
    // Sealed outside the transaction (WebCrypto would end it), for both ids it may be stored under.
    const previous = await db.organizations.get(key);
    const candidates = [fresh.id, ...(previous ? [previous.accountId] : [])];
    const sealed = new Map(await Promise.all(candidates.map(async (id) => [id, await credentials.secrets.seal(id, 'pat', format.token)] as const)));

    const stored = await db.transaction('rw', [db.accounts, db.organizations, db.secrets], async () => {
      const current = await db.organizations.get(key);
      const owner = current ? await db.accounts.get(current.accountId) : undefined;
      // The organization's own PAT account gets the new token and keeps its id; any other account
      // serving it (OAuth) keeps its other organizations and is never deleted here.
      const reuse = owner?.kind === 'pat' && sealed.has(owner.id) && (await db.organizations.where('accountId').equals(owner.id).count()) === 1;
      const account: AccountRecord = reuse ? { ...fresh, id: owner.id, createdAt: owner.createdAt } : fresh;
      const organization: OrganizationRecord = {
        key,
        name,
        kind: target.kind,
        baseUrl: target.baseUrl,
        accountId: account.id,
        selected: true,
        instanceId: who.instanceId,
        apiVersion: credentials.apiVersions.get(target.baseUrl) ?? null,
      };
      await db.accounts.put(account);
      await db.secrets.put(sealed.get(account.id)!);
      await db.organizations.put(organization);
      return { account, organization };
    });
    return { account: toAccountView(stored.account), organization: toOrganizationView(stored.organization) };
  }

  /**
   * The identity call needs no scope, so a refusal there is about the token itself (wrong, revoked,
   * made for another organization), or about an organization that does not exist: the REST API
   * answers both alike, an anonymous HEAD on the organization tells them apart.
   */
  async function explainRefusedToken(error: unknown, target: PatTarget, shapeHint: string | undefined): Promise<unknown> {
    // A sign-in page may come from a proxy or captive portal as much as from Azure DevOps: say that.
    if (!(error instanceof AppError) || error.details?.signInPage) return error;
    const refused = error.kind === 'auth-invalid' || error.kind === 'auth-missing-scope' || error.kind === 'not-found';
    if (!refused) return error;
    const name = nameOf(target);
    if (target.kind === 'cloud') {
      const probe = await discoverTenant(target.baseUrl, credentials.entraDeps.fetch).catch(() => null);
      if (probe?.exists === false) return new AppError(appErrors.organizationDoesNotExist(name));
    }
    if (error.kind === 'not-found') return error;
    return new AppError(appErrors.tokenRefused(name, shapeHint));
  }

  return { connectPat };
}

function nameOf(target: PatTarget): string {
  return target.kind === 'cloud' ? target.organization : target.collection;
}
