/**
 * Pull requests (docs/azure-devops-rest.md#pull-requests): list per repository and per project with searchCriteria, get, create
 * (TF401179 on a duplicate active source→target), update (auto-complete, draft, status),
 * reviewers, and the linked work items.
 */
import {
  badRequest,
  branchNotFound,
  identityNotRecognized,
  pullRequestExists,
  pullRequestNotFound,
  reviewerNotFound,
  sameSourceAndTarget,
} from '../errors';
import { mergeStrategy, pullRequestStatus } from '../enums';
import type { FixtureOrganization, FixtureProject, FixturePullRequest, FixtureRepository } from '../fixture-types';
import { body, empty, intParam, json, list, me, org, queryParam, type Ctx } from '../http';
import type { Params, Route } from '../router';
import { pullRequest, reviewerJson } from '../shapes';
import { ZERO_GUID, servesApiVersion, type PullRequestRef } from '../state';
import { branchObjectId, projectParam, repoParam } from './git';

type Vote = FixturePullRequest['reviewers'][number]['vote'];
const VOTES = new Set([-10, -5, 0, 5, 10]);

// --- list -------------------------------------------------------------------------------------

/** searchCriteria.* filters (docs/azure-devops-rest.md#pull-requests, listing); status defaults to active. */
function filterPullRequests(ctx: Ctx, refs: PullRequestRef[]) {
  const q = (name: string) => queryParam(ctx, `searchCriteria.${name}`);
  const status = pullRequestStatus(q('status')) ?? 'active';
  const creatorId = q('creatorId')?.toLowerCase();
  const reviewerId = q('reviewerId')?.toLowerCase();
  const source = q('sourceRefName');
  const target = q('targetRefName');
  const repositoryId = q('repositoryId')?.toLowerCase();
  const sourceRepositoryId = q('sourceRepositoryId')?.toLowerCase();
  const matches = refs.filter(({ pr, repo }) => {
    if (status !== 'all' && status !== 'notSet' && pr.status !== status) return false;
    if (creatorId && pr.createdBy.toLowerCase() !== creatorId) return false;
    if (reviewerId && !pr.reviewers.some((r) => r.userId.toLowerCase() === reviewerId)) return false;
    if (source && pr.sourceRefName !== source) return false;
    if (target && pr.targetRefName !== target) return false;
    if (repositoryId && repo.id.toLowerCase() !== repositoryId) return false;
    if (sourceRepositoryId && (pr.forkSourceRepositoryId ?? repo.id).toLowerCase() !== sourceRepositoryId) return false;
    return true;
  });
  // Newest first, as the service lists them; then $skip/$top.
  matches.sort((a, b) => b.pr.creationDate.localeCompare(a.pr.creationDate) || b.pr.pullRequestId - a.pr.pullRequestId);
  const skip = intParam(ctx, '$skip') ?? 0;
  const top = intParam(ctx, '$top') ?? 101;
  return list(matches.slice(skip, skip + top).map((r) => pullRequest(ctx, r.project, r.repo, r.pr)));
}

function listForRepository(ctx: Ctx, p: Params) {
  const ref = repoParam(ctx, p);
  return filterPullRequests(ctx, ref.repo.pullRequests.map((pr) => ({ ...ref, pr })));
}

function listForProject(ctx: Ctx, p: Params) {
  return filterPullRequests(ctx, ctx.state.pullRequests(org(ctx), projectParam(ctx, p)));
}

// --- get --------------------------------------------------------------------------------------

function prParam(ctx: Ctx, p: Params): PullRequestRef {
  const id = Number(p.pullRequestId);
  if (p.repositoryId) {
    const ref = repoParam(ctx, p);
    const pr = ref.repo.pullRequests.find((x) => x.pullRequestId === id);
    if (!pr) throw pullRequestNotFound(p.pullRequestId!);
    return { ...ref, pr };
  }
  const project = projectParam(ctx, p);
  const ref = ctx.state.pullRequest(org(ctx), id);
  if (!ref || (project && ref.project !== project)) throw pullRequestNotFound(p.pullRequestId!);
  return ref;
}

const prReply = (ctx: Ctx, ref: PullRequestRef, status = 200) => json(status, pullRequest(ctx, ref.project, ref.repo, ref.pr));

// --- create -----------------------------------------------------------------------------------

interface CreateBody {
  sourceRefName?: string;
  targetRefName?: string;
  title?: string;
  description?: string;
  isDraft?: boolean;
  reviewers?: { id?: string; isRequired?: boolean; vote?: number }[];
  workItemRefs?: { id?: string | number }[];
  labels?: { name?: string }[];
  forkSource?: { repository?: { id?: string } };
}

function requireUser(ctx: Ctx, id: string | undefined) {
  const user = id ? ctx.state.user(id) : undefined;
  if (!user || !ctx.state.isMember(org(ctx), user.id)) throw identityNotRecognized(id ?? '');
  return user;
}

/** A reviewer is a member of the organization or one of its groups and teams (docs/azure-devops-rest.md#pull-requests). */
function requireReviewer(ctx: Ctx, id: string | undefined): string {
  const group = id ? ctx.state.group(org(ctx), id) : undefined;
  return group ? group.id : requireUser(ctx, id).id;
}

/** Required reviewers that branch policies on the target branch add to every new pull request. */
function policyReviewers(repo: FixtureRepository, targetRefName: string): { id: string; isRequired: boolean }[] {
  return (repo.policies ?? [])
    .filter((policy) => policy.refName === targetRefName)
    .flatMap((policy) => policy.requiredReviewerIds.map((id) => ({ id, isRequired: policy.isBlocking !== false })));
}

function createPullRequest(ctx: Ctx, p: Params) {
  const target = repoParam(ctx, p);
  const input = body<CreateBody>(ctx);
  if (!input.sourceRefName || !input.targetRefName) throw badRequest('sourceRefName and targetRefName are required.', 'ArgumentNullException');
  if (!input.title?.trim()) throw badRequest('A title is required.', 'ArgumentNullException');

  // From a fork, the PR lives in the target repo and the source branch in the fork (docs/azure-devops-rest.md#pull-requests).
  let sourceRepo: FixtureRepository = target.repo;
  if (input.forkSource?.repository?.id) {
    const fork = ctx.state.repoById(org(ctx), input.forkSource.repository.id);
    if (!fork) throw badRequest(`TF401019: The Git repository with name or identifier ${input.forkSource.repository.id} does not exist or you do not have permissions for the operation you are attempting.`, 'GitRepositoryNotFoundException');
    sourceRepo = fork.repo;
  }
  if (sourceRepo === target.repo && input.sourceRefName === input.targetRefName) throw sameSourceAndTarget();
  if (branchObjectId(sourceRepo, input.sourceRefName) === undefined) throw branchNotFound(input.sourceRefName, sourceRepo.name);
  if (branchObjectId(target.repo, input.targetRefName) === undefined) throw branchNotFound(input.targetRefName, target.repo.name);

  const duplicate = target.repo.pullRequests.some(
    (pr) =>
      pr.status === 'active' &&
      pr.sourceRefName === input.sourceRefName &&
      pr.targetRefName === input.targetRefName &&
      (pr.forkSourceRepositoryId ?? target.repo.id) === sourceRepo.id,
  );
  if (duplicate) throw pullRequestExists();

  const reviewers: FixturePullRequest['reviewers'] = [];
  for (const r of input.reviewers ?? []) {
    const id = requireReviewer(ctx, r.id);
    if (!reviewers.some((x) => x.userId.toLowerCase() === id.toLowerCase())) reviewers.push({ userId: id, vote: 0, isRequired: Boolean(r.isRequired) });
  }
  // A blocking required-reviewer policy makes its reviewers required, whether or not the author listed them; a non-blocking one adds them as optional.
  for (const { id, isRequired } of policyReviewers(target.repo, input.targetRefName)) {
    const listed = reviewers.find((x) => x.userId.toLowerCase() === id.toLowerCase());
    if (listed) listed.isRequired ||= isRequired;
    else reviewers.push({ userId: id, vote: 0, isRequired });
  }
  const workItemIds = (input.workItemRefs ?? [])
    .map((w) => Number(w.id))
    .filter((id) => org(ctx).workItems.some((w) => w.id === id));

  const pr: FixturePullRequest = {
    pullRequestId: ctx.state.nextPullRequestId(org(ctx)),
    title: input.title,
    ...(input.description !== undefined ? { description: input.description.slice(0, 4000) } : {}),
    sourceRefName: input.sourceRefName,
    targetRefName: input.targetRefName,
    status: 'active',
    // Drafts came with REST API 5.0 (Azure DevOps Server 2019): an older server ignores the property.
    isDraft: Boolean(input.isDraft) && servesApiVersion(org(ctx), '5.0'),
    createdBy: me(ctx).id,
    creationDate: ctx.state.nowIso(),
    reviewers,
    ...(workItemIds.length ? { workItemIds } : {}),
    ...(sourceRepo !== target.repo ? { forkSourceRepositoryId: sourceRepo.id } : {}),
    ...(input.labels?.length ? { labels: input.labels.map((l) => l.name ?? '').filter(Boolean) } : {}),
  };
  target.repo.pullRequests.push(pr);
  return prReply(ctx, { ...target, pr }, 201);
}

// --- update -----------------------------------------------------------------------------------

interface UpdateBody {
  title?: string;
  description?: string;
  status?: unknown;
  isDraft?: boolean;
  targetRefName?: string;
  autoCompleteSetBy?: { id?: string } | null;
  completionOptions?: Record<string, unknown> | null;
}

function updatePullRequest(ctx: Ctx, p: Params) {
  const ref = prParam(ctx, p);
  const { pr, repo } = ref;
  const input = body<UpdateBody>(ctx);
  if (input.title !== undefined) pr.title = input.title;
  if (input.description !== undefined) pr.description = input.description.slice(0, 4000);
  if (input.isDraft !== undefined) pr.isDraft = Boolean(input.isDraft);
  if (input.targetRefName !== undefined) {
    if (branchObjectId(repo, input.targetRefName) === undefined) throw branchNotFound(input.targetRefName, repo.name);
    pr.targetRefName = input.targetRefName;
  }
  if (input.completionOptions) {
    const o = input.completionOptions;
    pr.completionOptions = {
      ...pr.completionOptions,
      ...(o.mergeStrategy !== undefined ? { mergeStrategy: mergeStrategy(o.mergeStrategy) } : {}),
      ...(o.deleteSourceBranch !== undefined ? { deleteSourceBranch: Boolean(o.deleteSourceBranch) } : {}),
      ...(o.transitionWorkItems !== undefined ? { transitionWorkItems: Boolean(o.transitionWorkItems) } : {}),
      ...(typeof o.mergeCommitMessage === 'string' ? { mergeCommitMessage: o.mergeCommitMessage } : {}),
      ...(o.bypassPolicy !== undefined ? { bypassPolicy: Boolean(o.bypassPolicy) } : {}),
      ...(o.squashMerge !== undefined ? { squashMerge: Boolean(o.squashMerge) } : {}),
    };
  }
  if (input.autoCompleteSetBy !== undefined) {
    // Cancel auto-complete with the empty GUID (docs/azure-devops-rest.md#pull-requests).
    const id = input.autoCompleteSetBy?.id;
    if (!id || id === ZERO_GUID) delete pr.autoCompleteSetBy;
    else pr.autoCompleteSetBy = requireUser(ctx, id).id;
  }
  const status = pullRequestStatus(input.status);
  if (status && status !== pr.status) {
    if (status === 'all' || status === 'notSet') throw badRequest(`The pull request status '${status}' cannot be set.`);
    if (pr.status !== 'active' && status !== 'active') {
      throw badRequest(`TF401181: The pull request cannot be edited due to its state (${pr.status}).`, 'InvalidArgumentValueException');
    }
    if (status === 'active' && repo.pullRequests.some((x) => x !== pr && x.status === 'active' && x.sourceRefName === pr.sourceRefName && x.targetRefName === pr.targetRefName)) {
      throw pullRequestExists();
    }
    pr.status = status;
    if (status === 'active') delete pr.closedDate;
    else pr.closedDate = ctx.state.nowIso();
    if (status === 'completed') completeMerge(ref);
  }
  return prReply(ctx, ref);
}

/** Completing honours completionOptions.deleteSourceBranch (the merge itself is not simulated). */
function completeMerge(ref: PullRequestRef) {
  const { pr, repo } = ref;
  if (pr.completionOptions?.deleteSourceBranch && !pr.forkSourceRepositoryId) {
    const name = pr.sourceRefName.replace(/^refs\/heads\//, '');
    repo.branches = repo.branches.filter((b) => b.name !== name);
  }
}

// --- reviewers --------------------------------------------------------------------------------

function listReviewers(ctx: Ctx, p: Params) {
  const { project, repo, pr } = prParam(ctx, p);
  return list(pr.reviewers.map((r) => reviewerJson(ctx, project, repo, pr, r)));
}

function getReviewer(ctx: Ctx, p: Params) {
  const { project, repo, pr } = prParam(ctx, p);
  const reviewer = pr.reviewers.find((r) => r.userId.toLowerCase() === p.reviewerId!.toLowerCase());
  if (!reviewer) throw reviewerNotFound(p.reviewerId!);
  return json(200, reviewerJson(ctx, project, repo, pr, reviewer));
}

function upsertReviewer(project: FixtureProject, repo: FixtureRepository, pr: FixturePullRequest, ctx: Ctx, id: string | undefined, input: { vote?: number; isRequired?: boolean }) {
  const user = { id: requireReviewer(ctx, id) };
  if (input.vote !== undefined && !VOTES.has(Number(input.vote))) throw badRequest(`The vote ${input.vote} is not valid; use -10, -5, 0, 5 or 10.`);
  let reviewer = pr.reviewers.find((r) => r.userId.toLowerCase() === user.id.toLowerCase());
  if (!reviewer) pr.reviewers.push((reviewer = { userId: user.id, vote: 0, isRequired: false }));
  if (input.vote !== undefined) {
    reviewer.vote = Number(input.vote) as Vote;
    rollUpVote(org(ctx), pr, user.id, reviewer.vote);
  }
  if (input.isRequired !== undefined) reviewer.isRequired = Boolean(input.isRequired);
  return reviewerJson(ctx, project, repo, pr, reviewer);
}

/**
 * Groups and teams cannot vote; a member's vote is rolled up into the vote of each group or team of
 * theirs that reviews the pull request (docs/pull-request-inbox.md#who-waits-for-whom). Which vote
 * wins when members disagree is not documented: here the latest.
 */
export function rollUpVote(organization: FixtureOrganization, pr: FixturePullRequest, userId: string, vote: Vote): void {
  const id = userId.toLowerCase();
  for (const group of organization.groups ?? []) {
    if (!group.members.some((m) => m.toLowerCase() === id)) continue;
    const asked = pr.reviewers.find((r) => r.userId.toLowerCase() === group.id.toLowerCase());
    if (asked) asked.vote = vote;
  }
}

function putReviewer(ctx: Ctx, p: Params) {
  const { project, repo, pr } = prParam(ctx, p);
  return json(200, upsertReviewer(project, repo, pr, ctx, p.reviewerId, body<{ vote?: number; isRequired?: boolean }>(ctx)));
}

function postReviewers(ctx: Ctx, p: Params) {
  const { project, repo, pr } = prParam(ctx, p);
  const input = body<{ id?: string; vote?: number; isRequired?: boolean }[]>(ctx);
  if (!Array.isArray(input)) throw badRequest('The body must be an array of reviewers.');
  return list(input.map((r) => upsertReviewer(project, repo, pr, ctx, r.id, r)));
}

function deleteReviewer(ctx: Ctx, p: Params) {
  const { pr } = prParam(ctx, p);
  const index = pr.reviewers.findIndex((r) => r.userId.toLowerCase() === p.reviewerId!.toLowerCase());
  if (index < 0) throw reviewerNotFound(p.reviewerId!);
  pr.reviewers.splice(index, 1);
  return empty(204);
}

// --- work items -------------------------------------------------------------------------------

function listWorkItemRefs(ctx: Ctx, p: Params) {
  const { pr } = prParam(ctx, p);
  return list((pr.workItemIds ?? []).map((id) => ({ id: String(id), url: `${ctx.base}/_apis/wit/workItems/${id}` })));
}

// --- table ------------------------------------------------------------------------------------

const PRS = '_apis/git/repositories/:repositoryId/pullRequests';
const PR = `${PRS}/:pullRequestId`;

export const pullRequestRoutes: Route[] = [
  { method: 'GET', path: PRS, resource: 'git/pullRequests', scope: 'vso.code', handler: listForRepository },
  { method: 'POST', path: PRS, resource: 'git/pullRequests', scope: 'vso.code_write', handler: createPullRequest },
  { method: 'GET', path: PR, resource: 'git/pullRequests', scope: 'vso.code', handler: (ctx, p) => prReply(ctx, prParam(ctx, p)) },
  { method: 'PATCH', path: PR, resource: 'git/pullRequests', scope: 'vso.code_write', handler: updatePullRequest },
  { method: 'GET', path: `${PR}/reviewers`, resource: 'git/pullRequestReviewers', scope: 'vso.code', handler: listReviewers },
  { method: 'POST', path: `${PR}/reviewers`, resource: 'git/pullRequestReviewers', scope: 'vso.code_write', handler: postReviewers },
  { method: 'GET', path: `${PR}/reviewers/:reviewerId`, resource: 'git/pullRequestReviewers', scope: 'vso.code', handler: getReviewer },
  { method: 'PUT', path: `${PR}/reviewers/:reviewerId`, resource: 'git/pullRequestReviewers', scope: 'vso.code_write', handler: putReviewer },
  { method: 'DELETE', path: `${PR}/reviewers/:reviewerId`, resource: 'git/pullRequestReviewers', scope: 'vso.code_write', handler: deleteReviewer },
  { method: 'GET', path: `${PR}/workItems`, resource: 'git/pullRequestWorkItems', scope: 'vso.code', handler: listWorkItemRefs },
  { method: 'GET', path: '_apis/git/pullRequests', resource: 'git/pullRequests', scope: 'vso.code', handler: listForProject },
  { method: 'GET', path: '_apis/git/pullRequests/:pullRequestId', resource: 'git/pullRequests', scope: 'vso.code', handler: (ctx, p) => prReply(ctx, prParam(ctx, p)) },
];
