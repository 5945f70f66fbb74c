import { cloudOrganizationOf, cloudOrganizationUrl } from './azure-hosts';

/**
 * The one key an organization (cloud) or collection (Server) is stored and looked up under: its
 * canonical base URL, lower-cased, without a trailing slash. A cloud organization has one key
 * whichever form names it (`https://dev.azure.com/Contoso`, `https://contoso.visualstudio.com`), so
 * a page on the legacy host finds the account that serves it. Idempotent: a key maps to itself.
 */
export function organizationKeyOf(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return baseUrl.replace(/\/+$/, '').toLowerCase();
  }
  const org = cloudOrganizationOf(url);
  return org ? cloudOrganizationUrl(org) : baseUrl.replace(/\/+$/, '').toLowerCase();
}
