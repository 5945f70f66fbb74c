import type { AzureRepoRef } from './repo-ref';
import { isBranchName } from './branch-name';

// URL shapes: docs/azure-devops-pages.md.
export type AzurePageType =
  | 'files'
  | 'commit'
  | 'commits'
  | 'pushes'
  | 'branches'
  | 'tags'
  | 'pull-request'
  | 'pull-requests'
  | 'pull-request-create'
  | 'branch-compare'
  | 'history';

/** A repository page of the Azure DevOps web UI, as far as its URL tells. */
export interface AzurePage {
  url: URL;
  repo: AzureRepoRef;
  type: AzurePageType;
  /**
   * The branch the page shows when the URL names one: `version=GB{branch}` (`itemVersion` first on
   * commits and pushes), `targetVersion` on branch compare, `sourceRef` on pull request create. Null means the default branch or unknown.
   */
  branch: string | null;
  pullRequestId: number | null;
  /** From `/commit/{sha}` or `version=GC{sha}`. */
  commitId: string | null;
}

// Keyed by the lower-cased segment after the repository name (Azure DevOps routes ignore case).
const PAGE_TYPES = new Map<string, AzurePageType>([
  ['commit', 'commit'],
  ['commits', 'commits'],
  ['pushes', 'pushes'],
  ['branches', 'branches'],
  ['tags', 'tags'],
  ['pullrequest', 'pull-request'],
  ['pullrequests', 'pull-requests'],
  ['pullrequestcreate', 'pull-request-create'],
  ['branchcompare', 'branch-compare'],
]);

/** What the script every page loads needs to know of a repository page (cloud-page.ts). */
export type PageKind = Pick<AzurePage, 'type' | 'branch'>;

/**
 * The page type and branch of a repository URL from the path after the repository name, or null
 * for a page that is no repository page. Shared by the full detector (any host, on demand) and the
 * cloud one the content script loads on every page.
 */
export function readPageKind(search: string, pagePath: readonly string[]): (PageKind & { version: string | undefined }) | null {
  const query = readQuery(search);
  const first = pagePath[0];
  const type = first === undefined ? (query.get('_a') === 'history' ? 'history' : 'files') : PAGE_TYPES.get(first.toLowerCase());
  if (!type) return null;
  const version = versionParameter(type, query);
  // Only a name git would take: the branch goes into client links (docs/desktop-clients.md).
  const branch = version?.startsWith('GB') ? version.slice(2) : '';
  return { type, branch: isBranchName(branch) ? branch : null, version };
}

/** The page part of a repository URL: which page, which branch, PR or commit. */
export function readPageParts(url: URL, pagePath: readonly string[]): Omit<AzurePage, 'url' | 'repo'> | null {
  const kind = readPageKind(url.search, pagePath);
  if (!kind) return null;
  const { type, branch, version } = kind;
  const second = pagePath[1];
  const pathCommit = type === 'commit' && second && /^[0-9a-f]{4,40}$/i.test(second) ? second : null;
  const versionCommit = version?.startsWith('GC') ? version.slice(2) || null : null;
  const pullRequestId = type === 'pull-request' && second && /^[1-9]\d{0,9}$/.test(second) ? Number(second) : null;
  return { type, branch, pullRequestId, commitId: pathCommit ?? versionCommit };
}

/** The query parameter naming the version shown, normalised to the `GB…`/`GC…` form. */
function versionParameter(type: AzurePageType, query: Map<string, string>): string | undefined {
  if (type === 'branch-compare') return query.get('targetVersion');
  if (type === 'pull-request-create') {
    const source = query.get('sourceRef');
    return source ? `GB${source.replace(/^refs\/heads\//, '')}` : undefined;
  }
  // Azure DevOps links its commits and pushes pages with `itemVersion` (docs/azure-devops-pages.md#urls).
  return ((type === 'commits' || type === 'pushes') && query.get('itemVersion')) || query.get('version');
}

// Not URLSearchParams: it reads `+` as a space, but `+` is a legal branch character and a space is not.
function readQuery(search: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    const eq = pair.indexOf('=');
    const key = safeDecode(eq < 0 ? pair : pair.slice(0, eq));
    const value = safeDecode(eq < 0 ? '' : pair.slice(eq + 1));
    if (key !== null && value !== null && !params.has(key)) params.set(key, value);
  }
  return params;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export const isFilesPage = (page: PageKind): boolean => page.type === 'files';
export const isPullRequestPage = (page: PageKind): boolean => page.type === 'pull-request';
export const isCommitPage = (page: PageKind): boolean => page.type === 'commit';
export const isBranchComparePage = (page: PageKind): boolean => page.type === 'branch-compare';
export const isPullRequestCreatePage = (page: PageKind): boolean => page.type === 'pull-request-create';
