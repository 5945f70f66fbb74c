/**
 * Which hosts are Azure DevOps: the one place that knows (docs/azure-devops-hosts.md). Every other
 * module asks here, so a rule such as "`{org}.visualstudio.com` is an organization, but
 * `marketplace.visualstudio.com` is not" is written once.
 */

/** The host of Azure DevOps Services (cloud) organizations: `https://dev.azure.com/{org}`. */
export const CLOUD_HOST = 'dev.azure.com';

/** Where Azure Repos serves Git over SSH today. */
export const CLOUD_SSH_HOST = 'ssh.dev.azure.com';

/** The base URL of a cloud organization, in the form Azure DevOps itself uses today. */
export function cloudOrganizationUrl(organization: string): string {
  return `https://${CLOUD_HOST}/${encodeURIComponent(organization)}`;
}

/** Organization names: letters, digits and hyphens, starting with a letter or digit. */
export const ORGANIZATION_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/** Where Azure Repos serves Git over SSH (the second is the legacy name). */
export const CLOUD_SSH_HOSTS: ReadonlySet<string> = new Set([CLOUD_SSH_HOST, 'vs-ssh.visualstudio.com']);
export const LEGACY_SSH_HOST = 'vs-ssh.visualstudio.com';

/** The profile and accounts service, shared by all organizations. */
export const PROFILE_ORIGIN = 'https://app.vssps.visualstudio.com';

/** dev.azure.com and its organization-scoped service hosts (`{service}.dev.azure.com/{org}`). */
const DEV_AZURE_HOSTS: ReadonlySet<string> = new Set([
  CLOUD_HOST,
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
  return host === CLOUD_HOST || legacyOrganizationOfHost(host) !== null;
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

/** `ssh.dev.azure.com` or the legacy `vs-ssh.visualstudio.com`: Git over SSH, never the web or REST. */
export function isAzureDevOpsSshHost(hostname: string): boolean {
  return CLOUD_SSH_HOSTS.has(hostname.toLowerCase());
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ssh: '22' };

/**
 * The port that makes a difference: '' when there is none or it is the scheme's default (`https` 443,
 * `http` 80, `ssh` 22), so `https://dev.azure.com:443/…` is read as `https://dev.azure.com/…`. The URL
 * parser already drops default ports of http(s), not of ssh.
 */
export function significantPort(scheme: string, port: string): string {
  return DEFAULT_PORTS[scheme.toLowerCase().replace(/:$/, '')] === port ? '' : port;
}

/**
 * The organization of a cloud organization URL: `https://dev.azure.com/{org}[/…]` or
 * `https://{org}.visualstudio.com[/…]`, lower-cased; null for anything else (Server, no organization,
 * `_apis` in its place, a Microsoft site, a non-default port).
 */
export function cloudOrganizationOf(url: URL): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.port !== '') return null;
  const host = url.hostname.toLowerCase();
  if (host !== CLOUD_HOST) return legacyOrganizationOfHost(host);
  const first = url.pathname.split('/').find(Boolean);
  if (first === undefined) return null;
  let name: string;
  try {
    name = decodeURIComponent(first);
  } catch {
    return null;
  }
  return ORGANIZATION_NAME.test(name) ? name.toLowerCase() : null;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * The organization's identity service: `https://dev.azure.com/{org}` → `https://vssps.dev.azure.com/{org}`;
 * legacy `{org}.visualstudio.com` → `https://{org}.vssps.visualstudio.com`; Server and anything that
 * names no organization → null.
 */
export function vsspsBaseOf(baseUrl: string): string | null {
  const url = parseUrl(baseUrl);
  const org = url && cloudOrganizationOf(url);
  if (!url || !org) return null;
  return url.hostname.toLowerCase() === CLOUD_HOST ? `https://vssps.dev.azure.com/${org}` : `https://${org}.vssps.visualstudio.com`;
}

/**
 * The origins a token of the account serving `baseUrl` may be sent to. Cloud: the organization's
 * own hosts (new and legacy forms, and their identity service) and the shared profile service.
 * Server: exactly its own origin. A URL on a Microsoft cloud host that names no organization
 * (`https://dev.azure.com/`, `marketplace.visualstudio.com`) gets none: fail closed.
 */
export function tokenOriginsOf(baseUrl: string): string[] {
  const url = parseUrl(baseUrl);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return [];
  const org = cloudOrganizationOf(url);
  if (org) {
    return [
      `https://${CLOUD_HOST}`,
      'https://vssps.dev.azure.com',
      PROFILE_ORIGIN,
      `https://${org}.visualstudio.com`,
      `https://${org}.vssps.visualstudio.com`,
    ];
  }
  const host = url.hostname.toLowerCase();
  if (namesMicrosoftCloud(host) || isAzureDevOpsServiceHost(host) || isAzureDevOpsSshHost(host)) return [];
  return [url.origin.toLowerCase()];
}

/**
 * Whether a request to `url` may carry the token of the account serving `baseUrl`: one of its
 * origins (tokenOriginsOf) and, on the shared dev.azure.com hosts, under its own organization.
 */
export function mayCarryToken(url: URL, baseUrl: string): boolean {
  if (!tokenOriginsOf(baseUrl).includes(url.origin.toLowerCase())) return false;
  const host = url.hostname.toLowerCase();
  if (host !== CLOUD_HOST && host !== 'vssps.dev.azure.com') return true;
  const base = parseUrl(baseUrl);
  const org = base && cloudOrganizationOf(base);
  const first = url.pathname.split('/').find(Boolean);
  if (!org || first === undefined) return false;
  try {
    return decodeURIComponent(first).toLowerCase() === org;
  } catch {
    return false;
  }
}
