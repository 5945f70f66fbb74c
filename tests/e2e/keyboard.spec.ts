import type { Worker } from '@playwright/test';
import { test, expect } from './fixtures';

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
