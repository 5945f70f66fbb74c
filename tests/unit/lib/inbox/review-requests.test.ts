import { describe, expect, it } from 'vitest';
import type { GitPullRequest } from 'azure-devops-node-api/interfaces/GitInterfaces';
import { reviewRequestsFor } from '@/lib/inbox/review-requests';

const ME = 'aaaaaaaa-0000-0000-0000-000000000001';
const SAM = 'aaaaaaaa-0000-0000-0000-000000000002';
const TEAM = 'bbbbbbbb-0000-0000-0000-000000000001';
const OTHER_TEAM = 'bbbbbbbb-0000-0000-0000-000000000002';
const who = { me: ME, teams: [{ id: TEAM, name: '[Mobile App]\\Mobile Team' }] };
const contoso = { key: 'https://dev.azure.com/contoso', name: 'contoso' };

function pr(id: number, reviewers: { id: string; vote: number; displayName?: string }[], extra: Partial<GitPullRequest> = {}): GitPullRequest {
  return {
    pullRequestId: id,
    title: `PR ${id}`,
    status: 'active' as unknown as GitPullRequest['status'],
    isDraft: false,
    createdBy: { id: SAM, displayName: 'Sam Lee' },
    creationDate: new Date(Date.UTC(2026, 0, id)),
    repository: { name: 'web-portal', webUrl: 'https://dev.azure.com/contoso/Platform/_git/web-portal' },
    reviewers,
    ...extra,
  } as GitPullRequest;
}

const waiting = (prs: GitPullRequest[], includeDrafts = false) =>
  reviewRequestsFor(prs, who, contoso, { includeDrafts }).map((r) => (r.via ? `#${r.id} via ${r.via}` : `#${r.id}`));

describe('lib/inbox/review-requests', () => {
  it('counts a pull request that asks me by name until I vote, whatever my vote', () => {
    expect(waiting([pr(1, [{ id: ME, vote: 0 }])])).toEqual(['#1']);
    for (const vote of [10, 5, -5, -10]) expect(waiting([pr(1, [{ id: ME, vote }])])).toEqual([]);
  });

  it('counts a pull request that asks a team of mine, and says which, until someone votes for the team', () => {
    expect(waiting([pr(2, [{ id: TEAM, vote: 0 }])])).toEqual(['#2 via [Mobile App]\\Mobile Team']);
    expect(waiting([pr(2, [{ id: TEAM, vote: 10 }])])).toEqual([]);
    expect(waiting([pr(2, [{ id: OTHER_TEAM, vote: 0 }])])).toEqual([]);
  });

  it('prefers my own place as reviewer over my team: once I voted, the team does not bring it back', () => {
    expect(waiting([pr(3, [{ id: TEAM, vote: 0 }, { id: ME, vote: 5 }])])).toEqual([]);
    expect(waiting([pr(3, [{ id: TEAM, vote: 0 }, { id: ME, vote: 0 }])])).toEqual(['#3']);
  });

  it('leaves out my own pull requests, closed ones, and drafts unless I ask for them', () => {
    expect(waiting([pr(4, [{ id: ME, vote: 0 }], { createdBy: { id: ME.toUpperCase() } })])).toEqual([]);
    expect(waiting([pr(5, [{ id: ME, vote: 0 }], { status: 'completed' as unknown as GitPullRequest['status'] })])).toEqual([]);
    expect(waiting([pr(6, [{ id: ME, vote: 0 }], { isDraft: true })])).toEqual([]);
    expect(waiting([pr(6, [{ id: ME, vote: 0 }], { isDraft: true })], true)).toEqual(['#6']);
  });

  it('lists a pull request once when several listings (me, my teams) return it, newest first', () => {
    const both = pr(7, [{ id: ME, vote: 0 }, { id: TEAM, vote: 0 }]);
    expect(waiting([pr(1, [{ id: TEAM, vote: 0 }]), both, both])).toEqual(['#7', '#1 via [Mobile App]\\Mobile Team']);
  });

  it('links each to its page on Azure DevOps', () => {
    const [request] = reviewRequestsFor([pr(8, [{ id: ME, vote: 0 }])], who, contoso, { includeDrafts: false });
    expect(request).toMatchObject({ organization: 'contoso', repository: 'web-portal', author: 'Sam Lee', webUrl: 'https://dev.azure.com/contoso/Platform/_git/web-portal/pullrequest/8' });
  });
});
