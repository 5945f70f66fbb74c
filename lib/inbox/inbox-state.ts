import type { AppErrorValue } from '../errors/app-error';
import type { CachedIdentities } from './read-review-requests';
import type { ReviewRequest } from './review-requests';
import type { MyPullRequestSnapshot } from './pull-request-events';

/** One organization's part of the inbox as last refreshed; kept in storage (the worker may stop any time). */
export interface OrganizationInbox {
  orgKey: string;
  name: string;
  accountId: string;
  requests: ReviewRequest[];
  /** ms epoch of the last successful refresh; null: never. */
  refreshedAt: number | null;
  /** Why the last refresh failed; null when it worked. */
  error: AppErrorValue | null;
  /** Failed refreshes in a row, for the backoff. */
  failures: number;
  /** ms epoch before which nothing is asked of this organization (backoff, Retry-After). */
  retryAt: number;
  identities: CachedIdentities | null;
  /** The user's own pull requests as last read; null (or absent) while notifications are off. */
  mine?: MyPullRequestSnapshot[] | null;
}

export interface InboxOptions {
  /** Minutes between background refreshes. */
  periodMinutes: number;
  /** Count drafts that wait for the user's vote too. */
  includeDrafts: boolean;
  /** Notifications for review requests and the user's own pull requests (off until the user turns them on). */
  notify: boolean;
}

export const DEFAULT_INBOX_OPTIONS: InboxOptions = { periodMinutes: 5, includeDrafts: false, notify: false };
/** The periods the popup offers, in minutes: Chromium's alarms fire at most every 30 s, and more often than a minute is not worth the requests. */
export const PERIOD_CHOICES = [1, 2, 5, 10, 15, 30, 60] as const;
export const MIN_PERIOD_MINUTES = 1;
export const MAX_PERIOD_MINUTES = 60;

export interface InboxState {
  organizations: Record<string, OrganizationInbox>;
  options: InboxOptions;
}

/** Where the inbox is kept: `storage.local` in the extension, a map in unit tests. */
export interface InboxStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const INBOX_STORAGE_KEY = 'pullRequestInbox';
/** The keys of the events already notified (lib/inbox/pull-request-events.ts), kept across restarts. */
export const NOTIFIED_STORAGE_KEY = 'pullRequestNotified';

export async function readInboxState(area: InboxStorage): Promise<InboxState> {
  const stored = (await area.get(INBOX_STORAGE_KEY))[INBOX_STORAGE_KEY] as Partial<InboxState> | undefined;
  const options = { ...DEFAULT_INBOX_OPTIONS, ...(stored?.options ?? {}) };
  return { organizations: stored?.organizations ?? {}, options };
}

export async function writeInboxState(area: InboxStorage, state: InboxState): Promise<void> {
  await area.set({ [INBOX_STORAGE_KEY]: state });
}

export async function readNotifiedKeys(area: InboxStorage): Promise<string[]> {
  const stored = (await area.get(NOTIFIED_STORAGE_KEY))[NOTIFIED_STORAGE_KEY];
  return Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : [];
}
