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
  /** Every reviewer (people and groups) with their vote: 10 approved, 5 with suggestions, 0 none, -5 waiting for author, -10 rejected. */
  reviewers: { name: string; vote: number; isRequired: boolean }[];
  /** Azure DevOps could not merge it as it stands (`mergeStatus` conflicts). */
  conflicts: boolean;
}

export interface MyPullRequestsView {
  created: PullRequestView[];
  failures: { key: string; name: string; error: AppErrorValue }[];
}

/**
 * Active pull requests I created, across the selected organizations (docs/azure-devops-rest.md#pull-requests):
 * per organization, who I am there (connectionData: the identity id the "me" filter needs, which for an
 * Entra account is not its object id), then one organization-wide list. Those waiting for my vote are
 * the inbox's (lib/inbox).
 */
export async function listMyPullRequests(deps: { db: CompanionDb; session: Pick<Session, 'clientFor'> }): Promise<MyPullRequestsView> {
  const organizations = (await deps.db.organizations.toArray()).filter((o) => o.selected);
  const created: PullRequestView[] = [];
  const failures: MyPullRequestsView['failures'] = [];
  await Promise.all(
    organizations.map(async (organization) => {
      try {
        const account = await deps.db.accounts.get(organization.accountId);
        if (!account) return;
        const client = deps.session.clientFor(account);
        const me = (await getConnectionData(client, organization.baseUrl)).userId;
        const mine = await client.request<{ value?: GitPullRequest[] }>({
          url: `${organization.baseUrl}/_apis/git/pullrequests`,
          query: { 'searchCriteria.status': 'active', 'searchCriteria.creatorId': me, $top: 100 },
        });
        for (const pr of mine?.value ?? []) {
          const view = toView(pr, organization.name);
          if (view) created.push(view);
        }
      } catch (error) {
        failures.push({ key: organization.key, name: organization.name, error: toAppErrorValue(error) });
      }
    }),
  );
  const newestFirst = (a: PullRequestView, b: PullRequestView) => b.createdAt.localeCompare(a.createdAt);
  return { created: created.sort(newestFirst), failures };
}

function toView(pr: GitPullRequest, organization: string): PullRequestView | null {
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
    reviewers: (pr.reviewers ?? []).map((r) => ({ name: r.displayName ?? r.uniqueName ?? '', vote: r.vote ?? 0, isRequired: r.isRequired === true })),
    // The REST answer names it (`"conflicts"`); the official client's enum numbers it (2).
    conflicts: String(pr.mergeStatus).toLowerCase() === 'conflicts' || (pr.mergeStatus as unknown) === 2,
  };
}
