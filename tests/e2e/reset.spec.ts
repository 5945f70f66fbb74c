import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';

// The two tests run in this order in one worker, so in one browser: the first leaves behind what it
// can, the second must find none of it, as in a Chromium just launched (support/reset-extension-browser.ts
// resets between them).
test.describe('each test in Chromium starts as in a new Chromium', () => {
  test('a test connects an account and leaves state behind', async ({ popup, context }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await popup.page.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
      await api.alarms.create('left-by-the-first-test', { delayInMinutes: 60 });
      await api.action.setBadgeText({ text: '9' });
    });
    await context.newPage();
  });

  test('the next test finds one tab, nothing the first left, and the connect screen', async ({ popup, context, extensionId }) => {
    expect(context.pages().map((page) => page.url())).toEqual(['about:blank']);
    // Read before the popup opens: painted from its first-screen copy, the previous account would show at once.
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/offscreen-clipboard.html`);
    const left = await page.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: typeof browser }).chrome;
      return {
        // The woken background may already have written the inbox's defaults, as in a new browser.
        storage: Object.entries(await api.storage.local.get(null)).filter(([key, value]) => key !== 'pullRequestInbox' || Object.keys((value as { organizations: object }).organizations).length > 0),
        localStorage: Object.keys(localStorage),
        alarm: (await api.alarms.getAll()).some((alarm) => alarm.name === 'left-by-the-first-test'),
        badge: await api.action.getBadgeText({}),
      };
    });
    expect(left).toEqual({
      storage: [],
      localStorage: [],
      alarm: false,
      badge: '',
    });
    // No account in IndexedDB either: the background answers with none.
    await popup.open();
    await expect(popup.connectOAuthButton).toBeVisible();
  });
});
