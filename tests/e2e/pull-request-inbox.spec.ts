import { axeViolations } from './support/axe';
import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';
import { badge, fireInboxAlarm } from './support/toolbar-badge';

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

  test('signing out takes that account’s reviews off the badge at once, however slowly Azure DevOps answers', async ({ popup, serviceWorker, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await popup.connectWithPat('dev.azure.com/fabrikam', basic.pats.janeFabrikam);
    await expect(popup.organizationRow('fabrikam')).toBeVisible();
    await expect.poll(async () => (await badge(serviceWorker)).text).toBe('1');

    // The refresh that follows a sign-out waits on Azure DevOps (fabrikam) longer than we look.
    fakeAdo.control.setFailures({ latencyMs: 20_000 });
    const contosoAccount = popup.page.getByRole('article').filter({ has: popup.organizationRow('contoso') });
    await popup.signOut(contosoAccount);
    await expect(contosoAccount).toHaveCount(0);
    await expect.poll(async () => (await badge(serviceWorker)).text).toBe('');
    expect((await badge(serviceWorker)).title).not.toContain('contoso');
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
