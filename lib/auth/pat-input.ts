/**
 * What the popup's "Connect with a Personal Access Token" form accepts: the host (organization or
 * Azure DevOps Server collection) and the token itself (docs/azure-devops-rest.md). Pure functions;
 * messages are complete sentences and never repeat what was typed (it could be a token).
 */
import { parseAzureRemote } from '../azure/remote-url';
import type { AzureRepoRef } from '../azure/repo-ref';
import { ORGANIZATION_NAME, isAzureDevOpsSshHost, isDevAzureHost, legacyOrganizationOfHost, namesMicrosoftCloud, significantPort, CLOUD_HOST, cloudOrganizationUrl } from '../azure/azure-hosts';

export type PatTarget =
  | {
      kind: 'cloud';
      organization: string;
      /** `https://dev.azure.com/{org}`, also for `{org}.visualstudio.com` inputs. */
      baseUrl: string;
      /** `https://dev.azure.com/{org}/_usersSettings/tokens` */
      tokenPageUrl: string;
    }
  | {
      kind: 'server';
      collection: string;
      /** `{scheme}://{host[:port]}/[{virtual dir}/]{collection}` */
      baseUrl: string;
      /** `{scheme}://{host[:port]}`, what the optional host permission is asked for. */
      origin: string;
      /** `{baseUrl}/_usersSettings/tokens` */
      tokenPageUrl: string;
    };

/**
 * A Server address that is usable but risky: its name is written in another script (an IDN that may
 * imitate a trusted name), or it is plain http (the token would travel unencrypted). The user must
 * confirm before a token is sent to it.
 */
export interface HostWarning {
  kind: 'lookalike' | 'insecure';
  message: string;
}

export type HostInputResult = { ok: true; target: PatTarget; warning?: HostWarning } | { ok: false; message: string };
/**
 * `shapeHint`: the token is not of a shape Azure DevOps issues today. It is still tried (a new
 * format must not lock users out); the hint is added only if Azure DevOps refuses it.
 */
export type PatFormatResult = { ok: true; token: string; shapeHint?: string } | { ok: false; message: string };

const EXAMPLE = 'like dev.azure.com/your-org';
const MESSAGES = {
  empty: `Enter the address of your Azure DevOps organization, ${EXAMPLE}, or of your Azure DevOps Server collection.`,
  addOrganization: 'Add your organization: dev.azure.com/your-org',
  badOrganization: `That is not an organization name: names use letters, digits and hyphens, ${EXAMPLE}.`,
  malformed: `That is not a web address. Enter it ${EXAMPLE}, or https://your-server/tfs/DefaultCollection for Azure DevOps Server.`,
  bareWord: `Enter the whole address, ${EXAMPLE}, or https://your-server/tfs/DefaultCollection for Azure DevOps Server.`,
  looksLikeToken: `That looks like a Personal Access Token: paste it in the token field. Here, enter the address of your organization, ${EXAMPLE}.`,
  lookAlike: 'That address only looks like Azure DevOps. Azure DevOps lives on dev.azure.com (or your-org.visualstudio.com); check the address.',
  microsoftNotDevOps: `That is a Microsoft address, but not Azure DevOps. Enter your organization, ${EXAMPLE}.`,
  notOrganizationHost: (domain: string) => `That ${domain} address is not an organization. Enter your organization, ${EXAMPLE} or your-org.visualstudio.com.`,
  sshHost: `That is Azure DevOps' SSH address. Enter the web address of your organization, ${EXAMPLE}.`,
  notWeb: `Enter a web address (https://…) of your organization, ${EXAMPLE}.`,
  cloudPort: `Azure DevOps addresses have no port number. Enter your organization, ${EXAMPLE}.`,
  addCollection: 'Add the collection to the address, like https://your-server/tfs/DefaultCollection.',
  forge: (name: string) => `That is a ${name} address, not Azure DevOps. Enter your Azure DevOps organization, ${EXAMPLE}.`,
} as const;

const ORG_NAME = ORGANIZATION_NAME;
const URL_WITH_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// git's scp-like syntax, `user@host:path`.
const SCP_LIKE = /^[^@/\s]+@([^@/:\s]+):(.*)$/;
const HOST_NAME = /^(?:[a-z0-9_-]+\.)*[a-z0-9_-]+$|^\[[0-9a-f:.]+\]$/;
const FORGES: readonly (readonly [domain: string, name: string])[] = [
  ['github.com', 'GitHub'],
  ['githubusercontent.com', 'GitHub'],
  ['gitlab.com', 'GitLab'],
  ['bitbucket.org', 'Bitbucket'],
  ['codeberg.org', 'Codeberg'],
  ['gitea.com', 'Gitea'],
  ['sourceforge.net', 'SourceForge'],
];
const MICROSOFT_DOMAINS = ['azure.com', 'microsoft.com', 'microsoftonline.com', 'live.com', 'office.com', 'azure.net', 'windows.net'];
const DEV_AZURE_TYPO = /(?:^|[.-])dev[.-]?azure\.[a-z]{2,}$/;

const fail = (message: string): HostInputResult => ({ ok: false, message });
const endsWithDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * The organization or collection a person typed or pasted: `dev.azure.com/org`, any page or clone
 * URL of it (new or legacy host, with user info, SSH), `org.visualstudio.com[/DefaultCollection]`,
 * or an Azure DevOps Server collection URL (`https://host[:port]/[vdir/]{collection}`, the last
 * path segment being the collection). Never throws.
 */
export function parseHostInput(input: string): HostInputResult {
  const text = typeof input === 'string' ? input.trim() : '';
  if (!text) return fail(MESSAGES.empty);
  if (/^[A-Za-z0-9]{52}$|^[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}$/.test(text)) return fail(MESSAGES.looksLikeToken);

  const scpLike = URL_WITH_SCHEME.test(text) ? null : SCP_LIKE.exec(text);
  const urlText = URL_WITH_SCHEME.test(text) ? text : scpLike ? `ssh://${text.replace(/:/, '/')}` : `https://${text}`;

  // A pasted repository URL in any of its forms.
  const repo = parseAzureRemote(text) ?? parseAzureRemote(urlText);
  if (repo) return repo.kind === 'cloud' ? { ok: true, target: cloudTarget(repo.organization) } : serverResult(serverTargetOfRepo(repo), urlText);

  if (!URL_WITH_SCHEME.test(text) && !scpLike && !/[./:]/.test(text)) return fail(MESSAGES.bareWord);

  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    return fail(MESSAGES.malformed);
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  // Only special schemes get their host lower-cased by the URL parser; ssh: does not.
  const host = url.hostname.toLowerCase();
  if (!HOST_NAME.test(host)) return fail(MESSAGES.malformed);
  const segments = pathSegments(url);

  const forge = FORGES.find(([domain]) => endsWithDomain(host, domain));
  if (forge) return fail(MESSAGES.forge(forge[1]));

  if (isAzureDevOpsSshHost(host)) {
    // `ssh.dev.azure.com:v3/{org}` without the project and repository still names the org.
    // Only as SSH on its one port, as remote URLs are read (docs/azure-devops-hosts.md).
    const sshForm = scheme === 'ssh' && significantPort(scheme, url.port) === '';
    const org = sshForm && segments?.[0] === 'v3' ? segments[1] : undefined;
    return org && ORG_NAME.test(org) ? { ok: true, target: cloudTarget(org) } : fail(MESSAGES.sshHost);
  }
  if (scheme !== 'http' && scheme !== 'https') return fail(MESSAGES.notWeb);
  if (namesMicrosoftCloud(url.username) || namesMicrosoftCloud(url.password)) return fail(MESSAGES.lookAlike);

  if (isDevAzureHost(host)) {
    if (url.port) return fail(MESSAGES.cloudPort);
    const org = segments?.[0];
    if (org === undefined || org.startsWith('_')) return fail(MESSAGES.addOrganization);
    return ORG_NAME.test(org) ? { ok: true, target: cloudTarget(org) } : fail(MESSAGES.badOrganization);
  }
  if (endsWithDomain(host, CLOUD_HOST)) return fail(MESSAGES.notOrganizationHost(CLOUD_HOST));
  if (endsWithDomain(host, 'visualstudio.com')) {
    if (url.port) return fail(MESSAGES.cloudPort);
    const org = legacyOrganizationOfHost(host, { withService: true });
    return org ? { ok: true, target: cloudTarget(org) } : fail(MESSAGES.notOrganizationHost('visualstudio.com'));
  }
  if (namesMicrosoftCloud(host) || DEV_AZURE_TYPO.test(host)) return fail(MESSAGES.lookAlike);
  if (MICROSOFT_DOMAINS.some((domain) => endsWithDomain(host, domain))) return fail(MESSAGES.microsoftNotDevOps);

  // Azure DevOps Server: the collection is the last segment before any `_area` part of a page URL.
  if (!segments) return fail(MESSAGES.malformed);
  const firstArea = segments.findIndex((segment) => segment.startsWith('_'));
  const collectionPath = firstArea < 0 ? segments : segments.slice(0, firstArea);
  const collection = collectionPath.at(-1);
  if (collection === undefined || (collectionPath.length === 1 && collection.toLowerCase() === 'tfs')) return fail(MESSAGES.addCollection);
  // `https://evil.example/dev.azure.com/org` is not a Server collection named "org".
  if (collectionPath.some((segment) => namesMicrosoftCloud(segment))) return fail(MESSAGES.lookAlike);
  const baseUrl = `${url.origin}/${collectionPath.map(encodeURIComponent).join('/')}`;
  return serverResult({ kind: 'server', collection, baseUrl, origin: url.origin, tokenPageUrl: `${baseUrl}/_usersSettings/tokens` }, urlText);
}

/** A Server target, with the warning its address calls for (however the address was given: collection or repository URL). */
function serverResult(target: Extract<PatTarget, { kind: 'server' }>, typed: string): HostInputResult {
  const warning = serverWarning(new URL(target.origin), typed);
  return warning ? { ok: true, target, warning } : { ok: true, target };
}

/**
 * Look-alike first (it includes the http sentence when both apply, so confirming one warning never
 * skips the other); then plain http. See docs/azure-devops-hosts.md.
 */
function serverWarning(origin: URL, typed: string): HostWarning | undefined {
  const clear = 'your token would travel in clear and could be read by anyone on the network';
  // The URL parser turns a non-ASCII name into its ASCII (punycode) form: `dev.аzure.com` → `dev.xn--zure-….com`.
  if (origin.hostname.split('.').some((label) => label.startsWith('xn--'))) {
    const imitated = imitatedHostname(typed);
    const http = origin.protocol === 'http:' ? ` It is also plain http: ${clear}.` : '';
    return {
      kind: 'lookalike',
      message: imitated
        ? `${origin.hostname} is not ${imitated}: some of its letters only look Latin, a common way to imitate a trusted address.${http} Connect only if you trust this server.`
        : `${origin.hostname} is how this server's name is really written: it has letters outside the Latin alphabet, which can imitate another address.${http} Connect only if you trust this server.`,
    };
  }
  if (origin.protocol === 'http:') {
    return {
      kind: 'insecure',
      message: `${origin.host} is reached over http, without encryption: ${clear}. Use https if the server offers it; connect only if you trust this network.`,
    };
  }
  return undefined;
}

/** Letters of other scripts that are drawn like Latin ones (a small subset of Unicode's confusables). */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', і: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', ѕ: 's', т: 't', у: 'y', х: 'x', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l',
  // Greek
  α: 'a', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ϲ: 'c',
  // Armenian
  օ: 'o', ս: 'u', հ: 'h', ո: 'n', ց: 'g',
  // Latin letters that are not ASCII
  ı: 'i', ƒ: 'f', ɑ: 'a', ɡ: 'g', ɩ: 'i', ʏ: 'y',
};

/** The ASCII host name a typed address imitates, when every non-ASCII letter of it looks like a Latin one; else null. */
function imitatedHostname(typed: string): string | null {
  const skeleton = [...typed.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')]
    .map((char) => LATIN_LOOKALIKES[char] ?? char)
    .join('');
  try {
    const hostname = new URL(skeleton).hostname;
    return /^[\x21-\x7e]+$/.test(hostname) && !hostname.split('.').some((label) => label.startsWith('xn--')) ? hostname : null;
  } catch {
    return null;
  }
}

function cloudTarget(organization: string): PatTarget {
  const baseUrl = cloudOrganizationUrl(organization);
  return { kind: 'cloud', organization, baseUrl, tokenPageUrl: `${baseUrl}/_usersSettings/tokens` };
}

/** The collection URL of a Server repository: its HTTPS URL without `/{project}/_git/{repo}`. */
function serverTargetOfRepo(repo: AzureRepoRef): Extract<PatTarget, { kind: 'server' }> {
  const url = new URL(repo.httpsUrl);
  const collectionPath = url.pathname.split('/').filter(Boolean).slice(0, -3);
  const baseUrl = `${url.origin}/${collectionPath.join('/')}`;
  return { kind: 'server', collection: repo.organization, baseUrl, origin: url.origin, tokenPageUrl: `${baseUrl}/_usersSettings/tokens` };
}

/** Decoded, non-empty path segments; null when one cannot be a name (bad escape, `..`, control characters). */
function pathSegments(url: URL): string[] | null {
  const names: string[] = [];
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue;
    let name: string;
    try {
      name = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (name === '.' || name === '..' || /[/\\\p{Cc}]/u.test(name)) return null;
    names.push(name);
  }
  return names;
}

const PAT_MESSAGES = {
  empty: 'Paste your Personal Access Token.',
  authorizationHeader: 'Paste only the token itself, without "Basic " or "Bearer " in front of it.',
  innerWhitespace: 'The token contains spaces or line breaks. Copy it again in one piece.',
  jwt: 'That looks like an Entra access token, not a Personal Access Token. Use "Connect to Azure DevOps" to sign in with Microsoft, or create a Personal Access Token.',
  nonAscii: 'The token contains characters Azure DevOps tokens never have. Copy it again from the page that showed it.',
  shape: (length: number) => `Azure DevOps tokens are 52 or 84 characters; this one has ${length} — was it copied whole?`,
} as const;

const SURROUNDING_SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

/**
 * The token from what was pasted, surrounding whitespace (and zero-width characters) removed,
 * or why it cannot be a PAT (empty, with a scheme, broken by spaces, an Entra token, not ASCII).
 * Today's shapes: 52 characters (legacy, and Azure DevOps Server) or 84 matching
 * `/^.{76}AZDO.{4}$/` (current cloud format, docs/azure-devops-rest.md#personal-access-tokens); either is accepted for either kind of host.
 */
export function checkPatFormat(raw: string): PatFormatResult {
  const token = typeof raw === 'string' ? raw.replace(SURROUNDING_SPACE, '') : '';
  if (!token) return { ok: false, message: PAT_MESSAGES.empty };
  if (/^(?:basic|bearer)\s/i.test(token)) return { ok: false, message: PAT_MESSAGES.authorizationHeader };
  if (/[\s\u200B-\u200D\u2060\uFEFF]/.test(token)) return { ok: false, message: PAT_MESSAGES.innerWhitespace };
  if (token.startsWith('eyJ')) return { ok: false, message: PAT_MESSAGES.jwt };
  // Printable ASCII only: the token travels in a Basic authorization header.
  if (!/^[\x21-\x7e]+$/.test(token)) return { ok: false, message: PAT_MESSAGES.nonAscii };
  if (token.length === 52 || (token.length === 84 && /^.{76}AZDO.{4}$/.test(token))) return { ok: true, token };
  return { ok: true, token, shapeHint: PAT_MESSAGES.shape(token.length) };
}

