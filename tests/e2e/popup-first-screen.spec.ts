import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';
import type { PopupPage } from './pages/popup';

/** Jane connects with her token; the popup shows her organization. */
async function connectJane(popup: PopupPage) {
  await popup.open();
  await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
  await expect(popup.organizationRow('contoso')).toBeVisible();
}

/** Before the popup's script runs: the background never answers, as while Chromium starts its stopped service worker. */
const backgroundNeverAnswers = () => {
  const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: unknown } } }).chrome.runtime;
  runtime.sendMessage = () => new Promise(() => undefined);
};

/** Before the popup's scripts: notes the screen's heading and readiness when something is first drawn into #app. */
const noteFirstDrawing = () => {
  new MutationObserver((_, observer) => {
    const app = document.getElementById('app');
    if (!app?.firstChild) return;
    observer.disconnect();
    (globalThis as unknown as { firstDrawing: unknown }).firstDrawing = { heading: app.querySelector('h2')?.textContent ?? null, waiting: app.getAttribute('aria-disabled') };
  }).observe(document, { childList: true, subtree: true, attributes: true });
};

test.describe('popup: the first screen', () => {
  test('paints the accounts of the last opening without waiting for the background, and forgets them at sign-out', async ({ popup }) => {
    await connectJane(popup);

    // Reopened while the background is silent: the accounts, their organizations, the way on.
    await popup.reopen(backgroundNeverAnswers);
    await expect(popup.page.getByRole('heading', { name: 'Accounts' })).toBeFocused();
    await expect(popup.account(/Jane Doe \(Personal Access Token\)/)).toContainText('jane@contoso.com');
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await expect(popup.page.getByText('Loading…')).toHaveCount(0);

    // Signed out: nothing of the account shows on the next opening, even before the background answers.
    await popup.reopen();
    const card = popup.account(/Jane Doe \(Personal Access Token\)/);
    await popup.signOut(card);
    await expect(popup.connectOAuthButton).toBeVisible();
    await popup.reopen(backgroundNeverAnswers);
    await expect(popup.page.getByText('Loading…')).toBeVisible();
    await expect(popup.page.getByText('Jane Doe')).toHaveCount(0);
  });

  test('draws the last opening’s accounts screen before its app has loaded, and its buttons answer once it has', async ({ popup }) => {
    await connectJane(popup);
    await popup.reopen(noteFirstDrawing);
    await expect(popup.page.getByRole('heading', { name: 'Accounts' })).toBeFocused();
    // The first thing drawn was the accounts screen, saying it is not ready yet; the app then took it over.
    expect(await popup.page.evaluate(() => (globalThis as unknown as { firstDrawing: unknown }).firstDrawing)).toEqual({ heading: 'Accounts', waiting: 'true' });
    await expect(popup.page.locator('[aria-disabled]')).toHaveCount(0);
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    await expect(popup.page.getByRole('heading', { name: 'Repositories' })).toBeVisible();
  });

  test('what the background answers replaces what the last opening showed', async ({ popup }) => {
    await connectJane(popup);
    // The copy kept by the popup is out of date (the account was renamed since, say).
    await popup.page.evaluate(() => {
      for (const key of Object.keys(localStorage)) localStorage.setItem(key, localStorage.getItem(key)!.replaceAll('Jane Doe', 'Someone Else'));
    });
    await popup.reopen();
    await expect(popup.account(/Jane Doe \(Personal Access Token\)/)).toBeVisible();
    await expect(popup.page.getByText('Someone Else')).toHaveCount(0);
    await expect(popup.page.getByRole('heading', { name: 'Accounts' })).toBeFocused();
  });
});
