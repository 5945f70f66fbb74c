import type { CompanionDb, OrganizationRecord } from '../db/schema';
import type { Session } from '../auth/session';
import { toAppErrorValue } from '../errors/error-messages';
import {
  INBOX_STORAGE_KEY,
  NOTIFIED_STORAGE_KEY,
  readInboxState,
  readNotifiedKeys,
  writeInboxState,
  type InboxOptions,
  type InboxState,
  type InboxStorage,
  type OrganizationInbox,
} from './inbox-state';
import { inboxView, type InboxView } from './inbox-view';
import { readReviewRequests } from './read-review-requests';
import { readMyPullRequests } from './read-my-pull-requests';
import { pullRequestEvents, unnotified, type PullRequestEvent } from './pull-request-events';

/** Backoff after a failed refresh: 1, 2, 4… minutes, at most an hour (docs/pull-request-inbox.md#refresh). */
const FIRST_BACKOFF_MS = 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** Refusals that flag the account (lib/auth/credentials.ts): clearing the flag ends their backoff. */
const FIXED_BY_NEW_CREDENTIALS = new Set(['auth-expired', 'auth-invalid', 'reauth-required']);

export interface InboxDeps {
  db: CompanionDb;
  session: Pick<Session, 'clientFor'>;
  storage: InboxStorage;
  now: () => number;
  /** False when the browser knows it is offline: nothing is sent then. */
  isOnline: () => boolean;
  /** Called with every new view (the badge follows it). */
  onView?: (view: InboxView) => void | Promise<void>;
  /** Called with the events of a refresh not notified before, while notifications are on. */
  onEvents?: (events: PullRequestEvent[]) => void | Promise<void>;
}

/**
 * Drops from `state` each organization that is no longer selected or has moved to another account;
 * returns the test of what stays.
 */
function keepServed(state: InboxState, current: OrganizationRecord[]): (orgKey: string) => boolean {
  const stillServed = (orgKey: string) => current.some((o) => o.key === orgKey && o.accountId === state.organizations[orgKey]?.accountId);
  for (const orgKey of Object.keys(state.organizations)) if (!stillServed(orgKey)) delete state.organizations[orgKey];
  return stillServed;
}

/**
 * The pull request inbox: one refresh at a time, each asking every selected organization that is not
 * backing off, at most one listing per reviewer identity; the result and each organization's backoff
 * kept in storage, since the service worker may stop between two refreshes.
 */
export function createInbox(deps: InboxDeps) {
  let running: Promise<InboxView> | null = null;

  async function selected(): Promise<OrganizationRecord[]> {
    return (await deps.db.organizations.toArray()).filter((o) => o.selected);
  }

  async function viewOf(state: InboxState, organizations?: OrganizationRecord[]): Promise<InboxView> {
    const [orgs, accounts] = await Promise.all([organizations ?? selected(), deps.db.accounts.toArray()]);
    return inboxView(state, orgs, accounts);
  }

  /** The inbox as last stored, without asking Azure DevOps anything. */
  async function view(): Promise<InboxView> {
    return viewOf(await readInboxState(deps.storage));
  }

  async function refreshNow(): Promise<InboxView> {
    const state = await readInboxState(deps.storage);
    const organizations = await selected();
    const now = deps.now();
    const next: InboxState = { options: state.options, organizations: {} };
    const online = deps.isOnline();
    const events: PullRequestEvent[] = [];
    await Promise.all(
      organizations.map(async (organization) => {
        const before = state.organizations[organization.key];
        const kept: OrganizationInbox = before && before.accountId === organization.accountId
          ? before
          : { orgKey: organization.key, name: organization.name, accountId: organization.accountId, requests: [], refreshedAt: null, error: null, failures: 0, retryAt: 0, identities: null };
        next.organizations[organization.key] = kept;
        const account = await deps.db.accounts.get(organization.accountId);
        // Offline, backing off, or an account that must be fixed by the user first: nothing is sent.
        // A credential error stops waiting once the account was fixed (a new token, a new sign-in).
        const fixed = kept.error !== null && FIXED_BY_NEW_CREDENTIALS.has(kept.error.kind) && account?.needsReauth === false;
        if (!online || !account || account.needsReauth || (kept.retryAt > now && !fixed)) return;
        try {
          const client = deps.session.clientFor(account);
          const { requests, identities } = await readReviewRequests(client, organization, {
            includeDrafts: state.options.includeDrafts,
            cached: kept.identities,
            now,
          });
          // The user's own pull requests are read only while notifications are on (one listing more).
          const mine = state.options.notify ? await readMyPullRequests(client, organization, identities.me, kept.mine ?? null) : null;
          if (mine) events.push(...pullRequestEvents({ requests: kept.requests, mine: kept.mine ?? null }, { requests, mine }, organization));
          next.organizations[organization.key] = {
            ...kept,
            name: organization.name,
            requests,
            identities,
            mine: mine?.filter((pr) => pr.status === 'active') ?? null,
            refreshedAt: deps.now(),
            error: null,
            failures: 0,
            retryAt: 0,
          };
        } catch (caught) {
          const error = toAppErrorValue(caught);
          const failures = kept.failures + 1;
          const retryAfter = Number(error.details?.retryAfterSeconds);
          const wait = error.kind === 'throttled' && retryAfter > 0 ? retryAfter * 1000 : Math.min(FIRST_BACKOFF_MS * 2 ** (failures - 1), MAX_BACKOFF_MS);
          next.organizations[organization.key] = { ...kept, error, failures, retryAt: deps.now() + wait };
        }
      }),
    );
    // The latest options win over those read before the requests went out.
    next.options = (await readInboxState(deps.storage)).options;
    // An organization signed out (or moved to another account) while the requests were out is not
    // written back, nor told about.
    const current = await selected();
    const stillServed = keepServed(next, current);
    const told = events.filter((event) => stillServed(event.orgKey));
    // The snapshots and the events' keys are stored together, before anything is shown: an event is
    // notified once even if the worker stops right after (docs/pull-request-inbox.md#notifications).
    const { fresh, notified } = next.options.notify ? unnotified(told, await readNotifiedKeys(deps.storage)) : { fresh: [], notified: [] };
    await deps.storage.set({ [INBOX_STORAGE_KEY]: next, ...(fresh.length ? { [NOTIFIED_STORAGE_KEY]: notified } : {}) });
    const result = await viewOf(next, current);
    await deps.onView?.(result);
    if (fresh.length) await Promise.resolve(deps.onEvents?.(fresh)).catch(() => undefined);
    return result;
  }

  /**
   * Right after a sign-out or an organization choice, before any request: what the inbox keeps of an
   * organization no longer served (its pull requests, identities, notified events) is deleted, and
   * the badge stops counting it, however long the refresh that follows waits on Azure DevOps.
   */
  async function forgetUnserved(): Promise<void> {
    const [state, current, notified] = await Promise.all([readInboxState(deps.storage), selected(), readNotifiedKeys(deps.storage)]);
    keepServed(state, current);
    const kept = notified.filter((key) => current.some((o) => key.startsWith(`${o.key}#`)));
    await deps.storage.set({ [INBOX_STORAGE_KEY]: state, [NOTIFIED_STORAGE_KEY]: kept });
    await deps.onView?.(await viewOf(state, current));
  }

  /** Refreshes every organization that may be asked now; a refresh already running is joined, not repeated. */
  function refresh(): Promise<InboxView> {
    return (running ??= refreshNow().finally(() => (running = null)));
  }

  let afterRunning: Promise<InboxView> | null = null;
  /**
   * After a sign-in or a sign-out: a refresh that reads the organizations as they are now. One already
   * running read them before the change, so this one follows it (shared by every change meanwhile).
   */
  function refreshAfterAccountsChanged(): Promise<InboxView> {
    return (afterRunning ??= (running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        afterRunning = null;
        return refresh();
      }));
  }

  async function setOptions(patch: Partial<InboxOptions>): Promise<InboxView> {
    const state = await readInboxState(deps.storage);
    const draftsChanged = patch.includeDrafts !== undefined && patch.includeDrafts !== state.options.includeDrafts;
    const notifyChanged = patch.notify !== undefined && patch.notify !== state.options.notify;
    const next: InboxState = { ...state, options: { ...state.options, ...patch } };
    // Notifications turned on (again) start from a new baseline: nothing that happened before is news.
    if (notifyChanged) for (const organization of Object.values(next.organizations)) organization.mine = null;
    await writeInboxState(deps.storage, next);
    // Turned on twice at once (the popup, and the background seeing the permission granted): the
    // second answers once the baseline is read too.
    const baselinePending = patch.notify === true && Object.values(next.organizations).some((o) => !o.mine);
    // Drafts change what counts, notifications what is read: read again, after a refresh that started
    // with the old options.
    if (!draftsChanged && !notifyChanged && !baselinePending) return viewOf(next);
    await running?.catch(() => undefined);
    return refresh();
  }

  /** The badge again from what is stored (a browser start clears it; nothing is asked of Azure DevOps). */
  async function republish(): Promise<InboxView> {
    const result = await view();
    await deps.onView?.(result);
    return result;
  }

  return { view, refresh, refreshAfterAccountsChanged, forgetUnserved, setOptions, republish };
}

export type Inbox = ReturnType<typeof createInbox>;
