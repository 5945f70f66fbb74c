import { AppError, type ErrorKind } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import type { CompanionDb } from '../db/schema';
import type { Session } from '../auth/session';
import { getConnectionData } from '../azure/connection-data';
import { addSshPublicKey } from '../azure/ssh-public-keys';
import { organizationKeyOf } from '../azure/organization-key';

export interface SshKeyUploadDeps {
  db: CompanionDb;
  session: Pick<Session, 'clientFor'>;
  now: () => number;
}

/**
 * The API is internal (docs/ssh-keys.md): a refusal of the credential, an unknown route or a page
 * instead of data all mean "this account cannot add keys here", and the user is sent to the
 * settings page. Network trouble and throttling keep their own sentences: trying again may work.
 */
const USE_SETTINGS_PAGE: ReadonlySet<ErrorKind> = new Set([
  'auth-missing-scope',
  'oauth-blocked-by-policy',
  'auth-invalid',
  'auth-expired',
  'not-found',
  'invalid-input',
  'internal',
]);

/**
 * Adds the popup's public key to one connected organization through the account that serves it.
 * Only the public key ever reaches the background; the private key stays in the popup.
 */
export function createSshKeyUpload(deps: SshKeyUploadDeps) {
  const { db } = deps;

  async function add(input: { orgKey: string; publicKey: string; displayName: string }) {
    const organization = await db.organizations.get(organizationKeyOf(input.orgKey));
    if (!organization) throw new AppError(appErrors.organizationGone());
    if (organization.kind !== 'cloud') throw new AppError(appErrors.sshKeyApiRefused(organization.name));
    const account = await db.accounts.get(organization.accountId);
    if (!account) throw new AppError(appErrors.organizationGone());
    const client = deps.session.clientFor(account);
    try {
      const instanceId = organization.instanceId ?? (await getConnectionData(client, organization.baseUrl)).instanceId;
      const added = await addSshPublicKey(client, {
        baseUrl: organization.baseUrl,
        organization: organization.name,
        instanceId,
        publicKey: input.publicKey,
        displayName: input.displayName,
        now: deps.now(),
      });
      return { organization: organization.name, validTo: added.validTo };
    } catch (error) {
      if (error instanceof AppError && USE_SETTINGS_PAGE.has(error.kind) && !error.details?.sshKey) {
        throw new AppError(appErrors.sshKeyApiRefused(organization.name));
      }
      throw error;
    }
  }

  return { add };
}
