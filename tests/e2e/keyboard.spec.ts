import type { Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';

const FILES = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app?path=/README.md&version=GBmain';
const HTTPS = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';

/**
 * Presses a keyboard shortcut of the extension in the tab showing `url`, as the browser reports it:
 * the command's event with that tab. A headless browser's own shortcut handling cannot be driven, so
 * the event is dispatched to the worker's listeners.
 */
function pressShortcut(worker: Worker, command: string, url: string) {
  return worker.evaluate(
    async ({ command, url }) => {
      const chrome = (globalThis as unknown as { chrome: typeof browser & { commands: { onCommand: { dispatch(...args: unknown[]): void } } } }).chrome;
      const [tab] = await chrome.tabs.query({ url: `${new URL(url).origin}/*` });
      chrome.commands.onCommand.dispatch(command, tab);
    },
    { command, url },
  );
}

test.describe('keyboard shortcuts', () => {
  test('copy the clone URL of the repository in the tab, and say so in the page', async ({ context, repoPage, serviceWorker }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://dev.azure.com' });
    await repoPage.goto(FILES);
    await repoPage.waitForHeaderButtons();
    await pressShortcut(serviceWorker, 'copy-clone-url', FILES);
    await expect(repoPage.page.getByRole('status').filter({ hasText: 'Copied the HTTPS clone URL.' })).toBeVisible();
    await expect.poll(() => repoPage.page.evaluate(() => navigator.clipboard.readText())).toBe(HTTPS);
  });

  test('"Clone in" the default client: GitKraken Desktop\'s link opens beside the tab, for the viewed branch', async ({ context, repoPage, serviceWorker }) => {
    const branch = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app?path=/README.md&version=GBdevelop';
    await repoPage.goto(branch);
    await repoPage.waitForHeaderButtons();
    const linkInPage = await repoPage.page.getByRole('link', { name: 'Clone in GitKraken Desktop' }).getAttribute('href');
    const opened = context.waitForEvent('request', (request) => request.isNavigationRequest() && request.url().startsWith('https://gitkraken.dev/'));
    await pressShortcut(serviceWorker, 'clone-in-client', branch);
    // The same link the page's own button carries (gitkraken.dev hands it to the app), opened in a tab.
    expect((await opened).url()).toBe(linkInPage);
  });

  test('say briefly that they do not apply on a page that is no repository', async ({ repoPage, serviceWorker }) => {
    const boards = 'https://dev.azure.com/contoso/Mobile%20App/_boards/board';
    await repoPage.goto(boards);
    await pressShortcut(serviceWorker, 'clone-in-client', boards);
    await expect(repoPage.page.getByRole('status').filter({ hasText: 'this tab shows no Azure DevOps repository' })).toBeVisible();
  });

  test('open "Create pull request" from the viewed branch', async ({ repoPage, serviceWorker }) => {
    const branch = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app?path=/README.md&version=GBfeature%2F1234-login';
    await repoPage.goto(branch);
    await repoPage.waitForHeaderButtons();
    await pressShortcut(serviceWorker, 'create-pull-request', branch);
    const dialog = repoPage.page.getByRole('dialog', { name: 'Create pull request' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Source branch')).toHaveValue('feature/1234-login');
  });
});

test.describe('address bar: ado <words>', () => {
  /** Types `text` after the `ado` keyword: the suggestions the extension gives, as the browser would show them. */
  function suggestionsFor(worker: Worker, text: string) {
    return worker.evaluate(
      (input) =>
        new Promise<{ content: string; description: string }[]>((resolve) => {
          const chrome = (globalThis as unknown as { chrome: { omnibox: { onInputChanged: { dispatch(...args: unknown[]): void } } } }).chrome;
          chrome.omnibox.onInputChanged.dispatch(input, resolve);
        }),
      text,
    );
  }

  test.beforeEach(async ({ popup }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    // The repository list is cached once fetched: the address bar searches that cache.
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    await expect(popup.page.locator('#repositories-count')).toContainText('updated');
    // The rows in view then ask when each repository last changed (a request each): let the answer
    // come, so no request of the popup's is still on its way once a test counts requests.
    await expect(popup.page.locator('[data-repository]:not(:has(time))')).toHaveCount(0);
  });

  test('suggests cached repositories by word beginnings without asking Azure DevOps', async ({ serviceWorker, fakeAdo }) => {
    fakeAdo.control.clearRequests();
    const suggestions = await suggestionsFor(serviceWorker, 'mapios');
    expect(suggestions[0]).toEqual({
      content: 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app',
      description: '<match>ios-app</match> <dim>contoso / Mobile App · clone in GitKraken Desktop: Alt+Shift+K on its page</dim>',
    });
    expect(fakeAdo.control.requests()).toEqual([]);
  });

  test('Enter opens a pull request of the repository the words find', async ({ context, serviceWorker }) => {
    const opened = context.waitForEvent('page');
    await serviceWorker.evaluate(() => {
      const chrome = (globalThis as unknown as { chrome: { omnibox: { onInputEntered: { dispatch(...args: unknown[]): void } } } }).chrome;
      chrome.omnibox.onInputEntered.dispatch('web-portal 3', 'newForegroundTab');
    });
    await expect(await opened).toHaveURL('https://dev.azure.com/contoso/Platform/_git/web-portal/pullrequest/3');
  });
});

test.describe('address bar: ado <number or Azure DevOps URL>', () => {
  /** Enter after `ado <text>`, as the browser reports it. */
  function enter(worker: Worker, text: string, disposition: 'currentTab' | 'newForegroundTab') {
    return worker.evaluate(
      ({ text, disposition }) => {
        const chrome = (globalThis as unknown as { chrome: { omnibox: { onInputEntered: { dispatch(...args: unknown[]): void } } } }).chrome;
        chrome.omnibox.onInputEntered.dispatch(text, disposition);
      },
      { text, disposition },
    );
  }

  test('Enter on a number alone, on a repository page, opens that pull request of the repository in the tab', async ({ repoPage, serviceWorker }) => {
    await repoPage.goto(FILES);
    await enter(serviceWorker, '7', 'currentTab');
    await expect(repoPage.page).toHaveURL(`${HTTPS}/pullrequest/7`);
  });

  test('Enter on an old-form address typed without https:// opens its dev.azure.com page', async ({ context, serviceWorker }) => {
    const opened = context.waitForEvent('page');
    await enter(serviceWorker, 'contoso.visualstudio.com/DefaultCollection/Mobile%20App/_boards/board', 'newForegroundTab');
    await expect(await opened).toHaveURL('https://dev.azure.com/contoso/Mobile%20App/_boards/board');
  });
});
