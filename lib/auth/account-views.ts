import type { AccountRecord, OrganizationRecord } from '../db/schema';

/** An account as the UI sees it: never a token. */
export type AccountView = Pick<
  AccountRecord,
  'id' | 'kind' | 'displayName' | 'email' | 'host' | 'tokenExpiresAt' | 'refreshExpiresAt' | 'features' | 'needsReauth'
>;

export type OrganizationView = Pick<OrganizationRecord, 'key' | 'name' | 'kind' | 'baseUrl' | 'accountId' | 'selected'>;

/** An organization the signed-in Entra user belongs to, offered for selection. */
export interface AvailableOrganization {
  name: string;
  baseUrl: string;
  /** Already used through this account. */
  selected: boolean;
  /** Another account serves it now; it moves only if the user asks (`takeOver`). */
  servedBy?: { accountId: string; displayName: string; kind: AccountRecord['kind'] };
}

// Fields are listed one by one on purpose: a new record field never reaches the UI by accident.

export function toAccountView(account: AccountRecord): AccountView {
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

export function toOrganizationView(organization: OrganizationRecord): OrganizationView {
  return {
    key: organization.key,
    name: organization.name,
    kind: organization.kind,
    baseUrl: organization.baseUrl,
    accountId: organization.accountId,
    selected: organization.selected,
  };
}
