import type { GitPullRequest } from 'azure-devops-node-api/interfaces/GitInterfaces';

/** A pull request waiting for the user's vote, as the badge's tooltip and the popup show it. */
export interface ReviewRequest {
  orgKey: string;
  organization: string;
  id: number;
  title: string;
  repository: string;
  author: string;
  /** ISO dates. */
  createdAt: string;
  webUrl: string;
  isDraft: boolean;
  /** The team that was asked, when the user was not asked by name. */
  via: string | null;
}

/** Who the user is in one organization: their identity id and the teams they belong to. */
export interface ReviewerIdentities {
  me: string;
  teams: { id: string; name: string }[];
}

/**
 * The active pull requests of `pullRequests` (any mix of listings, duplicates allowed) that wait for
 * the user's vote (docs/pull-request-inbox.md#who-waits-for-whom): asked by name and not voted yet,
 * or, when not asked by name, asked through a team of theirs that nobody voted for yet. Never the
 * user's own; drafts only when `includeDrafts`. Newest first.
 */
export function reviewRequestsFor(
  pullRequests: readonly GitPullRequest[],
  who: ReviewerIdentities,
  organization: { key: string; name: string },
  options: { includeDrafts: boolean },
): ReviewRequest[] {
  const me = who.me.toLowerCase();
  const teams = new Map(who.teams.map((t) => [t.id.toLowerCase(), t.name]));
  const found = new Map<number, ReviewRequest>();
  for (const pr of pullRequests) {
    const id = pr.pullRequestId;
    const repoUrl = pr.repository?.webUrl;
    if (!id || !repoUrl || found.has(id)) continue;
    if (!isActive(pr) || pr.createdBy?.id?.toLowerCase() === me) continue;
    if (pr.isDraft === true && !options.includeDrafts) continue;
    const reviewers = pr.reviewers ?? [];
    const mine = reviewers.find((r) => r.id?.toLowerCase() === me);
    let via: string | null = null;
    if (mine) {
      if ((mine.vote ?? 0) !== 0) continue;
    } else {
      // A team member's vote answers for the team (Azure DevOps records it as the team's vote).
      const team = reviewers.find((r) => teams.has(r.id?.toLowerCase() ?? '') && (r.vote ?? 0) === 0);
      if (!team) continue;
      via = teams.get(team.id!.toLowerCase()) ?? team.displayName ?? '';
    }
    found.set(id, {
      orgKey: organization.key,
      organization: organization.name,
      id,
      title: pr.title ?? '',
      repository: pr.repository?.name ?? '',
      author: pr.createdBy?.displayName ?? '',
      createdAt: isoDate(pr.creationDate),
      webUrl: `${repoUrl}/pullrequest/${id}`,
      isDraft: pr.isDraft === true,
      via,
    });
  }
  return [...found.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
}

/** The REST answer names the status (`"active"`); the official client's enum numbers it (1). */
function isActive(pr: GitPullRequest): boolean {
  return String(pr.status).toLowerCase() === 'active' || (pr.status as unknown) === 1;
}

function isoDate(value: unknown): string {
  const date = value ? new Date(value as string) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
}
