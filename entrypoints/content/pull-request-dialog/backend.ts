import { sendMessage } from '@/lib/messaging/send-message';
import type { MessageResult } from '@/lib/messaging/result';
import type { RequestOf, ResponseOf } from '@/lib/messaging/protocol';

type Create = RequestOf<'newPullRequest.create'>['pullRequest'];
type Compare = Omit<RequestOf<'newPullRequest.compare'>, 'project' | 'repository'>;

/**
 * Everything the dialog asks of Azure DevOps, for one repository. One implementation goes through
 * the background and the account stored for the organization; another transport can take its place
 * without the dialog knowing.
 */
export interface PullRequestBackend {
  /** `sourceBranch`: the viewed branch, offered even when a large repository lists it late. */
  context(sourceBranch?: string): Promise<MessageResult<ResponseOf<'newPullRequest.context'>>>;
  compare(input: Compare): Promise<MessageResult<ResponseOf<'newPullRequest.compare'>>>;
  searchReviewers(query: string): Promise<MessageResult<ResponseOf<'newPullRequest.searchReviewers'>>>;
  checkWorkItems(ids: number[]): Promise<MessageResult<ResponseOf<'newPullRequest.checkWorkItems'>>>;
  create(pullRequest: Create): Promise<MessageResult<ResponseOf<'newPullRequest.create'>>>;
}

/** Through the background, with the account stored for the page's organization. */
export function storedAccountBackend(at: { project: string; repository: string }): PullRequestBackend {
  return {
    context: (sourceBranch) => sendMessage('newPullRequest.context', { ...at, ...(sourceBranch ? { sourceBranch } : {}) }),
    compare: (input) => sendMessage('newPullRequest.compare', { ...at, ...input }),
    searchReviewers: (query) => sendMessage('newPullRequest.searchReviewers', { ...at, query }),
    checkWorkItems: (ids) => sendMessage('newPullRequest.checkWorkItems', { ...at, ids }),
    create: (pullRequest) => sendMessage('newPullRequest.create', { ...at, pullRequest }),
  };
}
