import type { PullRequestView } from '@/lib/pull-requests/my-pull-requests';

/** What one of my pull requests needs from me, most pressing first (docs/pull-request-inbox.md#popup). */
export type PullRequestNeed = 'rejected' | 'waiting-for-author' | 'conflicts' | 'approved' | 'waiting-for-reviewers';

const ORDER: readonly PullRequestNeed[] = ['rejected', 'waiting-for-author', 'conflicts', 'approved', 'waiting-for-reviewers'];

export const NEED_LABEL: Record<PullRequestNeed, string> = {
  rejected: 'Rejected',
  'waiting-for-author': 'Waiting for me (the author)',
  conflicts: 'Merge conflicts',
  approved: 'Approved: ready to complete',
  'waiting-for-reviewers': 'Waiting for reviewers',
};

/**
 * Rejected by anyone, then waiting for the author, then in conflict; approved (every required
 * reviewer and at least one reviewer approved, nobody against) comes next; the rest waits for others.
 */
export function needOf(pr: PullRequestView): PullRequestNeed {
  if (pr.reviewers.some((r) => r.vote === -10)) return 'rejected';
  if (pr.reviewers.some((r) => r.vote === -5)) return 'waiting-for-author';
  if (pr.conflicts) return 'conflicts';
  const approved = pr.reviewers.some((r) => r.vote >= 5) && pr.reviewers.every((r) => !r.isRequired || r.vote >= 5);
  return approved ? 'approved' : 'waiting-for-reviewers';
}

/** My pull requests, most pressing first; newest first within a need. */
export function sortByNeed(prs: readonly PullRequestView[]): { pr: PullRequestView; need: PullRequestNeed }[] {
  return prs
    .map((pr) => ({ pr, need: needOf(pr) }))
    .sort((a, b) => ORDER.indexOf(a.need) - ORDER.indexOf(b.need) || b.pr.createdAt.localeCompare(a.pr.createdAt));
}
