import type { Feature } from '../define-feature';
import cloneInClient from './clone-in-client';
import copyCloneUrl from './copy-clone-url';
import createPullRequest from './create-pull-request';
import createPullRequestFromBranch from './create-pull-request-from-branch';
import showBranchPullRequests from './show-branch-pull-requests';

/** Every content-script feature, in mount order (each mounts at the start of its anchor, so the last is first). Each id is its file name. */
export const features: readonly Feature[] = [
  { id: 'show-branch-pull-requests', ...showBranchPullRequests },
  { id: 'create-pull-request', ...createPullRequest },
  { id: 'create-pull-request-from-branch', ...createPullRequestFromBranch },
  { id: 'copy-clone-url', ...copyCloneUrl },
  { id: 'clone-in-client', ...cloneInClient },
];
