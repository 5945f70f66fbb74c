import type { GitPullRequest } from 'azure-devops-node-api/interfaces/GitInterfaces';
import { AppError } from '../errors/app-error';
import type { RestClient } from '../azure/rest-client';
import type { MyPullRequestSnapshot } from './pull-request-events';

/** More than anyone has open at once; the listing is not paged further. */
const LISTING_TOP = 100;

/**
 * The user's own pull requests for notifications (docs/pull-request-inbox.md#notifications): one
 * organization-wide listing of the active ones they created; then each one that was active at the last
 * refresh and left that listing is read by id, to learn whether it was completed or abandoned.
 */
export async function readMyPullRequests(
  client: RestClient,
  organization: { name: string; baseUrl: string },
  me: string,
  before: MyPullRequestSnapshot[] | null,
): Promise<MyPullRequestSnapshot[]> {
  const base = organization.baseUrl.replace(/\/+$/, '');
  const context = { organization: organization.name, requiredScope: 'vso.code' };
  const answer = await client.request<{ value?: GitPullRequest[] } | undefined>({
    url: `${base}/_apis/git/pullrequests`,
    query: { 'searchCriteria.status': 'active', 'searchCriteria.creatorId': me, $top: LISTING_TOP },
    context,
  });
  const active = (answer?.value ?? []).map(snapshotOf).filter((pr): pr is MyPullRequestSnapshot => pr !== null && pr.status === 'active');
  const listed = new Set(active.map((pr) => pr.id));
  const left = (before ?? []).filter((pr) => pr.status === 'active' && !listed.has(pr.id));
  const closed = await Promise.all(
    left.map(async (pr) => {
      try {
        const read = await client.request<GitPullRequest | undefined>({ url: `${base}/_apis/git/pullrequests/${pr.id}`, context });
        return read ? snapshotOf(read) : null;
      } catch (error) {
        // Gone with its repository: nothing to tell.
        if (error instanceof AppError && error.kind === 'not-found') return null;
        throw error;
      }
    }),
  );
  return [...active, ...closed.filter((pr): pr is MyPullRequestSnapshot => pr !== null && pr.status !== 'active')];
}

function snapshotOf(pr: GitPullRequest): MyPullRequestSnapshot | null {
  const repoUrl = pr.repository?.webUrl;
  const status = statusOf(pr.status);
  if (!pr.pullRequestId || !repoUrl || !status) return null;
  return {
    id: pr.pullRequestId,
    title: pr.title ?? '',
    repository: pr.repository?.name ?? '',
    webUrl: `${repoUrl}/pullrequest/${pr.pullRequestId}`,
    status,
    // The REST answer names it (`"conflicts"`); the official client's enum numbers it (2).
    conflicts: String(pr.mergeStatus).toLowerCase() === 'conflicts' || (pr.mergeStatus as unknown) === 2,
    mergeSourceCommit: pr.lastMergeSourceCommit?.commitId ?? '',
    reviewers: (pr.reviewers ?? []).filter((r) => r.id).map((r) => ({ id: r.id!, name: r.displayName ?? r.uniqueName ?? '', vote: r.vote ?? 0 })),
  };
}

/** The REST answer names the status; the official client's enum numbers it (1 active, 2 abandoned, 3 completed). */
function statusOf(status: unknown): MyPullRequestSnapshot['status'] | null {
  const named = String(status).toLowerCase();
  if (named === 'active' || status === 1) return 'active';
  if (named === 'abandoned' || status === 2) return 'abandoned';
  if (named === 'completed' || status === 3) return 'completed';
  return null;
}
