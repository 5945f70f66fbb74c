import type { Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';
import type { PopupPage } from './pages/popup';
import { stopServiceWorker } from './support/stop-service-worker';
import { badge, fireInboxAlarm } from './support/toolbar-badge';

/** The notifications the extension shows now (ids), read in the service worker. */
const notifications = (worker: Worker) =>
  worker.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: typeof browser }).chrome.notifications.getAll()));

/** Signed in as Jane in contoso, with notifications turned on in the popup's Pull requests screen. */
async function turnOnNotifications(popup: PopupPage) {
  await popup.open();
  await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
  await expect(popup.account(/Jane Doe/)).toBeVisible();
  await popup.openPullRequests();
  await popup.notificationsToggle.click();
  // Checked once the background took it and read the baseline.
  await expect(popup.notificationsToggle).toBeChecked();
  await expect(popup.page.getByRole('status').filter({ hasText: 'Notifications are on.' })).toBeAttached();
}

// Chromium's permission prompt cannot be clicked by automation: the user allowed notifications before
// (a profile made so; the browsers of this file are workers of their own).
test.use({ allowedPermissions: ['notifications'] });

test.describe('pull request notifications', () => {
  test('a new review request reaches the badge and one notification, not again after the worker stopped', async ({ popup, context, serviceWorker, fakeAdo }) => {
    await turnOnNotifications(popup);
    expect(await notifications(serviceWorker)).toEqual([]);

    fakeAdo.control.openPullRequest({ org: 'contoso', repository: 'android-app', createdBy: basic.users.sam.id, reviewers: [{ id: basic.groups.mobileTeam.id }] });
    await fireInboxAlarm(serviceWorker);
    await expect.poll(async () => (await badge(serviceWorker)).text).toBe('2');
    await expect.poll(() => notifications(serviceWorker)).toHaveLength(1);
    const [shown] = await notifications(serviceWorker);

    await stopServiceWorker(context, popup.page, serviceWorker);
    expect(await popup.send('inbox.refresh', {})).toMatchObject({ ok: true, data: { waiting: [{}, {}] } });
    expect(await notifications(context.serviceWorkers().at(-1)!)).toEqual([shown]);
  });

  test('a vote on my pull request shows one notification that opens the pull request', async ({ popup, context, serviceWorker, fakeAdo }) => {
    await turnOnNotifications(popup);

    fakeAdo.control.changePullRequest({ org: 'contoso', pullRequestId: basic.pullRequests.login, vote: { reviewer: basic.users.sam.id, vote: 10 } });
    expect(await popup.send('inbox.refresh', {})).toMatchObject({ ok: true });
    await expect.poll(() => notifications(serviceWorker)).toHaveLength(1);

    const [shown] = await notifications(serviceWorker);
    const opened = context.waitForEvent('page', (page) => page.url().includes('/pullrequest/'));
    // Chromium's test hook: the event a click on the notification fires.
    await serviceWorker.evaluate(
      (id) => (globalThis as unknown as { chrome: { notifications: { onClicked: { dispatch(id: string): void } } } }).chrome.notifications.onClicked.dispatch(id),
      shown!,
    );
    expect((await opened).url()).toMatch(new RegExp(`/_git/web-portal/pullrequest/${basic.pullRequests.login}$`));
  });
});
