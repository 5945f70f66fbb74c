import { AppError } from '@/lib/errors/app-error';
import { toAppErrorValue } from '@/lib/errors/error-messages';
import type { MessageResult } from '@/lib/messaging/result';
import { createPageSession, pageFetch } from '@/lib/page-session/page-session';
import { PageSignedOut, pageSessionClient } from '@/lib/page-session/page-session-client';
import {
  checkWorkItems,
  compareBranches,
  createPullRequest,
  loadNewPullRequestContext,
  searchReviewers,
  type RepositoryAddress,
} from '@/lib/pull-requests/new-pull-request';
import type { PullRequestBackend } from './backend';

/**
 * The dialog's calls with the page's own Azure DevOps sign-in: no token, no stored account. The
 * first time the page turns out to be signed out, every call from then on — that one included — goes
 * to `fallback` (the account stored for the organization, or the offer to connect): the form keeps
 * what was typed.
 */
export function pageSessionBackend(at: { project: string; repository: string }, fallback: PullRequestBackend): PullRequestBackend {
  const session = createPageSession({ href: location.href, document, fetch: pageFetch() });
  if (!session) return fallback;
  const client = pageSessionClient(session);
  const address: RepositoryAddress = { baseUrl: session.baseUrl.replace(/\/$/, ''), ...at };
  let signedOut = false;

  /** `run` with the page session; once the page is signed out, `otherwise` (this call and all later ones). */
  async function attempt<T>(run: () => Promise<T>, otherwise: () => Promise<MessageResult<T>>): Promise<MessageResult<T>> {
    if (!signedOut) {
      try {
        return { ok: true, data: await run() };
      } catch (error) {
        if (!(error instanceof PageSignedOut)) return { ok: false, error: toAppErrorValue(error) };
        signedOut = true;
      }
    }
    return otherwise();
  }

  let me: string | null = null;
  async function currentUser(): Promise<string> {
    if (me) return me;
    const user = await session!.currentUser();
    if (user.kind === 'signed-out') throw new PageSignedOut();
    if (user.kind === 'error') throw new AppError(user.error);
    return (me = user.value.id);
  }

  return {
    context: (sourceBranch) =>
      attempt(
        async () => {
          await currentUser();
          return { status: 'ready' as const, context: await loadNewPullRequestContext(client, address, sourceBranch) };
        },
        () => fallback.context(sourceBranch),
      ),
    compare: (input) => attempt(() => compareBranches(client, address, input), () => fallback.compare(input)),
    searchReviewers: (query) =>
      attempt(async () => ({ reviewers: await searchReviewers(client, address.baseUrl, query) }), () => fallback.searchReviewers(query)),
    checkWorkItems: (ids) => attempt(async () => ({ workItems: await checkWorkItems(client, address, ids) }), () => fallback.checkWorkItems(ids)),
    create: (pullRequest) =>
      attempt(
        async () => createPullRequest(client, address, pullRequest, pullRequest.autoComplete ? await currentUser() : ''),
        () => fallback.create(pullRequest),
      ),
  };
}
