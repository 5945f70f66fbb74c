import { cloudRepo, type AzureRepoRef } from './repo-ref';
import { LEGACY_SSH_HOST, ORGANIZATION_NAME, isAzureDevOpsSshHost, legacyOrganizationOfHost, namesMicrosoftCloud, significantPort, CLOUD_HOST } from './azure-hosts';

/** A repository URL split into the repository and the raw path segments of the page inside it. */
export interface AzureRepoUrl {
  repo: AzureRepoRef;
  /** Raw (still encoded) segments after the repository name, e.g. `['pullrequest', '12']`. */
  pagePath: string[];
}

/**
 * Recognises an Azure DevOps Services or Server repository in a clone URL (HTTPS or SSH, new or
 * legacy host, with or without userinfo, `.git`, `_optimized`/`_full`) or a repository web page.
 *
 * Returns null for anything that is not an Azure DevOps repository (other forges, non-Git pages,
 * look-alike hosts, other schemes, malformed input, non-strings). Never throws.
 */
export function parseAzureRemote(input: string): AzureRepoRef | null {
  return parseAzureRepoUrl(input)?.repo ?? null;
}

/** {@link parseAzureRemote}, also keeping the page part of a web URL (for page detection). */
export function parseAzureRepoUrl(input: string): AzureRepoUrl | null {
  const location = toLocation(input);
  if (!location) return null;
  const { scheme, host, port, segments } = location;

  // docs/azure-devops-hosts.md: the cloud listens on its default ports only (443, and 22 for SSH).
  const cloudPortOk = significantPort(scheme, port) === '';
  if (isAzureDevOpsSshHost(host)) {
    if (scheme !== 'ssh' || !cloudPortOk) return null;
    return host === LEGACY_SSH_HOST && segments.includes('_ssh') ? parseLegacySsh(location) : parseCloudSsh(segments);
  }
  if (scheme === 'ssh') return parseServer(location);
  if (host === CLOUD_HOST) {
    return cloudPortOk ? parseCloudGitPath(segments[0], segments.slice(1)) : null;
  }
  const legacyOrg = legacyOrganizationOfHost(host);
  if (legacyOrg) {
    if (!cloudPortOk) return null;
    const rest = segments[0]?.toLowerCase() === 'defaultcollection' ? segments.slice(1) : segments;
    return parseCloudGitPath(legacyOrg, rest);
  }
  return parseServer(location);
}

interface Location {
  scheme: 'http' | 'https' | 'ssh';
  /** Lower-cased. */
  host: string;
  port: string;
  userinfo: string;
  /** Raw path segments, without the empty one a trailing `/` leaves. */
  segments: string[];
}

const URL_WITH_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// git's scp-like syntax, `user@host:path`.
const SCP_LIKE = /^[^@/\s]+@([^@/:\s]+):(.*)$/;
const HOST_NAME = /^(?:[a-z0-9_-]+\.)*[a-z0-9_-]+$|^\[[0-9a-f:.]+\]$/;

function toLocation(input: unknown): Location | null {
  if (typeof input !== 'string') return null;
  const text = input.trim();
  const location = URL_WITH_SCHEME.test(text) ? fromUrl(text) : fromScpLike(text);
  return location && HOST_NAME.test(location.host) ? location : null;
}

function fromUrl(text: string): Location | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const scheme = url.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'ssh') return null;
  return {
    scheme,
    // Only special schemes get their host lower-cased by the URL parser; ssh: does not.
    host: url.hostname.toLowerCase(),
    port: url.port,
    userinfo: `${url.username}:${url.password}`,
    segments: toSegments(url.pathname.slice(1)),
  };
}

function fromScpLike(text: string): Location | null {
  const match = SCP_LIKE.exec(text);
  const host = match?.[1]?.toLowerCase();
  // On-prem servers publish ssh:// URLs with a port; the scp-like form is a cloud-only shape.
  if (!host || !isAzureDevOpsSshHost(host)) return null;
  return { scheme: 'ssh', host, port: '', userinfo: '', segments: toSegments(match?.[2] ?? '') };
}

function toSegments(path: string): string[] {
  const segments = path.split('/');
  if (segments.at(-1) === '') segments.pop();
  return segments;
}

/** `v3/{org}/{project}/{repo}` on ssh.dev.azure.com and vs-ssh.visualstudio.com. */
function parseCloudSsh(segments: string[]): AzureRepoUrl | null {
  if (segments.length !== 4 || segments[0] !== 'v3') return null;
  const [, org, project, repository] = segments.map(decodeName);
  if (!org || !ORG_NAME.test(org) || !project || !repository) return null;
  return { repo: cloudRepo(org, project, repository), pagePath: [] };
}

/**
 * Legacy SSH: `ssh://{org}@vs-ssh.visualstudio.com[:22]/[DefaultCollection/][{project}/]_ssh/[_optimized/|_full/]{repo}`,
 * where the organization is the user name (docs/azure-devops-hosts.md).
 */
function parseLegacySsh({ userinfo, segments }: Location): AzureRepoUrl | null {
  const org = decodeName(userinfo.split(':')[0] ?? '');
  const rest = segments[0]?.toLowerCase() === 'defaultcollection' ? segments.slice(1) : segments;
  const at = rest.indexOf('_ssh');
  const view = rest[at + 1] === '_optimized' || rest[at + 1] === '_full' ? 1 : 0;
  const repo = rest[at + 1 + view];
  if (at < 0 || at > 1 || repo === undefined || rest.length !== at + 2 + view) return null;
  return parseCloudGitPath(org ?? undefined, [...rest.slice(0, at), '_git', repo]);
}

/** `[{project}/]_git/{repo}...` after the organization of a cloud host. */
function parseCloudGitPath(rawOrg: string | undefined, rest: string[]): AzureRepoUrl | null {
  const org = rawOrg === undefined ? null : decodeName(rawOrg);
  const git = splitAtGit(rest);
  if (!org || !ORG_NAME.test(org) || !git || git.before.length > 1) return null;
  const repository = decodeName(git.repo);
  // The project's default repository is linked without the project: `/{org}/_git/{project}`.
  const project = git.before[0] === undefined ? repository : decodeName(git.before[0]);
  if (!repository || !project) return null;
  return { repo: cloudRepo(org, project, repository), pagePath: git.pagePath };
}


/** `http(s)|ssh://host[:port]/[{virtual dir}/]{collection}/{project}/_git/{repo}...` */
function parseServer({ scheme, host, port, userinfo, segments }: Location): AzureRepoUrl | null {
  // A Microsoft cloud name anywhere but in a cloud host is a look-alike (`dev.azure.com.evil.example`,
  // `https://dev.azure.com@evil.example/...`), not an on-prem server.
  if (FORGE_HOST.test(host) || namesMicrosoftCloud(host) || namesMicrosoftCloud(userinfo)) return null;
  const git = splitAtGit(segments);
  // With a single segment before `_git` we could not tell a collection from a project.
  if (!git || git.before.length < 2) return null;
  const names = git.before.map(decodeName);
  const [project, collection] = [names.at(-1), names.at(-2)];
  const virtualDir = names.slice(0, -2);
  const repository = decodeName(git.repo);
  if (!repository || !project || !collection || !virtualDir.every((name) => name !== null)) return null;
  if ([...virtualDir, collection].some((name) => namesMicrosoftCloud(name))) return null;

  const path = [...virtualDir, collection, project].map(encodeURIComponent).join('/');
  const gitPath = `${path}/_git/${encodeURIComponent(repository)}`;
  const authority = port === '' ? host : `${host}:${port}`;
  return {
    repo: {
      kind: 'server',
      organization: collection,
      project,
      repository,
      // Server SSH listens on its own port; the web/HTTPS side is assumed on the default port.
      httpsUrl: scheme === 'ssh' ? `https://${host}/${gitPath}` : `${scheme}://${authority}/${gitPath}`,
      sshUrl: scheme === 'ssh' ? `ssh://${authority}/${gitPath}` : null,
    },
    pagePath: git.pagePath,
  };
}

const ORG_NAME = ORGANIZATION_NAME;
const FORGE_HOST = /(?:^|\.)(?:github\.com|gitlab\.com|bitbucket\.org)$/;

interface GitPath {
  /** Raw segments between the organization (or host) and `_git`. */
  before: string[];
  repo: string;
  pagePath: string[];
}

function splitAtGit(segments: string[]): GitPath | null {
  const at = segments.indexOf('_git');
  if (at < 0) return null;
  let index = at + 1;
  // Limited-refs views of the same repository.
  if (segments[index] === '_optimized' || segments[index] === '_full') index += 1;
  const repo = segments[index];
  if (repo === undefined) return null;
  const pagePath = segments.slice(index + 1);
  return {
    before: segments.slice(0, at),
    repo: pagePath.length === 0 && repo.endsWith('.git') ? repo.slice(0, -'.git'.length) : repo,
    pagePath,
  };
}

function decodeName(raw: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    return null;
  }
  // `.`/`..` would be resolved away by any URL parser, so they cannot round-trip.
  if (name === '' || name === '.' || name === '..' || /[/\\\p{Cc}]/u.test(name)) return null;
  return name;
}
