import { browser } from 'wxt/browser';
import { badgeFor } from '@/lib/inbox/inbox-badge';
import type { InboxView } from '@/lib/inbox/inbox-view';
import type { Inbox } from '@/lib/inbox/refresh-inbox';
import { readInboxState, type InboxStorage } from '@/lib/inbox/inbox-state';

const ALARM = 'pull-request-inbox';

/** The toolbar button: `action` in MV3, `browserAction` in Firefox's MV2. */
function toolbarButton() {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** Shows the inbox on the toolbar icon (docs/pull-request-inbox.md#badge). */
export async function showOnBadge(view: InboxView): Promise<void> {
  const look = badgeFor(view);
  const button = toolbarButton();
  await Promise.all([button.setBadgeText({ text: look.text }), button.setBadgeBackgroundColor({ color: look.color }), button.setTitle({ title: look.title })]);
}

export const inboxStorage: InboxStorage = {
  get: (key) => browser.storage.local.get(key),
  set: (items) => browser.storage.local.set(items),
};

/** (Re)creates the periodic refresh when it is missing or has another period. */
export async function scheduleInboxRefresh(periodMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(ALARM);
  if (existing?.periodInMinutes === periodMinutes) return;
  await browser.alarms.create(ALARM, { periodInMinutes: periodMinutes, delayInMinutes: periodMinutes });
}

/**
 * Refreshes the inbox without the popup: on the alarm's period and when the browser starts. Alarms
 * may not survive a browser restart, so each worker start makes sure the alarm is there.
 */
export function startInboxSchedule(inbox: () => Inbox): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void inbox().refresh().catch(() => undefined);
  });
  browser.runtime.onStartup.addListener(() => {
    // The browser cleared the badge: show the stored inbox at once, then read it again.
    void inbox().republish().then(() => inbox().refresh()).catch(() => undefined);
  });
  void readInboxState(inboxStorage)
    .then((state) => scheduleInboxRefresh(state.options.periodMinutes))
    .catch(() => undefined);
}
