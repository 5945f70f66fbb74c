import type { RepositoryListView } from '@/lib/repositories/repository-cache';

/**
 * How old a cached list may be before opening the screen fetches it again. Repositories come and go
 * rarely, while the popup opens many times an hour (copy one URL, clone another): five minutes spares
 * Azure DevOps those calls, which count against the user's usage limit (docs/azure-devops-rest.md#throttling),
 * and still catches up within a short break. "Refresh" fetches at once; a repository made with
 * "New repository" joins the cache without one.
 */
export const REFRESH_AFTER_MS = 5 * 60_000;

/** Some selected organization was never fetched, or not within REFRESH_AFTER_MS. */
export function needsRefresh(view: RepositoryListView, now: number): boolean {
  return view.organizations.some((o) => o.refreshedAt === null || now - o.refreshedAt >= REFRESH_AFTER_MS);
}
