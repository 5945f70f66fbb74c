import { AppError } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';

export interface TenantDiscovery {
  /** The Entra tenant backing the organization; null when it has none or did not say. */
  tenantId: string | null;
  /** The organization is backed by Microsoft accounts (all-zero tenant): Entra OAuth cannot serve it, offer a PAT. */
  msa: boolean;
  /**
   * false: no such organization (the anonymous HEAD answered 404). Its REST API cannot tell: it
   * refuses every call for a missing organization like a permission refusal. null: unknown.
   */
  exists: boolean | null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

/**
 * Which Entra tenant backs an Azure DevOps organization, from an unauthenticated HEAD on its URL
 * (docs/entra-oauth.md#the-flow, after GCM's `AzureDevOpsRestApi.GetAuthorityAsync`):
 * the `authorization_uri` of the Bearer challenge in `WWW-Authenticate`, else the first non-zero
 * GUID of `X-VSS-ResourceTenant`; only all-zero GUIDs there mean a Microsoft-account org.
 * When neither says anything, `{ tenantId: null, msa: false }`: sign in with `organizations`.
 */
export async function discoverTenant(orgBaseUrl: string, fetchFn: typeof fetch): Promise<TenantDiscovery> {
  let url: URL;
  try {
    url = new URL(orgBaseUrl);
  } catch {
    throw new AppError(appErrors.notAWebAddress());
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError(appErrors.notAWebAddress());
  }
  let headers: Headers;
  let status: number;
  try {
    const response = await fetchFn(url.href, {
      method: 'HEAD',
      // Unauthenticated on purpose; Suppress asks for a 401 with the headers instead of a sign-in redirect.
      credentials: 'omit',
      redirect: 'manual',
      headers: { 'X-TFS-FedAuthRedirect': 'Suppress' },
    });
    headers = response.headers;
    status = response.status;
  } catch {
    throw new AppError(appErrors.cannotReachAzureDevOps());
  }
  const exists = status === 404 ? false : status === 401 || (status >= 200 && status < 400) ? true : null;
  return { ...tenantFromHeaders(headers), exists };
}

/** The discovery rules on the response headers alone. */
export function tenantFromHeaders(headers: Headers): Omit<TenantDiscovery, 'exists'> {
  const fromChallenge = tenantOfAuthorizationUri(headers.get('www-authenticate'));
  if (fromChallenge && fromChallenge !== ZERO_GUID) return { tenantId: fromChallenge, msa: false };

  const resourceTenants = (headers.get('x-vss-resourcetenant') ?? '')
    .split(',')
    .map((value) => value.trim().toLowerCase())
    .filter((value) => GUID.test(value));
  const tenantId = resourceTenants.find((value) => value !== ZERO_GUID);
  if (tenantId) return { tenantId, msa: false };
  return { tenantId: null, msa: resourceTenants.length > 0 || fromChallenge === ZERO_GUID };
}

/** `Bearer authorization_uri=https://login.microsoftonline.com/{tenant}` → the tenant GUID, lower-cased. */
function tenantOfAuthorizationUri(header: string | null): string | null {
  const uri = /authorization_uri="?([^",\s]+)/i.exec(header ?? '')?.[1];
  if (!uri) return null;
  let tenant: string | undefined;
  try {
    tenant = new URL(uri).pathname.split('/').filter(Boolean)[0];
  } catch {
    return null;
  }
  return tenant && GUID.test(tenant) ? tenant.toLowerCase() : null;
}
