import { describe, expect, it } from 'vitest';
import type { PullRequestView } from '@/lib/pull-requests/my-pull-requests';
import { needOf, sortByNeed } from '@/entrypoints/popup/pull-requests/pull-request-needs';

function mine(id: number, reviewers: [vote: number, isRequired?: boolean][], conflicts = false): PullRequestView {
  return {
    id,
    title: `PR ${id}`,
    organization: 'contoso',
    repository: 'web',
    sourceBranch: 'feature',
    targetBranch: 'main',
    isDraft: false,
    author: 'Jane Doe',
    createdAt: new Date(Date.UTC(2026, 0, id)).toISOString(),
    webUrl: `https://dev.azure.com/contoso/p/_git/web/pullrequest/${id}`,
    reviewers: reviewers.map(([vote, isRequired = false], i) => ({ name: `R${i}`, vote, isRequired })),
    conflicts,
  };
}

describe('popup/pull-requests/pull-request-needs', () => {
  it('says what each of my pull requests needs', () => {
    expect(needOf(mine(1, [[10], [-10]]))).toBe('rejected');
    expect(needOf(mine(1, [[10], [-5]]))).toBe('waiting-for-author');
    expect(needOf(mine(1, [[10]], true))).toBe('conflicts');
    expect(needOf(mine(1, [[10, true], [0]]))).toBe('approved');
    expect(needOf(mine(1, [[5], [0, true]]))).toBe('waiting-for-reviewers');
    expect(needOf(mine(1, []))).toBe('waiting-for-reviewers');
  });

  it('puts what needs me first: rejected, waiting for me, conflicts, then approved ones ready to complete', () => {
    const order = sortByNeed([mine(1, [[0]]), mine(2, [[10]]), mine(3, [[0]], true), mine(4, [[-5]]), mine(5, [[-10]]), mine(6, [[10]])]).map(({ pr, need }) => `#${pr.id} ${need}`);
    expect(order).toEqual(['#5 rejected', '#4 waiting-for-author', '#3 conflicts', '#6 approved', '#2 approved', '#1 waiting-for-reviewers']);
  });
});
