import type { BranchPullRequest } from './new-pull-request';

/**
 * Where the on-demand script entrypoints/content/branch-pull-requests leaves its function, in the content
 * script's isolated world (shared by our scripts in one frame, invisible to the page's own scripts).
 */
export const BRANCH_PULL_REQUESTS_GLOBAL = 'adoCompanionBranchPullRequests';

/** A branch's active pull requests read with the page's own sign-in; null when the page cannot tell. */
export type BranchPullRequestsFromPage = (at: { project: string; repository: string; branch: string }) => Promise<BranchPullRequest[] | null>;
