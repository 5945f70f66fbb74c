import type { FixtureProject, FixtureRepository } from '../fixture-types';
import type { OrgContext, RepoContext } from './types';

/** One path segment, percent-encoded (names hold spaces, unicode, `<`, `&`). */
export function segment(name: string): string {
  return encodeURIComponent(name);
}

/** `?a=1&b=2` from the defined entries, or `` when none. */
export function queryString(params: Record<string, string | null | undefined>): string {
  // encodeURIComponent, not URLSearchParams: ADO writes spaces as %20 (a `+` survives decodeURIComponent).
  const pairs = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

export function shortRefName(ref: string): string {
  return ref.replace(/^refs\/heads\//, '');
}

export function orgHomeHref(ctx: OrgContext): string {
  return ctx.collectionPath || '/';
}

export function projectHref(ctx: OrgContext, project: FixtureProject, hub = ''): string {
  return `${ctx.collectionPath}/${segment(project.name)}${hub}`;
}

export function boardsHref(ctx: OrgContext, project: FixtureProject): string {
  return projectHref(ctx, project, '/_boards/board');
}

export function canonicalRepoPath(ctx: OrgContext, project: FixtureProject, repo: FixtureRepository): string {
  return `${ctx.collectionPath}/${segment(project.name)}/_git/${segment(repo.name)}`;
}

/** A page of the current repository, in the URL form the request used. */
export function repoHref(ctx: RepoContext, sub = '', params: Record<string, string | null | undefined> = {}): string {
  return `${ctx.repoPath}${sub ? `/${sub}` : ''}${queryString(params)}`;
}

/** Files page of a branch (`version=GB{branch}`), keeping `path` when given. */
export function branchFilesHref(ctx: RepoContext, branch: string, path?: string | null): string {
  return repoHref(ctx, '', { path: path ?? undefined, version: `GB${branch}` });
}

export function pullRequestHref(ctx: RepoContext, pullRequestId: number): string {
  return repoHref(ctx, `pullrequest/${pullRequestId}`);
}

/** Clone URLs as Azure DevOps shows them for this host form (docs/azure-devops-rest.md). */
export function cloneUrls(ctx: RepoContext): { https: string; ssh: string } {
  const org = ctx.org;
  const project = segment(ctx.project.name);
  const repo = segment(ctx.repo.name);
  const host = new URL(ctx.origin).host;
  if (org.kind === 'server') {
    const sshHost = new URL(ctx.origin).hostname;
    return {
      https: `${ctx.origin}${ctx.canonicalRepoPath}`,
      ssh: `ssh://${sshHost}:22${ctx.collectionPath}/${project}/_git/${repo}`,
    };
  }
  if (host.endsWith('.visualstudio.com')) {
    return {
      https: `${ctx.origin}${ctx.canonicalRepoPath}`,
      ssh: `${segment(org.name)}@vs-ssh.visualstudio.com:v3/${segment(org.name)}/${project}/${repo}`,
    };
  }
  return {
    https: `https://${segment(org.name)}@${host}${ctx.canonicalRepoPath}`,
    ssh: `git@ssh.dev.azure.com:v3/${segment(org.name)}/${project}/${repo}`,
  };
}
