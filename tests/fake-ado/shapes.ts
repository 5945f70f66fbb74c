/**
 * JSON shapes of the service, built from state. Field names follow azure-devops-node-api's
 * interfaces (GitInterfaces, CoreInterfaces, LocationsInterfaces) and the spec's httpExamples;
 * enums are sent as the service sends them (camelCase strings), URLs are built from the host the
 * request came in on (`ctx.base`) so a Node client on https://localhost:PORT/org gets URLs it can
 * follow and Chromium gets the real-looking https://dev.azure.com/org ones.
 */
import type { FixtureGroup, FixtureOrganization, FixtureProject, FixturePullRequest, FixtureRepository, FixtureUser } from './fixture-types';
import type { Ctx } from './http';
import { ZERO_GUID, guidFrom, sha1, type CommitRecord, type FakeState } from './state';

const enc = encodeURIComponent;

// --- identities -------------------------------------------------------------------------------

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

export function isMsa(user: FixtureUser): boolean {
  return user.tenantId === ZERO_GUID;
}

/** Graph subject descriptor, reversible so graph/storagekeys can answer (docs/azure-devops-rest.md#identity-picker C). */
export function subjectDescriptor(user: FixtureUser, org?: FixtureOrganization | null): string {
  const prefix = org?.kind === 'server' ? 'win' : isMsa(user) ? 'msa' : 'aad';
  return `${prefix}.${b64url(user.id)}`;
}

export function userFromDescriptor(state: FakeState, descriptor: string): FixtureUser | undefined {
  const match = /^(?:aad|msa|win)\.(.+)$/.exec(descriptor);
  if (!match) return undefined;
  return state.user(Buffer.from(match[1]!, 'base64url').toString('utf8'));
}

/** On-prem account names look like DOMAIN\user. */
export function accountName(user: FixtureUser, org?: FixtureOrganization | null): string {
  if (org?.kind !== 'server') return user.email;
  const [local = '', domain = ''] = user.email.split('@');
  return `${domain.split('.')[0]!.toUpperCase()}\\${local}`;
}

/** IdentityRef (createdBy, reviewers, pushedBy). */
export function identityRef(ctx: Ctx, user: FixtureUser) {
  const descriptor = subjectDescriptor(user, ctx.org);
  return {
    displayName: user.displayName,
    url: `${ctx.base}/_apis/Identities/${user.id}`,
    _links: { avatar: { href: `${ctx.base}/_apis/GraphProfile/MemberAvatars/${descriptor}` } },
    id: user.id,
    uniqueName: accountName(user, ctx.org),
    imageUrl: `${ctx.base}/_api/_common/identityImage?id=${user.id}`,
    descriptor,
  };
}

/** Identity (connectionData.authenticatedUser, _apis/identities). */
export function identity(ctx: Ctx, user: FixtureUser) {
  const server = ctx.org?.kind === 'server';
  return {
    id: user.id,
    descriptor: server
      ? `System.Security.Principal.WindowsIdentity;S-1-5-21-${parseInt(sha1(user.id).slice(0, 8), 16)}-1001`
      : `Microsoft.IdentityModel.Claims.ClaimsIdentity;${isMsa(user) ? `${user.memberId}@Live.com` : `${user.tenantId}\\${user.email}`}`,
    subjectDescriptor: subjectDescriptor(user, ctx.org),
    providerDisplayName: user.displayName,
    isActive: true,
    isContainer: false,
    members: [],
    memberOf: [],
    memberIds: [],
    masterId: user.id,
    metaTypeId: 0,
    properties: {
      Account: { $type: 'System.String', $value: accountName(user, ctx.org) },
      Mail: { $type: 'System.String', $value: user.email },
    },
    resourceVersion: 2,
  };
}

// --- projects ---------------------------------------------------------------------------------

export function projectRef(ctx: Ctx, project: FixtureProject) {
  return {
    id: project.id,
    name: project.name,
    ...(project.description ? { description: project.description } : {}),
    url: `${ctx.base}/_apis/projects/${project.id}`,
    state: 'wellFormed',
    revision: 11,
    visibility: project.visibility,
    lastUpdateTime: '2026-01-05T09:00:00.000Z',
  };
}

// --- repositories -----------------------------------------------------------------------------

/** Clone and web URLs in the form the caller used (docs/azure-devops-rest.md#repositories, docs/azure-devops-hosts.md). */
export function repoUrls(ctx: Ctx, project: FixtureProject, repo: FixtureRepository) {
  const org = ctx.org!;
  const webUrl = `${ctx.base}/${enc(project.name)}/_git/${enc(repo.name)}`;
  const sshPath = `${enc(org.name)}/${enc(project.name)}/${enc(repo.name)}`;
  switch (ctx.site.flavor) {
    case 'dev':
      // The service puts the org as userinfo into remoteUrl (docs/azure-devops-rest.md#repositories: strip for display).
      return { webUrl, remoteUrl: webUrl.replace('https://', `https://${enc(org.name)}@`), sshUrl: `git@ssh.dev.azure.com:v3/${sshPath}` };
    case 'legacy':
      return { webUrl, remoteUrl: webUrl, sshUrl: `${enc(org.name)}@vs-ssh.visualstudio.com:v3/${sshPath}` };
    case 'server': {
      const path = `${ctx.site.basePath}/${enc(project.name)}/_git/${enc(repo.name)}`;
      return { webUrl, remoteUrl: webUrl, sshUrl: org.sshDisabled ? undefined : `ssh://${ctx.host}:22${path}` };
    }
    default:
      return {
        webUrl,
        remoteUrl: webUrl,
        sshUrl: org.kind === 'server' ? (org.sshDisabled ? undefined : `ssh://${org.serverHost?.split(':')[0]}:22${ctx.site.basePath}/${enc(project.name)}/_git/${enc(repo.name)}`) : `git@ssh.dev.azure.com:v3/${sshPath}`,
      };
  }
}

export function repoApiUrl(ctx: Ctx, project: FixtureProject, repo: FixtureRepository): string {
  return `${ctx.base}/${project.id}/_apis/git/repositories/${repo.id}`;
}

function collectionRef(ctx: Ctx) {
  const org = ctx.org!;
  return { id: org.id, name: org.name, url: `${ctx.base}/_apis/projectCollections/${org.id}` };
}

/** GitRepositoryRef (parentRepository, forks list). */
export function repositoryRef(ctx: Ctx, project: FixtureProject, repo: FixtureRepository) {
  const urls = repoUrls(ctx, project, repo);
  return {
    collection: collectionRef(ctx),
    id: repo.id,
    name: repo.name,
    url: repoApiUrl(ctx, project, repo),
    project: projectRef(ctx, project),
    remoteUrl: urls.remoteUrl,
    sshUrl: urls.sshUrl,
    isFork: Boolean(repo.parentRepositoryId),
  };
}

/** GitRepository (docs/azure-devops-rest.md#repositories). */
export function repository(ctx: Ctx, project: FixtureProject, repo: FixtureRepository, options: { includeParent?: boolean } = {}) {
  const urls = repoUrls(ctx, project, repo);
  const parent = repo.parentRepositoryId ? ctx.state.repoById(ctx.org!, repo.parentRepositoryId) : undefined;
  return {
    id: repo.id,
    name: repo.name,
    url: repoApiUrl(ctx, project, repo),
    project: projectRef(ctx, project),
    ...(repo.defaultBranch ? { defaultBranch: repo.defaultBranch } : {}),
    size: repo.size,
    remoteUrl: urls.remoteUrl,
    sshUrl: urls.sshUrl,
    webUrl: urls.webUrl,
    ...(repo.parentRepositoryId ? { isFork: true } : {}),
    ...(parent && options.includeParent ? { parentRepository: repositoryRef(ctx, parent.project, parent.repo) } : {}),
    isDisabled: Boolean(repo.isDisabled),
    isInMaintenance: false,
  };
}

// --- commits ----------------------------------------------------------------------------------

export function commitRef(ctx: Ctx, project: FixtureProject, repo: FixtureRepository, commit: CommitRecord) {
  const author = ctx.state.user(commit.authorUserId);
  const person = { name: author?.displayName ?? 'Unknown', email: author?.email ?? 'unknown@example.com', date: commit.date };
  return {
    treeId: commit.treeId,
    commitId: commit.commitId,
    author: person,
    committer: person,
    comment: commit.comment,
    parents: commit.parents,
    url: `${repoApiUrl(ctx, project, repo)}/commits/${commit.commitId}`,
  };
}

// --- pull requests ----------------------------------------------------------------------------

/** `[Project]\\Name` for a project's group or team, `[org]\\Name` for an organization group. */
export function groupDisplayName(org: FixtureOrganization, group: FixtureGroup): string {
  return `[${group.project ?? org.name}]\\${group.name}`;
}

/** IdentityRef of a group or team (a reviewer that is a container). */
export function groupRef(ctx: Ctx, group: FixtureGroup) {
  const displayName = groupDisplayName(ctx.org!, group);
  return {
    displayName,
    url: `${ctx.base}/_apis/Identities/${group.id}`,
    id: group.id,
    uniqueName: `vstfs:///Classification/TeamProject/${group.id}\\${group.name}`,
    imageUrl: `${ctx.base}/_api/_common/identityImage?id=${group.id}`,
    descriptor: `vssgp.${b64url(group.id)}`,
    isContainer: true,
  };
}

export function reviewerJson(ctx: Ctx, project: FixtureProject, repo: FixtureRepository, pr: FixturePullRequest, reviewer: FixturePullRequest['reviewers'][number]) {
  const user = ctx.state.user(reviewer.userId);
  const group = user ? undefined : ctx.state.group(ctx.org!, reviewer.userId);
  const ref = user
    ? identityRef(ctx, user)
    : group
      ? groupRef(ctx, group)
      : { id: reviewer.userId, displayName: reviewer.userId, uniqueName: reviewer.userId, url: `${ctx.base}/_apis/Identities/${reviewer.userId}` };
  return {
    reviewerUrl: `${repoApiUrl(ctx, project, repo)}/pullRequests/${pr.pullRequestId}/reviewers/${reviewer.userId}`,
    vote: reviewer.vote,
    hasDeclined: false,
    isRequired: reviewer.isRequired,
    isFlagged: false,
    ...ref,
  };
}

function branchHead(repo: FixtureRepository, refName: string): string {
  const name = refName.replace(/^refs\/heads\//, '');
  return repo.branches.find((b) => b.name === name)?.objectId ?? sha1(`${repo.id}:${refName}`);
}

/** GitPullRequest (docs/azure-devops-rest.md#pull-requests). */
export function pullRequest(ctx: Ctx, project: FixtureProject, repo: FixtureRepository, pr: FixturePullRequest) {
  const repoUrl = repoApiUrl(ctx, project, repo);
  const prUrl = `${repoUrl}/pullRequests/${pr.pullRequestId}`;
  const creator = ctx.state.user(pr.createdBy);
  const forkRepo = pr.forkSourceRepositoryId ? ctx.state.repoById(ctx.org!, pr.forkSourceRepositoryId) : undefined;
  const sourceCommit = branchHead(forkRepo?.repo ?? repo, pr.sourceRefName);
  const targetCommit = branchHead(repo, pr.targetRefName);
  const setBy = pr.autoCompleteSetBy ? ctx.state.user(pr.autoCompleteSetBy) : undefined;
  return {
    repository: { ...repository(ctx, project, repo), webUrl: repoUrls(ctx, project, repo).webUrl },
    pullRequestId: pr.pullRequestId,
    codeReviewId: pr.pullRequestId,
    status: pr.status,
    createdBy: creator ? identityRef(ctx, creator) : { id: pr.createdBy, displayName: pr.createdBy },
    creationDate: pr.creationDate,
    ...(pr.closedDate ? { closedDate: pr.closedDate } : {}),
    title: pr.title,
    ...(pr.description !== undefined ? { description: pr.description } : {}),
    sourceRefName: pr.sourceRefName,
    targetRefName: pr.targetRefName,
    mergeStatus: pr.status === 'abandoned' ? 'notSet' : (pr.mergeStatus ?? 'succeeded'),
    isDraft: pr.isDraft,
    mergeId: guidFrom(`merge:${repo.id}:${pr.pullRequestId}`),
    lastMergeSourceCommit: { commitId: sourceCommit, url: `${repoUrl}/commits/${sourceCommit}` },
    lastMergeTargetCommit: { commitId: targetCommit, url: `${repoUrl}/commits/${targetCommit}` },
    ...(pr.status === 'completed'
      ? { lastMergeCommit: { commitId: sha1(`merged:${pr.pullRequestId}:${sourceCommit}`), url: `${repoUrl}/commits/${sha1(`merged:${pr.pullRequestId}:${sourceCommit}`)}` } }
      : {}),
    reviewers: pr.reviewers.map((r) => reviewerJson(ctx, project, repo, pr, r)),
    ...(pr.labels?.length ? { labels: pr.labels.map((name) => ({ id: sha1(`label:${name}`).slice(0, 32), name, active: true })) } : {}),
    ...(setBy ? { autoCompleteSetBy: identityRef(ctx, setBy) } : {}),
    ...(pr.completionOptions ? { completionOptions: pr.completionOptions } : {}),
    ...(forkRepo ? { forkSource: { name: pr.sourceRefName, repository: repositoryRef(ctx, forkRepo.project, forkRepo.repo), url: `${repoApiUrl(ctx, forkRepo.project, forkRepo.repo)}/refs` } } : {}),
    url: prUrl,
    _links: {
      self: { href: prUrl },
      repository: { href: repoUrl },
      workItems: { href: `${prUrl}/workitems` },
      sourceBranch: { href: `${repoUrl}/refs` },
      targetBranch: { href: `${repoUrl}/refs` },
      statuses: { href: `${prUrl}/statuses` },
      sourceCommit: { href: `${repoUrl}/commits/${sourceCommit}` },
      targetCommit: { href: `${repoUrl}/commits/${targetCommit}` },
      createdBy: { href: `${ctx.base}/_apis/Identities/${pr.createdBy}` },
      iterations: { href: `${prUrl}/iterations` },
    },
    supportsIterations: true,
    // The spec example encodes the separators as %2f.
    artifactId: `vstfs:///Git/PullRequestId/${project.id}%2f${repo.id}%2f${pr.pullRequestId}`,
  };
}
