import { axeViolations } from './support/axe';
import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';
import { scaleFixture } from '../fake-ado/fixtures/scale';
import { putServiceWorkerToSleep } from './support/stop-service-worker';
import type { PopupPage } from './pages/popup';
import type { FakeAdo } from '../fake-ado/server';

/** 5,008 repositories, connected and cached by an earlier opening; the popup opened again. */
async function openWithTheListCached(popup: PopupPage, fakeAdo: FakeAdo) {
  fakeAdo.control.reset(scaleFixture(5000));
  await popup.open();
  expect(await popup.send('accounts.connectPat', { host: 'dev.azure.com/contoso', token: basic.pats.janeContoso })).toMatchObject({ ok: true });
  expect(await popup.send('repositories.refresh', {})).toMatchObject({ ok: true });
  await popup.reopen();
}

test.describe('popup: repositories at scale', () => {
  test('5,000 repositories: shown from the cache on reopen, windowed, without asking Azure DevOps', async ({ popup, fakeAdo }) => {
    test.setTimeout(60_000);
    fakeAdo.control.reset(scaleFixture(5000));
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    await expect(popup.page.locator('#repositories-count')).toContainText('5008 of 5008 repositories · updated', { timeout: 30_000 });
    // When each repository last changed is asked only for the rows in the document, not for 5,008.
    const firstRows = popup.page.getByRole('list', { name: 'Repositories' }).locator('[data-repository]');
    await expect(firstRows.first().locator('time')).toHaveAttribute('datetime', /^2026-/);
    const asked = fakeAdo.control.requests({ pathIncludes: '/commits' });
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThanOrEqual(await firstRows.count());

    // Reopened: the cached list, with no request and no "updating…" at any moment.
    fakeAdo.control.clearRequests();
    await popup.page.close();
    await popup.open(() => {
      const seen: string[] = ((globalThis as unknown as { countTexts: string[] }).countTexts = []);
      new MutationObserver(() => seen.push(document.getElementById('repositories-count')?.textContent ?? '')).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    const count = popup.page.locator('#repositories-count');
    await expect(count).toContainText('5008 of 5008 repositories · updated');
    const list = popup.page.getByRole('list', { name: 'Repositories' });
    const rows = list.locator('[data-repository]');
    await expect(list.getByRole('heading', { name: 'Commerce 1' })).toBeVisible();
    await expect(rows.first()).toBeVisible();
    // Windowed: a screenful of rows is in the document, not 5,008.
    expect(await rows.count()).toBeLessThan(20);
    // …yet each line tells assistive technology its place in the whole list (5,008 repositories under their headings).
    const lines = list.getByRole('listitem');
    const setSize = Number(await lines.first().getAttribute('aria-setsize'));
    expect(setSize).toBeGreaterThan(5008);
    await expect(lines.first()).toHaveAttribute('aria-posinset', '1');
    expect(fakeAdo.control.requests({ pathIncludes: '/_apis/git/repositories' }).filter((r) => r.path.endsWith('/_apis/git/repositories'))).toEqual([]);
    // …nor for when they last changed: that was learnt the first time and kept.
    await expect(rows.first().locator('time')).toHaveAttribute('datetime', /^2026-/);
    expect(fakeAdo.control.requests({ pathIncludes: '/commits' })).toEqual([]);
    expect(await popup.page.evaluate(() => (globalThis as unknown as { countTexts: string[] }).countTexts.filter((t) => t.includes('updating')))).toEqual([]);
  });

  test('5,000 repositories: filtered as typed, keys reach both ends, and the list passes axe', async ({ popup, fakeAdo }) => {
    test.setTimeout(60_000);
    await openWithTheListCached(popup, fakeAdo);
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    const count = popup.page.locator('#repositories-count');
    await expect(count).toContainText('5008 of 5008 repositories · updated');
    const list = popup.page.getByRole('list', { name: 'Repositories' });
    const rows = list.locator('[data-repository]');
    await expect(rows.first()).toBeVisible();
    const setSize = Number(await list.getByRole('listitem').first().getAttribute('aria-setsize'));

    // Typed key by key: a name, then a project and a name by their word beginnings.
    const filterBox = popup.page.getByRole('searchbox', { name: 'Filter repositories' });
    await filterBox.pressSequentially('ledger-web-4999');
    await expect(count).toHaveText(/^1 of 5008 repositories/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-repository', 'ledger-web-4999');
    await expect(rows.first()).toContainText('contoso / Security 5 · main');
    await filterBox.fill('');
    await filterBox.pressSequentially('security 5 ledger');
    await expect(list.getByRole('heading', { name: 'Security 5' })).toBeVisible();
    await expect(rows.first()).toContainText('contoso / Security 5');
    expect((await rows.allTextContents()).every((text) => text.startsWith('ledger-') && text.includes('contoso / Security 5'))).toBe(true);

    // End goes to the last repository (the last project by name, its last name), scrolling it into view.
    await filterBox.fill('');
    await filterBox.press('ArrowDown');
    await popup.page.keyboard.press('End');
    const lastRow = list.locator('[data-repository="wallet-web-4707"]');
    await expect(lastRow.getByRole('link', { name: /^Clone in / })).toBeFocused();
    await expect(lastRow).toBeInViewport();
    await expect(lastRow).toContainText('contoso / Tooling 5');
    await expect(lastRow).toHaveAttribute('aria-posinset', String(setSize));
    await expect(lastRow).toHaveAttribute('aria-setsize', String(setSize));
    await popup.page.keyboard.press('Home');
    await expect(rows.first().getByRole('link', { name: /^Clone in / })).toBeFocused();
    await expect(list.getByRole('heading', { name: 'Commerce 1' })).toBeVisible();

    expect(await axeViolations(popup.page)).toEqual([]);
  });

  test('5,000 repositories: the cached list opens while the service worker is asleep', async ({ popup, fakeAdo, context, serviceWorker }) => {
    // Caching 5,008 repositories first is most of it on a loaded 2-core machine.
    test.setTimeout(60_000);
    await openWithTheListCached(popup, fakeAdo);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    // As after 30 s without use (Chromium stops an idle worker).
    await putServiceWorkerToSleep(context, popup.page, serviceWorker);

    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    await expect(popup.page.locator('#repositories-count')).toHaveText(/^5008 of 5008 repositories · updated /);
    const list = popup.page.getByRole('list', { name: 'Repositories' });
    await expect(list.getByRole('heading', { name: 'Commerce 1' })).toBeVisible();
    await expect(list.locator('[data-repository]').first().getByRole('link', { name: /^Clone in / })).toBeVisible();
  });
});
