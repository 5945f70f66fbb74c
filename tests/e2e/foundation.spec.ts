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

  // What a user sees on each kind of page: the extension's buttons, by their accessible names (the
  // menu toggles "▾" left out). The page is settled first (the fake's second render of the view).
  const IOS = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';
  const HEADER_BUTTONS = ['Clone in GitKraken Desktop', 'Copy clone URL'];
  const WITH_CREATE = [...HEADER_BUTTONS, 'Create pull request'];

  // One test per page: each loads one page and waits for it to settle (a loop would not fit a test's time under load).
  for (const [url, view, buttons] of [
    [IOS, 'files', WITH_CREATE],
    [`${IOS}?version=GBdevelop&_a=history`, 'files', WITH_CREATE],
    [`${IOS}/commit/54cf8ff374bed83e626f23207f32f16075cf40a1`, 'commit', WITH_CREATE],
    ['https://contoso.visualstudio.com/DefaultCollection/Mobile%20App/_git/ios-app/commits', 'commits', HEADER_BUTTONS],
    [`${IOS}/pushes`, 'pushes', HEADER_BUTTONS],
    ['https://contoso.visualstudio.com/Mobile%20App/_git/ios-app/pullrequests', 'pullrequests', HEADER_BUTTONS],
    [`${IOS}/pullrequest/5`, 'pullrequest', HEADER_BUTTONS],
    ['https://contoso.visualstudio.com/Mobile%20App/_git/ios-app/branches', 'branches', [...HEADER_BUTTONS, 'Create PR from develop', 'Create PR from feature/1234-login', 'Create PR from main']],
  ] as const) {
    test(`the content script shows its buttons on ${url}`, async ({ repoPage }) => {
      await repoPage.goto(url);
      await repoPage.waitForRerender(view);
      await expect.poll(() => repoPage.visibleButtonNames(), url).toEqual([...buttons].sort());
    });
  }

  test('the content script follows in-app navigation to another repository page', async ({ repoPage }) => {
    await repoPage.goto(`${IOS}/tags`);
    await repoPage.waitForRerender('tags');
    await repoPage.navigateInApp(IOS);
    await repoPage.waitForHeaderButtons();
    await expect(repoPage.createPullRequestButton).toBeVisible();
    await repoPage.navigateInApp(`${IOS}/pullrequests`);
    await repoPage.waitForRerender('pullrequests');
    await expect.poll(() => repoPage.visibleButtonNames()).toEqual(HEADER_BUTTONS);
  });

  for (const [url, view] of [
    [`${IOS}/tags`, 'tags'],
    [`${IOS}/pullrequestcreate?sourceRef=develop&targetRef=main`, 'pullrequest-create'],
    [`${IOS}/branchCompare?baseVersion=GBmain&targetVersion=GBdevelop`, 'branch-compare'],
    ['https://dev.azure.com/contoso/_usersSettings/keys', 'user-settings-ssh-keys'],
    ['https://dev.azure.com/contoso', 'organization-home'],
    ['https://dev.azure.com/contoso/_pulls', 'pullrequests'],
    ['https://dev.azure.com/contoso/Mobile%20App', 'project-home'],
    ['https://dev.azure.com/contoso/Mobile%20App/_boards/board', 'boards'],
  ] as const) {
    test(`nothing shows on ${url}, while the script runs there (the next page in the app gets its buttons)`, async ({ repoPage }) => {
      await repoPage.goto(url);
      await repoPage.waitForRerender(view);
      expect(await repoPage.visibleButtonNames()).toEqual([]);
      await repoPage.navigateInApp(IOS);
      await repoPage.waitForHeaderButtons();
      await repoPage.page.goBack();
      await repoPage.waitForRerender(view);
      await expect(repoPage.extensionButtons, url).toHaveCount(0);
    });
  }
});
