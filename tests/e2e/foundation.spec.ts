import { test, expect } from './fixtures';

test.describe('foundation', () => {
  test('the popup opens, renders and reaches the background', async ({ popup }) => {
    await popup.open();
    await expect(popup.heading).toBeVisible();
    // The connect screen appears only once the background has answered with the (empty) account list.
    await expect(popup.connectOAuthButton).toBeVisible();
  });

  test('the service worker is alive and answers a ping', async ({ serviceWorker, popup }) => {
    expect(serviceWorker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
    await popup.open();
    const answer = await popup.page.evaluate(() =>
      (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.sendMessage({ channel: 'ado-companion', type: 'ping', data: {} }),
    );
    expect(answer).toEqual({ ok: true, data: { pong: true, version: expect.any(String) } });
  });

  test('the background refuses a malformed message with a clear error', async ({ popup }) => {
    await popup.open();
    const answer = await popup.page.evaluate(() =>
      (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.sendMessage({ channel: 'ado-companion', type: 'ping', data: { extra: 1 } }),
    );
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid-message' } });
  });

  test('the content script marks a repository page, on every cloud host form', async ({ repoPage }) => {
    for (const [url, type] of [
      ['https://dev.azure.com/contoso/Mobile%20App/_git/ios-app', 'files'],
      ['https://contoso.visualstudio.com/Mobile%20App/_git/ios-app/branches', 'branches'],
      ['https://contoso.visualstudio.com/DefaultCollection/Mobile%20App/_git/ios-app/commits', 'commits'],
    ] as const) {
      await repoPage.goto(url);
      await expect(repoPage.page.locator('html'), url).toHaveAttribute('data-ado-companion-page', type);
    }
  });

  test('the content script follows SPA navigation to another repository page', async ({ repoPage }) => {
    await repoPage.goto('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app');
    await expect(repoPage.page.locator('html')).toHaveAttribute('data-ado-companion-page', 'files');
    await repoPage.page.evaluate(() => history.pushState({}, '', location.pathname + '/pullrequests'));
    await expect(repoPage.page.locator('html')).toHaveAttribute('data-ado-companion-page', 'pull-requests');
  });

  test('nothing runs on pages that are not repository pages', async ({ repoPage }) => {
    for (const url of [
      'https://dev.azure.com/contoso',
      'https://dev.azure.com/contoso/Mobile%20App',
      'https://dev.azure.com/contoso/Mobile%20App/_boards/board',
    ]) {
      await repoPage.goto(url);
      // The content script runs on every Azure DevOps page; wait until it has looked at this one.
      await expect(repoPage.page.locator('html')).toHaveAttribute('data-ado-companion', 'active');
      expect(await repoPage.pageMarker(), url).toBeNull();
    }
  });
});
