import { axeViolations } from './support/axe';
import type { Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';
import type { PopupPage } from './pages/popup';
import { stopServiceWorker } from './support/stop-service-worker';

/** What the toolbar icon shows: its badge text and tooltip, read in the service worker. */
const badge = (worker: Worker) =>
  worker.evaluate(async () => {
    const action = (globalThis as unknown as { chrome: typeof browser }).chrome.action;
    return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
  });

/** The inbox's periodic alarm, fired now (as if its period had passed). */
const fireInboxAlarm = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { chrome: typeof browser }).chrome.alarms.create('pull-request-inbox', { when: Date.now() }));

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

test.describe('the pull request inbox on the toolbar badge', () => {
  test('shows how many reviews wait right after sign-in, with the popup closed', async ({ popup, serviceWorker }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.account(/Jane Doe/)).toBeVisible();
    await popup.page.close();
    // ios-app#5 asks Jane by name; web-portal#3 is a draft, #1 her own.
    await expect.poll(async () => (await badge(serviceWorker)).text).toBe('1');
    expect((await badge(serviceWorker)).title).toBe('ADO Companion\ncontoso: 1 waiting for your vote');
  });

  test('counts a new review request for my team at the next refresh', async ({ popup, serviceWorker, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.close();
    await expect.poll(async () => (await badge(serviceWorker)).text).toBe('1');

    fakeAdo.control.openPullRequest({ org: 'contoso', repository: 'android-app', createdBy: basic.users.sam.id, reviewers: [{ id: basic.groups.mobileTeam.id }] });
    await fireInboxAlarm(serviceWorker);
    await expect.poll(async () => (await badge(serviceWorker)).text).toBe('2');
  });

  test('waits out a 429 instead of asking again before Retry-After', async ({ popup, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.account(/Jane Doe/)).toBeVisible();
    expect(await popup.send('inbox.refresh', {})).toMatchObject({ ok: true });

    fakeAdo.control.setFailures({ throttle: { count: 10, retryAfterSeconds: 300 } });
    const before = fakeAdo.control.requests().at(-1)!.seq;
    const throttled = await popup.send('inbox.refresh', {});
    expect(throttled).toMatchObject({ ok: true, data: { waiting: [{ id: basic.pullRequests.iosCrash }] } });
    const blocked = fakeAdo.control.requests({ since: before, status: 429 }).length;
    expect(blocked).toBeGreaterThan(0);

    // Asked again (the popup opening) within Retry-After: nothing goes to Azure DevOps.
    const after = fakeAdo.control.requests().at(-1)!.seq;
    expect(await popup.send('inbox.refresh', {})).toMatchObject({ ok: true });
    expect(fakeAdo.control.requests({ since: after, pathIncludes: '/_apis/git/pullrequests' })).toEqual([]);
  });

  test('names the account and shows "!" when its token stops working', async ({ popup, serviceWorker, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.close();
    await expect.poll(async () => (await badge(serviceWorker)).text).toBe('1');

    fakeAdo.control.expirePat(basic.pats.janeContoso);
    await fireInboxAlarm(serviceWorker);
    await expect.poll(async () => (await badge(serviceWorker)).text).toBe('!');
    expect((await badge(serviceWorker)).title).toMatch(/^ADO Companion: an account needs you\n.*\nJane Doe: /);
  });

  test('sends nothing while the browser is offline, and keeps the last count', async ({ popup, serviceWorker, context, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect.poll(async () => (await badge(serviceWorker)).text).toBe('1');
    await context.setOffline(true);
    await expect.poll(() => serviceWorker.evaluate(() => navigator.onLine)).toBe(false);

    const before = fakeAdo.control.requests().at(-1)!.seq;
    for (let i = 0; i < 3; i++) expect(await popup.send('inbox.refresh', {})).toMatchObject({ ok: true, data: { trouble: [] } });
    expect(fakeAdo.control.requests({ since: before })).toEqual([]);
    expect((await badge(serviceWorker)).text).toBe('1');
  });

  test('names the account and the one action that fixes it in the popup, before a page action fails', async ({ popup, serviceWorker, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.account(/Jane Doe/)).toBeVisible();
    // Azure DevOps answers with its sign-in page: the token is not flagged (a proxy does that too), but the inbox cannot read.
    fakeAdo.control.setFailures({ signInPage: true });
    await popup.reopen();
    await expect.poll(async () => (await badge(serviceWorker)).text).toBe('!');
    const line = popup.page.locator('[data-inbox-trouble]');
    await expect(line).toContainText('Jane Doe: Azure DevOps answered with a sign-in page instead of data: it did not accept the Personal Access Token for contoso.');
    expect(await axeViolations(popup.page, '[data-inbox-trouble]')).toEqual([]);
    await line.getByRole('button', { name: 'Enter a new token' }).click();
    await expect(popup.hostField).toHaveValue('dev.azure.com/contoso');
  });
});

test.describe('pull request notifications', () => {
  // Chromium's permission prompt cannot be clicked by automation: the user allowed notifications before.
  test.use({ allowedPermissions: ['notifications'] });

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
