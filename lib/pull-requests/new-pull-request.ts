import type { GitCommitRef, GitPullRequest, GitRef, GitRepository } from 'azure-devops-node-api/interfaces/GitInterfaces';
import type { RestClient, RestPage } from '../azure/rest-client';
import { getConnectionData } from '../azure/connection-data';
import { vsspsBaseOf } from '../azure/azure-hosts';
import { AppError, type AppErrorValue } from '../errors/app-error';
import { missingServerFeature } from '../azure/server-features';
import { appErrors } from '../errors/error-messages';

/**
 * The quick "Create pull request" dialog's Azure DevOps calls (docs/azure-devops-rest.md#pull-requests,
 * #identity-picker, #work-items, #branch-policies). Written against a RestClient so that any transport
 * that can send an Azure DevOps request (the background's stored account today) runs the same code.
 */

/** A repository page's repository: organization base URL (`https://dev.azure.com/org`), project and name. */
export interface RepositoryAddress {
  baseUrl: string;
  project: string;
  repository: string;
}

export interface Reviewer {
  id: string;
  displayName: string;
  kind: 'user' | 'group';
  /** Mail for a person, the scope (project or organization) for a group. */
  detail: string | null;
}

export interface PolicyReviewer extends Reviewer {
  /** A blocking policy makes them required; a non-blocking one adds them as optional. */
  isRequired: boolean;
}

export interface NewPullRequestContext {
  repositoryId: string;
  projectId: string;
  /** Branch names without `refs/heads/`. */
  defaultBranch: string | null;
  branches: string[];
  /** The repository has more branches than BRANCH_LIMIT: the first ones by name are listed, with the viewed and default branch. */
  branchesCapped: boolean;
  me: { id: string; displayName: string };
  /** Reviewers of my recent pull requests in this repository, most recent first. */
  recentReviewers: Reviewer[];
  /** Why this server cannot make a draft (older than REST API 5.0); null when it can. */
  draftsUnavailable: AppErrorValue | null;
}

export interface BranchComparison {
  /** Commits the source has that the target lacks, newest first (at most 50). */
  commits: { commitId: string; subject: string; body: string }[];
  title: string;
  description: string;
  policyReviewers: PolicyReviewer[];
  /** An active pull request for the same source and target. */
  existing: { id: number; title: string; webUrl: string } | null;
}

export interface WorkItemSummary {
  id: number;
  title: string;
  type: string;
  state: string;
}

export type MergeStrategy = 'noFastForward' | 'squash' | 'rebase' | 'rebaseMerge';

export interface NewPullRequest {
  repositoryId: string;
  sourceBranch: string;
  targetBranch: string;
  title: string;
  description: string;
  isDraft: boolean;
  reviewers: { id: string; isRequired: boolean }[];
  workItemIds: number[];
  autoComplete: null | { mergeStrategy: MergeStrategy; deleteSourceBranch: boolean; transitionWorkItems: boolean };
}

export interface CreatedPullRequest {
  id: number;
  webUrl: string;
  /** Set when the PR was created but auto-complete could not be turned on. */
  autoCompleteError: string | null;
}

/** Azure DevOps' "Required reviewers" branch policy type. */
const REQUIRED_REVIEWERS_POLICY = 'fd2167ab-b0be-447a-8ec8-39368250530e';
const DESCRIPTION_LIMIT = 4000;
/** The longest title Azure DevOps takes (docs/azure-devops-rest.md#pull-requests); the protocol holds the dialog to it too. */
export const TITLE_LIMIT = 400;
/** Refs asked for at once; the service's largest `$top` for refs. */
const BRANCH_PAGE = 1000;
/** Branches listed at most (ten pages): beyond that a list to pick from stops helping, and opening the dialog would wait on more requests. */
export const BRANCH_LIMIT = 10_000;
const heads = (branch: string) => `refs/heads/${branch}`;
const branchOf = (ref: string | undefined) => (ref ?? '').replace(/^refs\/heads\//, '');
const repoUrl = (a: RepositoryAddress, id?: string) =>
  `${a.baseUrl}/${encodeURIComponent(a.project)}/_apis/git/repositories/${encodeURIComponent(id ?? a.repository)}`;

/**
 * The repository, its branches and who I am. The branches are every page of refs (1,000 each, sorted
 * by name, followed through their continuation tokens) up to BRANCH_LIMIT; the viewed branch and the
 * default branch are always among them, asked for by name when a larger repository has them beyond
 * that (docs/azure-devops-rest.md#repositories).
 */
export async function loadNewPullRequestContext(client: RestClient, address: RepositoryAddress, viewedBranch?: string | null): Promise<NewPullRequestContext> {
  const repository = await client.request<GitRepository>({ url: repoUrl(address) });
  if (!repository?.id || !repository.project?.id) throw new AppError(appErrors.internal());
  const refsUrl = `${repoUrl(address, repository.id)}/refs`;
  const defaultBranch = repository.defaultBranch ? branchOf(repository.defaultBranch) : null;
  const [listed, me] = await Promise.all([listBranches(client, refsUrl), getConnectionData(client, address.baseUrl)]);
  const branches = listed.branches;
  if (listed.capped) {
    // `filter` is a prefix: the branch itself and those whose names continue it.
    const missing = [...new Set([viewedBranch, defaultBranch])].filter((b): b is string => !!b && !branches.has(b));
    const found = await Promise.all(
      missing.map((branch) =>
        client
          .request<{ value?: GitRef[] }>({ url: refsUrl, query: { filter: `heads/${branch}`, $top: 100 } })
          .then((answer) => (answer?.value ?? []).some((r) => branchOf(r.name) === branch) ? [branch] : [])
          .catch(() => []),
      ),
    );
    for (const branch of found.flat()) branches.add(branch);
  }
  const recent = await client
    .request<{ value?: GitPullRequest[] }>({
      url: `${repoUrl(address, repository.id)}/pullrequests`,
      query: { 'searchCriteria.creatorId': me.userId, 'searchCriteria.status': 'all', $top: 20 },
    })
    .catch(() => ({ value: [] as GitPullRequest[] }));
  const recentReviewers = new Map<string, Reviewer>();
  for (const pr of recent?.value ?? []) {
    for (const r of pr.reviewers ?? []) {
      if (r.id && r.id !== me.userId && !recentReviewers.has(r.id) && r.displayName) {
        recentReviewers.set(r.id, { id: r.id, displayName: r.displayName, kind: r.isContainer ? 'group' : 'user', detail: r.uniqueName ?? null });
      }
    }
  }
  return {
    repositoryId: repository.id,
    projectId: repository.project.id,
    defaultBranch,
    branches: [...branches].sort((a, b) => a.localeCompare(b)),
    branchesCapped: listed.capped,
    me: { id: me.userId, displayName: me.displayName },
    recentReviewers: [...recentReviewers.values()].slice(0, 8),
    // Known by now: the requests above learned the server's newest api-version if it refused one.
    draftsUnavailable: draftsUnavailable(client, address),
  };
}

const draftsUnavailable = (client: RestClient, address: RepositoryAddress) =>
  missingServerFeature('draftPullRequests', new URL(address.baseUrl).host, client.newestApiVersion(address.baseUrl));

/** The repository's branches, page after page, until the service has no more or BRANCH_LIMIT is reached. */
async function listBranches(client: RestClient, refsUrl: string): Promise<{ branches: Set<string>; capped: boolean }> {
  const branches = new Set<string>();
  const seenTokens = new Set<string>();
  let continuationToken: string | null = null;
  do {
    const page: RestPage<{ value?: GitRef[] }> = await client.requestPage<{ value?: GitRef[] }>({
      url: refsUrl,
      query: { filter: 'heads/', $top: BRANCH_PAGE, ...(continuationToken ? { continuationToken } : {}) },
    });
    for (const ref of page.value?.value ?? []) {
      const name = branchOf(ref.name);
      if (name) branches.add(name);
    }
    continuationToken = page.continuationToken;
    // A token seen before would page in a circle.
    if (continuationToken && seenTokens.has(continuationToken)) continuationToken = null;
    if (continuationToken) seenTokens.add(continuationToken);
  } while (continuationToken && branches.size < BRANCH_LIMIT);
  return { branches, capped: continuationToken !== null };
}

/** What the source brings to the target: commits, a default title and description, policy reviewers, an existing PR. */
export async function compareBranches(
  client: RestClient,
  address: RepositoryAddress,
  input: { repositoryId: string; sourceBranch: string; targetBranch: string },
): Promise<BranchComparison> {
  const url = repoUrl(address, input.repositoryId);
  const [commitList, existing, policyReviewers] = await Promise.all([
    client.request<{ value?: GitCommitRef[] }>({
      url: `${url}/commits`,
      query: {
        'searchCriteria.itemVersion.version': input.targetBranch,
        'searchCriteria.itemVersion.versionType': 'branch',
        'searchCriteria.compareVersion.version': input.sourceBranch,
        'searchCriteria.compareVersion.versionType': 'branch',
        'searchCriteria.$top': 50,
      },
    }),
    findActivePullRequest(client, address, input),
    // Policies are a hint: a token without the scope to read them still creates the PR.
    loadPolicyReviewers(client, address, input.repositoryId, input.targetBranch).catch(() => []),
  ]);
  const commits = (commitList?.value ?? []).map((c) => {
    const [subject = '', ...rest] = (c.comment ?? '').split('\n');
    return { commitId: c.commitId ?? '', subject: subject.trim(), body: rest.join('\n').trim() };
  });
  return { commits, ...defaultTitleAndDescription(commits, input.sourceBranch), policyReviewers, existing };
}

/** The active pull request from `sourceBranch` into `targetBranch`, if there is one. */
async function findActivePullRequest(
  client: RestClient,
  address: RepositoryAddress,
  input: { repositoryId: string; sourceBranch: string; targetBranch: string },
): Promise<BranchComparison['existing']> {
  const answer = await client.request<{ value?: GitPullRequest[] }>({
    url: `${repoUrl(address, input.repositoryId)}/pullrequests`,
    query: {
      'searchCriteria.status': 'active',
      'searchCriteria.sourceRefName': heads(input.sourceBranch),
      'searchCriteria.targetRefName': heads(input.targetBranch),
    },
  });
  const found = answer?.value?.[0];
  return found?.pullRequestId ? { id: found.pullRequestId, title: found.title ?? '', webUrl: pullRequestWebUrl(address, found.pullRequestId) } : null;
}

/**
 * One commit: its subject and body, as the web UI does. Several: the branch name as the title and
 * the subjects as a list. None: the branch name.
 */
export function defaultTitleAndDescription(commits: { subject: string; body: string }[], sourceBranch: string): { title: string; description: string } {
  if (commits.length === 1) return { title: commits[0]!.subject.slice(0, TITLE_LIMIT), description: commits[0]!.body.slice(0, DESCRIPTION_LIMIT) };
  const name = sourceBranch.split('/').pop() ?? sourceBranch;
  const title = name.replace(/[-_]+/g, ' ').replace(/^\d+\s+/, '').trim() || sourceBranch;
  const description = commits
    .slice()
    .reverse()
    .map((c) => `- ${c.subject}`)
    .join('\n')
    .slice(0, DESCRIPTION_LIMIT);
  return { title: (title.charAt(0).toUpperCase() + title.slice(1)).slice(0, TITLE_LIMIT), description };
}

interface PolicyConfiguration {
  isEnabled?: boolean;
  isBlocking?: boolean;
  isDeleted?: boolean;
  type?: { id?: string };
  settings?: { requiredReviewerIds?: string[]; scope?: { repositoryId?: string | null; refName?: string; matchKind?: string }[] };
}

/** Reviewers the target branch's "Required reviewers" policies add to every new pull request. */
async function loadPolicyReviewers(client: RestClient, address: RepositoryAddress, repositoryId: string, targetBranch: string): Promise<PolicyReviewer[]> {
  const answer = await client.request<{ value?: PolicyConfiguration[] }>({
    url: `${address.baseUrl}/${encodeURIComponent(address.project)}/_apis/policy/configurations`,
    query: { policyType: REQUIRED_REVIEWERS_POLICY },
  });
  const target = heads(targetBranch);
  const required = new Map<string, boolean>();
  for (const policy of answer?.value ?? []) {
    if (!policy.isEnabled || policy.isDeleted || policy.type?.id?.toLowerCase() !== REQUIRED_REVIEWERS_POLICY) continue;
    const applies = (policy.settings?.scope ?? []).some(
      (s) =>
        (!s.repositoryId || s.repositoryId.toLowerCase() === repositoryId.toLowerCase()) &&
        (!s.refName || (s.matchKind?.toLowerCase() === 'prefix' ? target.startsWith(s.refName) : s.refName === target)),
    );
    if (!applies) continue;
    for (const id of policy.settings?.requiredReviewerIds ?? []) required.set(id, required.get(id) === true || policy.isBlocking === true);
  }
  if (required.size === 0) return [];
  const names = await resolveIdentities(client, address.baseUrl, [...required.keys()]).catch(() => new Map<string, Reviewer>());
  return [...required].map(([id, isRequired]) => ({
    ...(names.get(id.toLowerCase()) ?? { id, displayName: 'A reviewer set by a branch policy', kind: 'user' as const, detail: null }),
    isRequired,
  }));
}

/** Names for identity ids (identities API: on vssps for the cloud, the collection on Server). */
async function resolveIdentities(client: RestClient, baseUrl: string, ids: string[]): Promise<Map<string, Reviewer>> {
  const identitiesBase = vsspsBaseOf(baseUrl) ?? baseUrl;
  const answer = await client.request<{ value?: { id?: string; providerDisplayName?: string; isContainer?: boolean; properties?: Record<string, { $value?: string }> }[] }>({
    url: `${identitiesBase}/_apis/identities`,
    query: { identityIds: ids.join(','), queryMembership: 'None' },
  });
  const out = new Map<string, Reviewer>();
  for (const identity of answer?.value ?? []) {
    if (!identity?.id) continue;
    out.set(identity.id.toLowerCase(), {
      id: identity.id,
      displayName: identity.providerDisplayName ?? identity.id,
      kind: identity.isContainer ? 'group' : 'user',
      detail: identity.properties?.Mail?.$value ?? null,
    });
  }
  return out;
}

interface PickerIdentity {
  entityType?: string;
  localId?: string | null;
  displayName?: string;
  mail?: string | null;
  scopeName?: string | null;
}

/** People, groups and teams whose name or mail starts with `query` (the web UI's identity picker). */
export async function searchReviewers(client: RestClient, baseUrl: string, query: string): Promise<Reviewer[]> {
  const answer = await client.request<{ results?: { identities?: PickerIdentity[] }[] }>({
    method: 'POST',
    url: `${baseUrl}/_apis/IdentityPicker/Identities`,
    body: {
      query,
      identityTypes: ['user', 'group'],
      operationScopes: ['ims', 'source'],
      options: { MinResults: 5, MaxResults: 20 },
      properties: ['DisplayName', 'Mail', 'ScopeName', 'Active'],
    },
    context: { requiredScope: 'vso.identity' },
  });
  const out: Reviewer[] = [];
  for (const identity of answer?.results?.[0]?.identities ?? []) {
    // Without a localId the identity is not in the organization yet and cannot review.
    if (!identity.localId || !identity.displayName) continue;
    const group = identity.entityType?.toLowerCase() === 'group';
    out.push({ id: identity.localId, displayName: identity.displayName, kind: group ? 'group' : 'user', detail: (group ? identity.scopeName : identity.mail) ?? null });
  }
  return out;
}

/** Work item ids a branch name carries: `feature/1234-login`, `users/me/1234`, `bug_77`. */
export function workItemIdsInBranch(branch: string): number[] {
  const ids = new Set<number>();
  for (const match of branch.matchAll(/(?:^|[/_-])(\d{1,9})(?=[/_-]|$)/g)) ids.add(Number(match[1]));
  return [...ids].filter((id) => id > 0).slice(0, 10);
}

/** The work items that exist (and the user can read) among `ids`, in any project: a PR may link any of the organization's. */
export async function checkWorkItems(client: RestClient, address: RepositoryAddress, ids: number[]): Promise<WorkItemSummary[]> {
  if (ids.length === 0) return [];
  const answer = await client.request<{ value?: ({ id?: number; fields?: Record<string, string> } | null)[] }>({
    url: `${address.baseUrl}/_apis/wit/workitems`,
    query: { ids: ids.join(','), fields: 'System.Title,System.State,System.WorkItemType', errorPolicy: 'omit' },
    context: { requiredScope: 'vso.work' },
  });
  return (answer?.value ?? []).flatMap((item) =>
    item?.id
      ? [{ id: item.id, title: item.fields?.['System.Title'] ?? '', type: item.fields?.['System.WorkItemType'] ?? '', state: item.fields?.['System.State'] ?? '' }]
      : [],
  );
}

/**
 * One POST creates the pull request; auto-complete cannot be set on creation, so one PATCH follows
 * only when it is asked for (docs/azure-devops-rest.md#pull-requests).
 */
export async function createPullRequest(
  client: RestClient,
  address: RepositoryAddress,
  input: NewPullRequest,
  me: string,
): Promise<CreatedPullRequest> {
  const url = `${repoUrl(address, input.repositoryId)}/pullrequests`;
  // An older server would ignore `isDraft` and publish the pull request to its reviewers.
  const noDrafts = input.isDraft ? draftsUnavailable(client, address) : null;
  if (noDrafts) throw new AppError(noDrafts);
  const created = await client
    .request<GitPullRequest>({
    method: 'POST',
    url,
    body: {
      sourceRefName: heads(input.sourceBranch),
      targetRefName: heads(input.targetBranch),
      title: input.title,
      description: input.description.slice(0, DESCRIPTION_LIMIT),
      isDraft: input.isDraft,
      reviewers: input.reviewers.map((r) => ({ id: r.id, isRequired: r.isRequired })),
      workItemRefs: input.workItemIds.map((id) => ({ id: String(id) })),
    },
    context: { requiredScope: 'vso.code_write' },
    })
    .catch(async (error: unknown) => {
      // Someone (or another tab) opened it meanwhile: point at it.
      if (error instanceof AppError && error.details?.code === 'TF401179') {
        const existing = await findActivePullRequest(client, address, input).catch(() => null);
        if (existing) throw new AppError({ ...error.toValue(), details: { ...error.details, existingId: existing.id, existingUrl: existing.webUrl } });
      }
      throw error;
    });
  const id = created?.pullRequestId;
  if (!id) throw new AppError(appErrors.internal());
  let autoCompleteError: string | null = null;
  if (input.autoComplete) {
    try {
      await client.request({
        method: 'PATCH',
        url: `${url}/${id}`,
        body: { autoCompleteSetBy: { id: me }, completionOptions: { ...input.autoComplete, bypassPolicy: false } },
        context: { requiredScope: 'vso.code_write' },
      });
    } catch (error) {
      autoCompleteError = error instanceof AppError ? error.message : appErrors.internal().message;
    }
  }
  return { id, webUrl: pullRequestWebUrl(address, id), autoCompleteError };
}

export interface BranchPullRequest {
  id: number;
  title: string;
  isDraft: boolean;
  targetBranch: string;
  webUrl: string;
}

/** The active pull requests whose source is `branch` of this repository. */
export async function activePullRequestsFrom(client: RestClient, address: RepositoryAddress, branch: string): Promise<BranchPullRequest[]> {
  const answer = await client.request<{ value?: GitPullRequest[] }>({
    url: `${repoUrl(address)}/pullrequests`,
    query: { 'searchCriteria.status': 'active', 'searchCriteria.sourceRefName': heads(branch), $top: 10 },
  });
  return (answer?.value ?? []).flatMap((pr) =>
    pr.pullRequestId
      ? [{ id: pr.pullRequestId, title: pr.title ?? '', isDraft: pr.isDraft === true, targetBranch: branchOf(pr.targetRefName), webUrl: pullRequestWebUrl(address, pr.pullRequestId) }]
      : [],
  );
}

function pullRequestWebUrl(address: RepositoryAddress, id: number): string {
  return `${address.baseUrl}/${encodeURIComponent(address.project)}/_git/${encodeURIComponent(address.repository)}/pullrequest/${id}`;
}
