import type { PullRequestEvent } from './pull-request-events';

/** What one notification says, and where a click on it leads. */
export interface PullRequestNotification {
  title: string;
  message: string;
  /** One line per event, for Chromium's `list` notifications; absent for a single event. */
  items?: { title: string; message: string }[];
  /** The pull request, or for events about several, the first organization's list of pull requests. */
  url: string;
}

const MAX_ITEMS = 5;

/**
 * The events of one refresh as one notification (docs/pull-request-inbox.md#notifications): a single
 * event says what happened to which pull request; several are grouped under how many pull requests
 * need the user, one line each. `withItems`: the browser shows a list (Chromium); otherwise (Firefox
 * shows only `basic`) the lines go into the message.
 */
export function pullRequestNotification(events: readonly PullRequestEvent[], withItems: boolean): PullRequestNotification {
  const first = events[0]!;
  const named = (e: PullRequestEvent) => `${e.repository} #${e.id}: ${e.title}`;
  if (events.length === 1) return { title: first.sentence, message: named(first), url: first.webUrl };
  const pullRequests = new Set(events.map((e) => `${e.orgKey}#${e.id}`)).size;
  const title = pullRequests === 1 ? `${first.repository} #${first.id} needs you` : `${pullRequests} pull requests need you`;
  const url = pullRequests === 1 ? first.webUrl : `${first.organizationUrl}/_pulls`;
  const items = events.slice(0, MAX_ITEMS).map((e) => ({ title: `${e.repository} #${e.id}`, message: e.sentence }));
  const more = events.length - items.length;
  const moreLine = more > 0 ? `and ${more} more` : '';
  const organizations = [...new Set(events.map((e) => e.organization))].join(', ');
  if (withItems) return { title, message: [organizations, moreLine].filter(Boolean).join(' · '), items, url };
  return { title, message: [...items.map((i) => `${i.title}: ${i.message}`), moreLine].filter(Boolean).join('\n'), url };
}
