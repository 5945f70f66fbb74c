/**
 * Which hosts are Azure DevOps: the one place that knows (docs/azure-devops-hosts.md). Every other
 * module asks here, so a rule such as "`{org}.visualstudio.com` is an organization, but
 * `marketplace.visualstudio.com` is not" is written once.
 */

/** Organization names: letters, digits and hyphens, starting with a letter or digit. */
export const ORGANIZATION_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/** Where Azure Repos serves Git over SSH (the second is the legacy name). */
export const CLOUD_SSH_HOSTS: ReadonlySet<string> = new Set(['ssh.dev.azure.com', 'vs-ssh.visualstudio.com']);
export const LEGACY_SSH_HOST = 'vs-ssh.visualstudio.com';

/** The profile and accounts service, shared by all organizations. */
export const PROFILE_ORIGIN = 'https://app.vssps.visualstudio.com';

/** dev.azure.com and its organization-scoped service hosts (`{service}.dev.azure.com/{org}`). */
const DEV_AZURE_HOSTS: ReadonlySet<string> = new Set([
  'dev.azure.com',
  'vssps.dev.azure.com',
  'vsrm.dev.azure.com',
  'feeds.dev.azure.com',
  'pkgs.dev.azure.com',
  'vsaex.dev.azure.com',
]);
/** Services of a legacy organization host: `{org}.{service}.visualstudio.com`. */
const LEGACY_SERVICES: ReadonlySet<string> = new Set(['vssps', 'vsrm', 'feeds', 'pkgs', 'vsaex']);
/** First labels of visualstudio.com hosts that are Microsoft sites, not organizations. */
const NOT_ORGANIZATIONS: ReadonlySet<string> = new Set([
  'www', 'app', 'my', 'marketplace', 'aex', 'login', 'go', 'docs', 'code', 'devblogs', 'developercommunity',
  'download', 'visualstudio', 'vs-ssh', 'ssh', 'api', 'status', 'learn', 'vsstartpage', 'visualstudiogallery',
]);
/** Text that names the Microsoft cloud; outside a cloud host it marks a look-alike. */
const MICROSOFT_CLOUD_NAME = /dev\.azure\.com|visualstudio\.com/i;

/** `{org}.visualstudio.com` (with `withService`, also `{org}.{service}.visualstudio.com`) → org; else null. */
export function legacyOrganizationOfHost(hostname: string, options: { withService?: boolean } = {}): string | null {
  const host = hostname.toLowerCase();
  if (!host.endsWith('.visualstudio.com')) return null;
  const labels = host.slice(0, -'.visualstudio.com'.length).split('.');
  const [org, service] = labels;
  const shape = labels.length === 1 || (options.withService === true && labels.length === 2 && service !== undefined && LEGACY_SERVICES.has(service));
  if (!shape || org === undefined || NOT_ORGANIZATIONS.has(org) || !ORGANIZATION_NAME.test(org)) return null;
  return org;
}

/** Hosts of the Azure DevOps Services web UI: dev.azure.com and `{org}.visualstudio.com`. */
export function isAzureDevOpsCloudHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'dev.azure.com' || legacyOrganizationOfHost(host) !== null;
}

/** dev.azure.com or one of its organization-scoped service hosts (vssps, vsrm, feeds…). */
export function isDevAzureHost(hostname: string): boolean {
  return DEV_AZURE_HOSTS.has(hostname.toLowerCase());
}

/** Any Azure DevOps Services host a REST call may go to, web or service. */
export function isAzureDevOpsServiceHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return isDevAzureHost(host) || host === new URL(PROFILE_ORIGIN).hostname || legacyOrganizationOfHost(host, { withService: true }) !== null;
}

/** The text mentions dev.azure.com or visualstudio.com (a look-alike when it is not the host itself). */
export function namesMicrosoftCloud(text: string): boolean {
  return MICROSOFT_CLOUD_NAME.test(text);
}

/**
 * The organization's identity service: `https://dev.azure.com/{org}` → `https://vssps.dev.azure.com/{org}`;
 * legacy `{org}.visualstudio.com` → `https://{org}.vssps.visualstudio.com`; Server → null.
 */
export function vsspsBaseOf(baseUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (host === 'dev.azure.com') {
    const org = url.pathname.split('/').find(Boolean);
    return org ? `https://vssps.dev.azure.com/${org}` : null;
  }
  const legacy = legacyOrganizationOfHost(host);
  return legacy ? `https://${legacy}.vssps.visualstudio.com` : null;
}

/**
 * The origins a token of the account serving `baseUrl` may be sent to. Cloud: the organization's
 * own hosts (new and legacy forms, and their identity service) and the shared profile service.
 * Server: exactly its own origin.
 */
export function tokenOriginsOf(baseUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return [];
  }
  const host = url.hostname.toLowerCase();
  const org = host === 'dev.azure.com' ? url.pathname.split('/').find(Boolean)?.toLowerCase() : legacyOrganizationOfHost(host);
  if (!isAzureDevOpsCloudHost(host) || !org) return [url.origin.toLowerCase()];
  return [
    'https://dev.azure.com',
    'https://vssps.dev.azure.com',
    PROFILE_ORIGIN,
    `https://${org}.visualstudio.com`,
    `https://${org}.vssps.visualstudio.com`,
  ];
}

/**
 * Whether a request to `url` may carry the token of the account serving `baseUrl`: one of its
 * origins (tokenOriginsOf) and, on the shared dev.azure.com hosts, under its own organization.
 */
export function mayCarryToken(url: URL, baseUrl: string): boolean {
  if (!tokenOriginsOf(baseUrl).includes(url.origin.toLowerCase())) return false;
  const host = url.hostname.toLowerCase();
  if (host !== 'dev.azure.com' && host !== 'vssps.dev.azure.com') return true;
  const org = new URL(baseUrl).pathname.split('/').find(Boolean)?.toLowerCase();
  return url.pathname.split('/').find(Boolean)?.toLowerCase() === org;
}
