import { AppError } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import type { RestClient } from '../azure/rest-client';
import { PROFILE_ORIGIN, cloudOrganizationUrl } from '../azure/azure-hosts';

/** An Azure DevOps organization the signed-in user belongs to. */
export interface EntraOrganization {
  /** The organization name (`accountName`). */
  name: string;
  /** The organization id (`accountId`). */
  id: string;
  /** `https://dev.azure.com/{name}` */
  baseUrl: string;
}

/** Who the profile service says the signed-in user is. */
export interface EntraProfile {
  /** '' when the profile has none. */
  displayName: string;
  /** '' when the profile has none. */
  email: string;
}

/**
 * The signed-in user's profile and organizations, sorted by name (profile → accounts; see
 * docs/azure-devops-rest.md). Needs an Entra access token: these APIs refuse organization-scoped
 * PATs. Goes through the REST client like every other call, for its deadline, retries and
 * redaction; rejects with the AppError it gives, or 'internal' for an answer without an id.
 */
export async function listEntraOrganizations(client: RestClient): Promise<{ profile: EntraProfile; organizations: EntraOrganization[] }> {
  const context = { organization: 'your Azure DevOps profile' };
  const profile = asRecord(await client.request<unknown>({ url: `${PROFILE_ORIGIN}/_apis/profile/profiles/me`, context }));
  const memberId = text(profile?.id);
  if (!memberId) throw unexpected();
  const accounts = asRecord(await client.request<unknown>({ url: `${PROFILE_ORIGIN}/_apis/accounts`, query: { memberId }, context }));
  if (!Array.isArray(accounts?.value)) throw unexpected();
  const organizations: EntraOrganization[] = [];
  for (const account of accounts.value as unknown[]) {
    const record = asRecord(account);
    const name = text(record?.accountName);
    const id = text(record?.accountId);
    if (!name || !id) continue;
    organizations.push({ name, id, baseUrl: cloudOrganizationUrl(name) });
  }
  organizations.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.name.localeCompare(b.name));
  return { profile: { displayName: text(profile?.displayName), email: text(profile?.emailAddress) }, organizations };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function unexpected(): AppError {
  return new AppError(appErrors.unexpectedOrganizationList());
}
