import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { basic } from '../fake-ado/fixtures/basic';
import { useFirefox } from './support/harness';
import { poll } from './support/queries';

/** The toolbar button's badge and tooltip (MV2: `browserAction`), read from an extension page. */
const badge = (page: Page) =>
  page.evaluate(async () => {
    const action = (globalThis as unknown as { browser: { browserAction: typeof browser.action } }).browser.browserAction;
    return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
  });

type NotificationEvent = { addListener(listener: (id: string) => void): void };
// `onShown` is Firefox's own (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/notifications/onShown).
type NotificationsGlobals = { browser: { notifications: { onShown: NotificationEvent; onClosed: NotificationEvent } }; shownNotifications?: string[] };

/**
 * Records every notification the add-on shows from now on, in this extension page. Headless Firefox
 * has no notification server: a notification closes a moment after it is made (without `onShown`), so
 * `getAll()` would race it; its `onShown` or `onClosed` does not.
 */
const watchNotifications = (page: Page) =>
  page.evaluate(() => {
    const scope = globalThis as unknown as NotificationsGlobals;
    scope.shownNotifications = [];
    // Inline listeners: a named function would need the bundler's helper, absent in the page.
    const shown = scope.shownNotifications;
    scope.browser.notifications.onShown.addListener((id) => void (shown.includes(id) || shown.push(id)));
    scope.browser.notifications.onClosed.addListener((id) => void (shown.includes(id) || shown.push(id)));
  });
const shownNotifications = (page: Page) => page.evaluate(() => (globalThis as unknown as NotificationsGlobals).shownNotifications ?? []);

describe('the pull request inbox on the toolbar badge in Firefox', () => {
  const ff = useFirefox();

  it('counts what waits for my vote after sign-in, then a new review request for my team', async () => {
    const popup = await ff.popup().open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.waitForSelector(popup.organizationRowSelector('contoso'), { timeout: 10_000 });
    const signedIn = { text: '1', title: 'ADO Companion\ncontoso: 1 waiting for your vote' };
    assert.deepEqual(await poll(() => badge(popup.page), signedIn), signedIn);

    ff.fakeAdo.control.openPullRequest({ org: 'contoso', repository: 'android-app', createdBy: basic.users.sam.id, reviewers: [{ id: basic.groups.mobileTeam.id }] });
    // Opening the popup reads the inbox again.
    await popup.reopen();
    assert.equal(await poll(async () => (await badge(popup.page)).text, '2'), '2');
  });

  it('turned on in the popup, tells of a new review request in one notification', async () => {
    const popup = await ff.popup().open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.waitForSelector(popup.organizationRowSelector('contoso'), { timeout: 10_000 });
    await popup.go('Pull requests');
    // A real click: the permission is granted to it (the test profile answers Firefox's prompt).
    await (await popup.notificationsToggle()).click();
    await popup.announced('Notifications are on.');
    await watchNotifications(popup.page);

    ff.fakeAdo.control.openPullRequest({ org: 'contoso', repository: 'android-app', createdBy: basic.users.sam.id, reviewers: [{ id: basic.groups.mobileTeam.id }] });
    // The next refresh, as the alarm or the popup's next opening would run it.
    await popup.send('inbox.refresh', {});
    assert.equal(await poll(async () => (await badge(popup.page)).text, '2'), '2');
    assert.equal(await poll(async () => (await shownNotifications(popup.page)).length, 1), 1);
    // A second refresh tells nothing new.
    await popup.send('inbox.refresh', {});
    assert.equal((await shownNotifications(popup.page)).length, 1);
  });
});
