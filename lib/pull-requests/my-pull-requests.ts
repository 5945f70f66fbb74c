import type { GitPullRequest } from 'azure-devops-node-api/interfaces/GitInterfaces';
import { toAppErrorValue } from '../errors/error-messages';
import type { CompanionDb } from '../db/schema';
import type { Session } from '../auth/session';
import { getConnectionData } from '../azure/connection-data';
import type { AppErrorValue } from '../errors/app-error';

/** An active pull request as the popup lists it. */
export interface PullRequestView {
  id: number;
  title: string;
  organization: string;
  repository: string;
  sourceBranch: string;
  targetBranch: string;
  isDraft: boolean;
  author: string;
  /** ISO date. */
  createdAt: string;
  webUrl: string;
  /** My vote: 10 approved, 5 with suggestions, 0 none, -5 waiting for author, -10 rejected. */
  myVote: number;
  /** Every reviewer (people and groups) with their vote, as above. */
  reviewers: { name: string; vote: number; isRequired: boolean }[];
  /** Azure DevOps could not merge it as it stands (`mergeStatus` conflicts). */
  conflicts: boolean;
}

export interface MyPullRequestsView {
  created: PullRequestView[];
  reviewing: PullRequestView[];
  failures: { key: string; name: string; error: AppErrorValue }[];
}

/**
 * Active pull requests I created and those waiting for my review, across the selected organizations
 * (docs/azure-devops-rest.md#pull-requests): per organization, who I am there (connectionData: the
 * identity id the "me" filters need, which for an Entra account is not its object id), then one
 * organization-wide list per role.
 */
export async function listMyPullRequests(deps: { db: CompanionDb; session: Pick<Session, 'clientFor'> }): Promise<MyPullRequestsView> {
  const organizations = (await deps.db.organizations.toArray()).filter((o) => o.selected);
  const created: PullRequestView[] = [];
  const reviewing: PullRequestView[] = [];
  const failures: MyPullRequestsView['failures'] = [];
  await Promise.all(
    organizations.map(async (organization) => {
      try {
        const account = await deps.db.accounts.get(organization.accountId);
        if (!account) return;
        const client = deps.session.clientFor(account);
        const me = (await getConnectionData(client, organization.baseUrl)).userId;
        const list = (criteria: Record<string, string>) =>
          client.request<{ value?: GitPullRequest[] }>({
            url: `${organization.baseUrl}/_apis/git/pullrequests`,
            query: { 'searchCriteria.status': 'active', $top: 100, ...criteria },
          });
        const [mine, toReview] = await Promise.all([list({ 'searchCriteria.creatorId': me }), list({ 'searchCriteria.reviewerId': me })]);
        for (const pr of mine?.value ?? []) {
          const view = toView(pr, organization.name, me);
          if (view) created.push(view);
        }
        for (const pr of toReview?.value ?? []) {
          const view = toView(pr, organization.name, me);
          // Waiting for me: I have not voted yet, and it is not my own.
          if (view && view.myVote === 0 && pr.createdBy?.id !== me) reviewing.push(view);
        }
      } catch (error) {
        failures.push({ key: organization.key, name: organization.name, error: toAppErrorValue(error) });
      }
    }),
  );
  const newestFirst = (a: PullRequestView, b: PullRequestView) => b.createdAt.localeCompare(a.createdAt);
  return { created: created.sort(newestFirst), reviewing: reviewing.sort(newestFirst), failures };
}

function toView(pr: GitPullRequest, organization: string, me: string): PullRequestView | null {
  const repoUrl = pr.repository?.webUrl;
  if (!pr.pullRequestId || !repoUrl || !pr.title) return null;
  return {
    id: pr.pullRequestId,
    title: pr.title,
    organization,
    repository: pr.repository?.name ?? '',
    sourceBranch: (pr.sourceRefName ?? '').replace(/^refs\/heads\//, ''),
    targetBranch: (pr.targetRefName ?? '').replace(/^refs\/heads\//, ''),
    isDraft: pr.isDraft === true,
    author: pr.createdBy?.displayName ?? '',
    createdAt: pr.creationDate ? new Date(pr.creationDate).toISOString() : '',
    webUrl: `${repoUrl}/pullrequest/${pr.pullRequestId}`,
    myVote: pr.reviewers?.find((r) => r.id === me)?.vote ?? 0,
    reviewers: (pr.reviewers ?? []).map((r) => ({ name: r.displayName ?? r.uniqueName ?? '', vote: r.vote ?? 0, isRequired: r.isRequired === true })),
    // The REST answer names it (`"conflicts"`); the official client's enum numbers it (2).
    conflicts: String(pr.mergeStatus).toLowerCase() === 'conflicts' || (pr.mergeStatus as unknown) === 2,
  };
}
