import type { AccountRecord, OrganizationRecord } from '../db/schema';
import type { AccountView, OrganizationView } from '../messaging/protocol';

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
