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

/** The notifications the add-on shows now (ids), read from an extension page. */
const notifications = (page: Page) =>
  page.evaluate(async () => Object.keys(await (globalThis as unknown as { browser: typeof browser }).browser.notifications.getAll()));

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
    assert.deepEqual(await notifications(popup.page), []);

    ff.fakeAdo.control.openPullRequest({ org: 'contoso', repository: 'android-app', createdBy: basic.users.sam.id, reviewers: [{ id: basic.groups.mobileTeam.id }] });
    // Opening the popup reads the inbox again.
    await popup.reopen();
    assert.equal(await poll(async () => (await badge(popup.page)).text, '2'), '2');
    assert.equal(await poll(async () => (await notifications(popup.page)).length, 1), 1);
  });
});
