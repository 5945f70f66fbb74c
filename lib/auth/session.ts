import { AppError } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import type { OrganizationRecord } from '../db/schema';
import { deleteAccountData } from '../db/account-data';
import { getConnectionData } from '../azure/connection-data';
import { probeFeatures } from '../azure/probe-features';
import { createCredentials, type CredentialDeps } from './credentials';
import { createPatConnect } from './pat-connect';
import { createOAuthSignIn } from './oauth-sign-in';
import { toAccountView, toOrganizationView } from './account-views';
import { organizationKeyOf } from '../azure/organization-key';
import type { ManagedPolicy } from '../policy/managed-policy';

export interface SessionDeps extends CredentialDeps {
  /** Whether the extension may talk to an Azure DevOps Server origin (optional host permission). */
  hasHostPermission: (origin: string) => Promise<boolean>;
  /** The organization's managed policy, which connects and organization choices obey. */
  managedPolicy: () => Promise<ManagedPolicy>;
}

/**
 * Accounts, their tokens and the organizations they serve, as the background offers them to the
 * popup. Composed of one part per job: credentials (tokens and refresh), PAT connect, OAuth sign-in
 * and organization choice. Everything it returns is token-free, and it holds no state that matters
 * in memory: the service worker may be stopped between any two calls.
 */
export function createSession(deps: SessionDeps) {
  const { db } = deps;
  const credentials = createCredentials(deps);
  const pat = createPatConnect(deps, credentials);
  const oauth = createOAuthSignIn(deps, credentials);

  async function organizationOrThrow(key: string): Promise<OrganizationRecord> {
    const organization = await db.organizations.get(organizationKeyOf(key));
    if (!organization) throw new AppError(appErrors.organizationGone());
    return organization;
  }

  async function checkOrganization(input: { key: string }) {
    const organization = await organizationOrThrow(input.key);
    const account = await credentials.accountOrThrow(organization.accountId);
    const who = await getConnectionData(credentials.clientFor(account), organization.baseUrl);
    return { displayName: who.displayName, email: who.email, checkedAt: deps.now() };
  }

  /** A PAT's capabilities again, for those that could not be checked when it was connected. */
  async function recheckFeatures(input: { accountId: string }) {
    const account = await credentials.accountOrThrow(input.accountId);
    const organization = await db.organizations.where('accountId').equals(account.id).first();
    if (account.kind !== 'pat' || !organization) {
      throw new AppError(appErrors.onlyPatFeaturesRecheck());
    }
    const features = await probeFeatures(credentials.clientFor(account), organization.baseUrl);
    await credentials.whileSignedIn(account.id, () => db.accounts.update(account.id, { features }));
    return { account: toAccountView(await credentials.accountOrThrow(account.id)) };
  }

  /** The only way an account is ever deleted. */
  async function signOut(input: { accountId: string }) {
    const removed = await deleteAccountData(db, input.accountId);
    return { removedOrganizations: removed.length };
  }

  async function listAccounts() {
    const [accounts, organizations, signIn] = await Promise.all([db.accounts.toArray(), db.organizations.toArray(), oauth.signInProgress()]);
    return {
      accounts: accounts.sort((a, b) => a.createdAt - b.createdAt).map(toAccountView),
      organizations: organizations.sort((a, b) => a.name.localeCompare(b.name)).map(toOrganizationView),
      signIn,
    };
  }

  return {
    connectPat: pat.connectPat,
    signInOAuth: oauth.signInOAuth,
    availableOrganizations: oauth.availableOrganizations,
    selectOrganizations: oauth.selectOrganizations,
    dismissSignIn: oauth.dismissSignIn,
    recheckFeatures,
    checkOrganization,
    signOut,
    listAccounts,
    clientFor: credentials.clientFor,
    credentialFor: credentials.credentialFor,
  };
}

export type Session = ReturnType<typeof createSession>;
