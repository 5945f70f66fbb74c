import { cloudRepo, type AzureRepoRef } from './repo-ref';
import { readPageKind, type PageKind } from './page-parts';

/** A repository page as the script every page loads sees it: which repository, which page, which branch. */
export interface CloudPage extends PageKind {
  repo: AzureRepoRef;
}

/**
 * The repository page of an Azure DevOps Services URL, for the content script that runs on every
 * page of dev.azure.com and `{org}.visualstudio.com`: the manifest already limits it to those hosts,
 * so this reads only their two path shapes and what the page buttons need, and stays small. The full
 * parser (any host, clone URL forms, Server, pull request and commit ids) is `detectAzurePage` in
 * page-detect.ts, loaded where size does not matter.
 */
export function detectCloudPage(href: string): CloudPage | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  let segments = url.pathname.split('/').filter(Boolean);
  let org: string | undefined;
  // Host names written here rather than imported from azure-hosts: this parser is all of its rules the
  // page script every Azure DevOps page loads needs, and that module's tables would cost it bytes.
  if (host === 'dev.azure.com') org = segments.shift();
  else if (host.endsWith('.visualstudio.com') && host.split('.').length === 3) {
    org = host.split('.')[0];
    if (segments[0]?.toLowerCase() === 'defaultcollection') segments = segments.slice(1);
  }
  const at = segments.indexOf('_git');
  if (!org || !/^[a-z0-9][a-z0-9-]*$/i.test(org) || at < 0 || at > 1) return null;
  let index = at + 1;
  if (segments[index] === '_optimized' || segments[index] === '_full') index += 1;
  const rawRepo = segments[index];
  if (rawRepo === undefined) return null;
  const pagePath = segments.slice(index + 1);
  const repository = name(pagePath.length === 0 && rawRepo.endsWith('.git') ? rawRepo.slice(0, -4) : rawRepo);
  // The project's default repository is linked without the project: `/{org}/_git/{project}`.
  const project = at === 1 ? name(segments[0]!) : repository;
  if (!repository || !project) return null;
  const kind = readPageKind(url.search, pagePath);
  return kind && { repo: cloudRepo(org, project, repository), type: kind.type, branch: kind.branch };
}

function name(raw: string): string | null {
  try {
    const decoded = decodeURIComponent(raw);
    return decoded && decoded !== '.' && decoded !== '..' && !/[/\\\p{Cc}]/u.test(decoded) ? decoded : null;
  } catch {
    return null;
  }
}
