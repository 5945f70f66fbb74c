// Web pages of the fake Azure DevOps: every GET that is not an `/_apis/` route lands here.
// URL forms per docs/azure-devops-pages.md: cloud `/{org}/{project}/_git/{repo}`, the project's default
// repo `/{org}/_git/{repo}` (GK `parsePathname`), legacy `{org}.visualstudio.com/[DefaultCollection/]…`
// (AZ, GL), Azure DevOps Server `/{vdir}/{collection}/…`, and the `_git/_optimized|_full/{repo}` forms.
import type { FixtureOrganization, FixtureProject, FixtureRepository } from '../fixture-types';
import { organizationPullRequestsView, pullRequestListView, pullRequestView } from './pr-views';
import {
  branchCompareView,
  branchesView,
  commitsView,
  commitView,
  disabledRepositoryView,
  filesView,
  pullRequestCreateView,
  pushesView,
  tagsView,
} from './repo-views';
import { renderShell } from './shell';
import { boardsView, organizationHomeView, projectHomeView, sshKeysSettingsView } from './site-views';
import type { OrgContext, PageRequest, PageResponse, PageState, ProjectContext, RepoContext, Theme, View } from './types';
import { canonicalRepoPath, segment } from './urls';

export type { PageRequest, PageResponse, PageState } from './types';

/**
 * Renders the web page for a request, or null when the path is no page of this fake (the server then
 * answers 404). Names in paths are matched case-insensitively, as Azure DevOps does.
 */
export function renderPage(req: PageRequest, state: PageState): PageResponse | null {
  const segments = decodeSegments(req.path);
  if (!segments || segments.some((s) => s.toLowerCase() === '_apis')) return null;
  const located = locateOrganization(req.host, segments, state);
  if (!located) return null;
  const cookies = parseCookies(req.cookie ?? '');
  const base: OrgContext = {
    org: located.org,
    user: req.user,
    theme: requestedTheme(req.query.get('theme') ?? cookies['fake-ado-theme']),
    instant: cookies['fake-ado-timing'] === 'instant',
    origin: `https://${req.host}`,
    collectionPath: located.collectionPath,
    suiteHomeUrl: located.suiteHomeUrl,
    query: req.query,
    state,
  };
  const routed = route(base, located.rest);
  if (!routed) return null;
  const publicProject = 'project' in routed.ctx && routed.ctx.project.visibility === 'public';
  return { status: 200, html: renderShell(routed.ctx, routed.view, req.path), publicProject };
}

interface Located {
  org: FixtureOrganization;
  collectionPath: string;
  suiteHomeUrl: string;
  /** Decoded path segments after the organization/collection prefix. */
  rest: string[];
}

function locateOrganization(host: string, segments: string[], state: PageState): Located | null {
  const hostLower = host.toLowerCase();
  const hostname = hostLower.replace(/:\d+$/, '');
  const serverOrgs = state.organizations.filter((o) => o.kind === 'server');
  const cloudOrgs = state.organizations.filter((o) => o.kind === 'cloud');
  const onThisServer = serverOrgs.filter((o) => o.serverHost && sameHost(o.serverHost, hostLower));
  if (onThisServer.length > 0) return locateCollection(onThisServer, segments);

  if (hostname.endsWith('.visualstudio.com')) {
    const org = findByName(cloudOrgs, hostname.slice(0, -'.visualstudio.com'.length));
    if (!org) return null;
    // `/DefaultCollection/` is optional on legacy hosts (AZ strips it, commit 23f81ff; GL legacyDefaultCollectionRegex).
    const withCollection = sameName(segments[0], 'DefaultCollection');
    return {
      org,
      collectionPath: withCollection ? '/DefaultCollection' : '',
      suiteHomeUrl: '/',
      rest: withCollection ? segments.slice(1) : segments,
    };
  }

  const cloud = segments[0] === undefined ? undefined : findByName(cloudOrgs, segments[0]);
  if (cloud) {
    const collectionPath = `/${segment(cloud.name)}`;
    return { org: cloud, collectionPath, suiteHomeUrl: `${collectionPath}/`, rest: segments.slice(1) };
  }
  // A local host (the demo without host mapping) may also reach Server collections by path.
  return hostname === 'dev.azure.com' ? null : locateCollection(serverOrgs, segments);
}

function locateCollection(orgs: FixtureOrganization[], segments: string[]): Located | null {
  for (const org of orgs) {
    const prefix = [org.virtualDirectory, org.name].filter((p): p is string => Boolean(p));
    if (prefix.every((part, i) => sameName(segments[i], part))) {
      const collectionPath = `/${prefix.map(segment).join('/')}`;
      return { org, collectionPath, suiteHomeUrl: `${collectionPath}/`, rest: segments.slice(prefix.length) };
    }
  }
  return null;
}

type Routed = { ctx: OrgContext | ProjectContext | RepoContext; view: View };

function route(base: OrgContext, rest: string[]): Routed | null {
  const [first, ...after] = rest;
  if (first === undefined) return { ctx: base, view: organizationHomeView(base) };
  if (sameName(first, '_pulls')) return after.length === 0 ? { ctx: base, view: organizationPullRequestsView(base) } : null;
  if (sameName(first, '_git')) return routeRepository(base, null, after);
  if (sameName(first, '_usersSettings') && after.length === 1 && sameName(after[0], 'keys')) return { ctx: base, view: sshKeysSettingsView(base) };
  if (first.startsWith('_')) return null;

  const project = findByName(base.org.projects, first);
  if (!project) return null;
  const ctx: ProjectContext = { ...base, project };
  const [hub, ...hubRest] = after;
  if (hub === undefined) return { ctx, view: projectHomeView(ctx) };
  if (sameName(hub, '_boards')) return { ctx, view: boardsView(ctx) };
  if (sameName(hub, '_git')) return routeRepository(base, project, hubRest);
  return null;
}

function routeRepository(base: OrgContext, project: FixtureProject | null, segments: string[]): Routed | null {
  // `_git/_optimized/{repo}` and `_git/_full/{repo}` name the same repository.
  const skip = segments[0] !== undefined && /^_(optimized|full)$/i.test(segments[0]) ? 1 : 0;
  const repoName = segments[skip];
  if (repoName === undefined) return null;
  const found = project ? inProject(project, repoName) : defaultRepository(base.org, repoName);
  if (!found) return null;
  const canonical = canonicalRepoPath(base, found.project, found.repo);
  const ctx: RepoContext = {
    ...base,
    project: found.project,
    repo: found.repo,
    repoPath: project ? canonical : `${base.collectionPath}/_git/${segment(found.repo.name)}`,
    canonicalRepoPath: canonical,
  };
  const view = repositoryView(ctx, segments.slice(skip + 1));
  return view ? { ctx, view } : null;
}

function repositoryView(ctx: RepoContext, sub: string[]): View | null {
  if (ctx.repo.isDisabled) return sub.length === 0 ? disabledRepositoryView(ctx) : null;
  const [page, id, ...extra] = sub;
  if (extra.length > 0) return null;
  if (page === undefined) return filesView(ctx);
  switch (page.toLowerCase()) {
    case 'commit':
      return id && /^[0-9a-f]{7,40}$/i.test(id) && ctx.repo.branches.length > 0 ? commitView(ctx, id) : null;
    case 'pullrequest': {
      const pr = id && /^\d+$/.test(id) ? ctx.repo.pullRequests.find((p) => p.pullRequestId === Number(id)) : undefined;
      return pr ? pullRequestView(ctx, pr) : null;
    }
  }
  if (id !== undefined) return null;
  switch (page.toLowerCase()) {
    case 'commits':
      return commitsView(ctx);
    case 'pushes':
      return pushesView(ctx);
    case 'tags':
      return tagsView(ctx);
    case 'branches':
      return branchesView(ctx);
    case 'pullrequests':
      return pullRequestListView(ctx);
    case 'pullrequestcreate':
      return pullRequestCreateView(ctx);
    case 'branchcompare':
      return branchCompareView(ctx);
    default:
      return null;
  }
}

function inProject(project: FixtureProject, repoName: string) {
  const repo = findByName(project.repositories, repoName);
  return repo ? { project, repo } : null;
}

/** `/{org}/_git/{name}`: the project's default repository (same name as the project), else any repository of that name. */
function defaultRepository(org: FixtureOrganization, repoName: string): { project: FixtureProject; repo: FixtureRepository } | null {
  const namesake = findByName(org.projects, repoName);
  const own = namesake ? inProject(namesake, repoName) : null;
  if (own) return own;
  for (const project of org.projects) {
    const found = inProject(project, repoName);
    if (found) return found;
  }
  return null;
}

function requestedTheme(value: string | undefined): Theme {
  return value?.toLowerCase() === 'dark' ? 'dark' : 'light';
}

function decodeSegments(path: string): string[] | null {
  try {
    return path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

function parseCookies(header: string): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    try {
      cookies[name] = decodeURIComponent(pair.slice(eq + 1).trim());
    } catch {
      cookies[name] = pair.slice(eq + 1).trim();
    }
  }
  return cookies;
}

function sameHost(serverHost: string, requestHost: string): boolean {
  const wanted = serverHost.toLowerCase();
  return wanted === requestHost || (!wanted.includes(':') && wanted === requestHost.replace(/:\d+$/, ''));
}

function sameName(a: string | undefined, b: string): boolean {
  return a !== undefined && a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

function findByName<T extends { name: string }>(items: T[], name: string): T | undefined {
  return items.find((item) => sameName(item.name, name));
}
