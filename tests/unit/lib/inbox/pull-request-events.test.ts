import { describe, expect, it } from 'vitest';
import { NOTIFIED_KEYS_KEPT, pullRequestEvents, unnotified, type MyPullRequestSnapshot, type PullRequestEvent } from '@/lib/inbox/pull-request-events';
import type { ReviewRequest } from '@/lib/inbox/review-requests';

const contoso = { key: 'https://dev.azure.com/contoso', name: 'contoso', baseUrl: 'https://dev.azure.com/contoso' };
const SAM = 'aaaaaaaa-0000-0000-0000-000000000002';
const PRIYA = 'aaaaaaaa-0000-0000-0000-000000000003';

function request(id: number, via: string | null = null): ReviewRequest {
  return { orgKey: contoso.key, organization: 'contoso', id, title: `PR ${id}`, repository: 'ios-app', author: 'Sam Lee', createdAt: '', webUrl: `https://dev.azure.com/contoso/M/_git/ios-app/pullrequest/${id}`, isDraft: false, via };
}
function mine(id: number, change: Partial<MyPullRequestSnapshot> = {}): MyPullRequestSnapshot {
  return {
    id,
    title: `Mine ${id}`,
    repository: 'web-portal',
    webUrl: `https://dev.azure.com/contoso/P/_git/web-portal/pullrequest/${id}`,
    status: 'active',
    conflicts: false,
    mergeSourceCommit: 'c1',
    reviewers: [{ id: SAM, name: 'Sam Lee', vote: 0 }, { id: PRIYA, name: 'Priya Patel', vote: 5 }],
    ...change,
  };
}
const said = (events: PullRequestEvent[]) => events.map((e) => `#${e.id} ${e.sentence}`);

describe('lib/inbox/pull-request-events', () => {
  it('notifies nothing on the first refresh after notifications were turned on or after sign-in', () => {
    const after = { requests: [request(5)], mine: [mine(1, { conflicts: true })] };
    expect(pullRequestEvents(null, after, contoso)).toEqual([]);
    expect(pullRequestEvents({ requests: [], mine: null }, after, contoso)).toEqual([]);
  });

  it('tells of a new review request for me or for my team, once it appears', () => {
    const before = { requests: [request(5)], mine: [] };
    const events = pullRequestEvents(before, { requests: [request(5), request(7, '[Mobile App]\\Mobile Team')], mine: [] }, contoso);
    expect(said(events)).toEqual(['#7 Sam Lee asks [Mobile App]\\Mobile Team to review']);
    expect(events[0]).toMatchObject({ kind: 'review-requested', key: `${contoso.key}#7:review`, webUrl: expect.stringMatching(/pullrequest\/7$/) });
  });

  it('tells of each new vote on my pull request, not of votes reset to none', () => {
    const before = { requests: [], mine: [mine(1)] };
    const voted = mine(1, { reviewers: [{ id: SAM, name: 'Sam Lee', vote: -10 }, { id: PRIYA, name: 'Priya Patel', vote: 10 }] });
    expect(said(pullRequestEvents(before, { requests: [], mine: [voted] }, contoso))).toEqual(['#1 Sam Lee rejected your pull request', '#1 Priya Patel approved your pull request']);
    const reset = mine(1, { reviewers: [{ id: SAM, name: 'Sam Lee', vote: 0 }, { id: PRIYA, name: 'Priya Patel', vote: 0 }] });
    expect(pullRequestEvents(before, { requests: [], mine: [reset] }, contoso)).toEqual([]);
  });

  it('tells of merge conflicts, and again only after a new push conflicts too', () => {
    const conflicted = mine(1, { conflicts: true });
    expect(said(pullRequestEvents({ requests: [], mine: [mine(1)] }, { requests: [], mine: [conflicted] }, contoso))).toEqual(['#1 Your pull request has merge conflicts']);
    expect(pullRequestEvents({ requests: [], mine: [conflicted] }, { requests: [], mine: [conflicted] }, contoso)).toEqual([]);
    expect(pullRequestEvents({ requests: [], mine: [conflicted] }, { requests: [], mine: [mine(1, { conflicts: true, mergeSourceCommit: 'c2' })] }, contoso)).toHaveLength(1);
  });

  it('tells when my pull request was completed or abandoned', () => {
    const before = { requests: [], mine: [mine(1), mine(2)] };
    const after = { requests: [], mine: [mine(1, { status: 'completed' }), mine(2, { status: 'abandoned' })] };
    expect(said(pullRequestEvents(before, after, contoso))).toEqual(['#1 Your pull request was completed', '#2 Your pull request was abandoned']);
  });

  it('counts votes on a pull request I opened since the last refresh', () => {
    const opened = mine(9, { reviewers: [{ id: SAM, name: 'Sam Lee', vote: 10 }] });
    expect(said(pullRequestEvents({ requests: [], mine: [] }, { requests: [], mine: [opened] }, contoso))).toEqual(['#9 Sam Lee approved your pull request']);
  });

  it('lets each event through once, and forgets the oldest keys past the limit', () => {
    const events = pullRequestEvents({ requests: [], mine: [] }, { requests: [request(5), request(6)], mine: [] }, contoso);
    const first = unnotified(events, []);
    expect(first.fresh).toHaveLength(2);
    expect(unnotified(events, first.notified).fresh).toEqual([]);
    const full = Array.from({ length: NOTIFIED_KEYS_KEPT }, (_, i) => `old-${i}`);
    const kept = unnotified(events, full).notified;
    expect(kept).toHaveLength(NOTIFIED_KEYS_KEPT);
    expect(kept.slice(-2)).toEqual(events.map((e) => e.key));
  });
});
