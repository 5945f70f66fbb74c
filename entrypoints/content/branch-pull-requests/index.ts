import { createPageSession, pageFetch } from '@/lib/page-session/page-session';
import { pageSessionClient } from '@/lib/page-session/page-session-client';
import { activePullRequestsFrom } from '@/lib/pull-requests/new-pull-request';
import { BRANCH_PULL_REQUESTS_GLOBAL, type BranchPullRequestsFromPage } from '@/lib/pull-requests/branch-pull-requests-global';

/**
 * The viewed branch's active pull requests with the page's own Azure DevOps sign-in
 * (docs/page-session.md), for a user with no account stored for the organization. Injected by the
 * background the first time such a page asks, into the content script's world. A page signed out, or
 * an answer that fails, gives null: the links are a hint, never an error.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    const fromPage: BranchPullRequestsFromPage = async ({ project, repository, branch }) => {
      const session = createPageSession({ href: location.href, document, fetch: pageFetch() });
      if (!session) return null;
      try {
        return await activePullRequestsFrom(pageSessionClient(session), { baseUrl: session.baseUrl.replace(/\/$/, ''), project, repository }, branch);
      } catch {
        return null;
      }
    };
    (globalThis as Record<string, unknown>)[BRANCH_PULL_REQUESTS_GLOBAL] = fromPage;
  },
});
