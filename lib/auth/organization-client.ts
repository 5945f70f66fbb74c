import { AppError } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import type { CompanionDb } from '../db/schema';
import type { Session } from './session';
import { organizationKeyOf } from '../azure/organization-key';

/**
 * A selected organization, the account that serves it and a REST client with that account's
 * credential: what every popup action on one organization starts from.
 */
export async function organizationClient(deps: { db: CompanionDb; session: Pick<Session, 'clientFor'> }, orgKey: string) {
  const organization = await deps.db.organizations.get(organizationKeyOf(orgKey));
  if (!organization?.selected) throw new AppError(appErrors.organizationGone());
  const account = await deps.db.accounts.get(organization.accountId);
  if (!account) throw new AppError(appErrors.organizationGone());
  return { organization, account, client: deps.session.clientFor(account) };
}
