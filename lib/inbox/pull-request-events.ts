import type { ReviewRequest } from './review-requests';

/** One of the user's own pull requests as the last refresh saw it (docs/pull-request-inbox.md#notifications). */
export interface MyPullRequestSnapshot {
  id: number;
  title: string;
  repository: string;
  webUrl: string;
  status: 'active' | 'completed' | 'abandoned';
  conflicts: boolean;
  /** The source commit Azure DevOps last tried to merge: conflicts after a new push are news again. */
  mergeSourceCommit: string;
  reviewers: { id: string; name: string; vote: number }[];
}

export type PullRequestEventKind = 'review-requested' | 'voted' | 'conflicts' | 'completed' | 'abandoned';

/** Something the user is told about once. */
export interface PullRequestEvent {
  /** What makes it the same event after a restart: organization, pull request, kind, and vote or commit. */
  key: string;
  kind: PullRequestEventKind;
  orgKey: string;
  organization: string;
  /** The organization's address, for its list of pull requests. */
  organizationUrl: string;
  id: number;
  title: string;
  repository: string;
  webUrl: string;
  /** The event in words, e.g. "Sam Lee approved your pull request". */
  sentence: string;
}

/** What one organization's refresh knew before and knows now. */
export interface OrganizationSnapshots {
  requests: ReviewRequest[];
  /** Null: the user's own pull requests were not watched (notifications off, or never read). */
  mine: MyPullRequestSnapshot[] | null;
}

const VOTE_WORDS = new Map([
  [10, 'approved your pull request'],
  [5, 'approved your pull request with suggestions'],
  [-5, 'is waiting for you to change your pull request'],
  [-10, 'rejected your pull request'],
]);

/**
 * The events between two refreshes of one organization: review requests that are new, and for the
 * user's own pull requests a new vote by anyone, merge conflicts, completion or abandonment. With
 * nothing watched before (notifications just turned on, a new sign-in) this refresh is the baseline:
 * nothing old is news.
 */
export function pullRequestEvents(
  before: OrganizationSnapshots | null,
  after: { requests: ReviewRequest[]; mine: MyPullRequestSnapshot[] },
  organization: { key: string; name: string; baseUrl: string },
): PullRequestEvent[] {
  if (!before?.mine) return [];
  const events: PullRequestEvent[] = [];
  const about = (pr: { id: number; title: string; repository: string; webUrl: string }) => ({
    orgKey: organization.key,
    organization: organization.name,
    organizationUrl: organization.baseUrl.replace(/\/+$/, ''),
    id: pr.id,
    title: pr.title,
    repository: pr.repository,
    webUrl: pr.webUrl,
  });
  const prefix = (id: number) => `${organization.key}#${id}`;

  const asked = new Set(before.requests.map((r) => r.id));
  for (const request of after.requests) {
    if (asked.has(request.id)) continue;
    const sentence = request.via ? `${request.author} asks ${request.via} to review` : `${request.author} asks for your review`;
    events.push({ key: `${prefix(request.id)}:review`, kind: 'review-requested', sentence, ...about(request) });
  }

  const known = new Map(before.mine.map((pr) => [pr.id, pr]));
  for (const pr of after.mine) {
    // A pull request opened since the last refresh starts with no votes and no conflicts.
    const was = known.get(pr.id);
    if (pr.status !== 'active') {
      if (was && was.status === 'active') {
        events.push({ key: `${prefix(pr.id)}:${pr.status}`, kind: pr.status, sentence: `Your pull request was ${pr.status}`, ...about(pr) });
      }
      continue;
    }
    const votes = new Map((was?.reviewers ?? []).map((r) => [r.id.toLowerCase(), r.vote]));
    for (const reviewer of pr.reviewers) {
      const words = VOTE_WORDS.get(reviewer.vote);
      if (!words || votes.get(reviewer.id.toLowerCase()) === reviewer.vote) continue;
      events.push({ key: `${prefix(pr.id)}:vote:${reviewer.id.toLowerCase()}:${reviewer.vote}`, kind: 'voted', sentence: `${reviewer.name} ${words}`, ...about(pr) });
    }
    if (pr.conflicts && !(was?.conflicts && was.mergeSourceCommit === pr.mergeSourceCommit)) {
      events.push({ key: `${prefix(pr.id)}:conflicts:${pr.mergeSourceCommit}`, kind: 'conflicts', sentence: 'Your pull request has merge conflicts', ...about(pr) });
    }
  }
  return events;
}

/** How many notified keys are remembered: far more than change between two refreshes. */
export const NOTIFIED_KEYS_KEPT = 1000;

/**
 * The events not notified yet, and the keys remembered afterwards (newest last, the oldest forgotten
 * past NOTIFIED_KEYS_KEPT). Each event is news once, even if a later snapshot makes it look new again.
 */
export function unnotified(events: PullRequestEvent[], notified: readonly string[]): { fresh: PullRequestEvent[]; notified: string[] } {
  const seen = new Set(notified);
  const fresh: PullRequestEvent[] = [];
  for (const event of events) {
    if (seen.has(event.key)) continue;
    seen.add(event.key);
    fresh.push(event);
  }
  const kept = [...notified, ...fresh.map((e) => e.key)];
  return { fresh, notified: kept.slice(Math.max(0, kept.length - NOTIFIED_KEYS_KEPT)) };
}
