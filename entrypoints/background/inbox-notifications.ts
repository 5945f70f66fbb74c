import { browser } from 'wxt/browser';
import type { PullRequestEvent } from '@/lib/inbox/pull-request-events';
import { pullRequestNotification } from '@/lib/inbox/pull-request-notification';

/** An optional permission, asked for by the popup when the user turns notifications on (least permissions). */
export const NOTIFICATIONS_PERMISSION = { permissions: ['notifications' as const] };
/** Which page each notification opens; in storage, since the worker may stop before the click. */
const TARGETS_KEY = 'pullRequestNotificationTargets';
/** Older notifications have long left the screen. */
const TARGETS_KEPT = 20;

export const hasNotificationsPermission = () => browser.permissions.contains(NOTIFICATIONS_PERMISSION);

async function readTargets(): Promise<Record<string, string>> {
  const stored = (await browser.storage.local.get(TARGETS_KEY))[TARGETS_KEY];
  return stored && typeof stored === 'object' ? (stored as Record<string, string>) : {};
}

/**
 * Shows the events of one refresh as one notification (docs/pull-request-inbox.md#notifications):
 * Chromium lists them; Firefox shows only `basic` notifications, so there the lines are its message.
 */
export async function showPullRequestNotification(events: PullRequestEvent[]): Promise<void> {
  if (!events.length || !(await hasNotificationsPermission())) return;
  const look = pullRequestNotification(events, !import.meta.env.FIREFOX);
  const id = `pull-requests-${crypto.randomUUID()}`;
  const targets = Object.entries({ ...(await readTargets()), [id]: look.url }).slice(-TARGETS_KEPT);
  await browser.storage.local.set({ [TARGETS_KEY]: Object.fromEntries(targets) });
  await browser.notifications.create(id, {
    type: look.items ? 'list' : 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: look.title,
    message: look.message,
    ...(look.items ? { items: look.items } : {}),
  });
}

async function openNotification(id: string): Promise<void> {
  const targets = await readTargets();
  const url = targets[id];
  if (!url) return;
  delete targets[id];
  await browser.storage.local.set({ [TARGETS_KEY]: targets });
  // Addresses come from Azure DevOps' answers: only web pages are opened.
  if (/^https?:\/\//i.test(url)) await browser.tabs.create({ url });
  await browser.notifications.clear(id);
}

/**
 * A click on a notification opens its pull request. The `notifications` namespace exists only once
 * the permission is granted, so the listener is added at start when it is, or when it is granted.
 * Only the popup's switch asks for the permission: granted, notifications are on even if the popup
 * closed while the browser asked (Firefox closes it for its prompt); taken back in the browser's
 * settings, they are off.
 */
export function startNotificationClicks(onPermission: (granted: boolean) => void): void {
  let listening = false;
  const listen = () => {
    if (listening || !browser.notifications) return;
    browser.notifications.onClicked.addListener((id) => void openNotification(id).catch(() => undefined));
    listening = true;
  };
  listen();
  browser.permissions.onAdded.addListener((added) => {
    if (!added.permissions?.includes('notifications')) return;
    listen();
    onPermission(true);
  });
  browser.permissions.onRemoved.addListener((removed) => {
    if (removed.permissions?.includes('notifications')) onPermission(false);
  });
}
