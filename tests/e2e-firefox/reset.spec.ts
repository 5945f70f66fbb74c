import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { basic } from '../fake-ado/fixtures/basic';
import { useFirefox } from './support/harness';
import { dumpExtensionStorage } from './support/dump-extension-storage';
import { openExtensionPage } from './support/launch-firefox';
import { FirefoxLinkPage } from './pages/link-page';
import { evaluateInBrowserWindow } from './support/browser-window';

const SERVER_HOSTS = `${new URL(basic.orgs.server.url).origin}/*`;

/** What an extension page can read of what the add-on holds outside storage. */
const extensionState = (page: Page) =>
  page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof browser & { browserAction: typeof browser.action } }).browser;
    const granted = await api.permissions.getAll();
    return {
      permissions: granted.permissions ?? [],
      origins: granted.origins ?? [],
      scripts: (await api.scripting.getRegisteredContentScripts()).map((script) => script.id),
      // The background makes its own (the inbox's) when it starts.
      alarmLeft: (await api.alarms.getAll()).some((alarm) => alarm.name === 'left-by-the-first-test'),
      badge: await api.browserAction.getBadgeText({}),
      title: await api.browserAction.getTitle({}),
      backgroundMark: (api.extension.getBackgroundPage() as unknown as Record<string, unknown>).leftByTheFirstTest ?? null,
    };
  });

// The two tests run in this order: the first leaves everything it can behind, the second must find
// none of it, as in a Firefox just launched (support/reset-firefox.ts resets between them).
describe('each test in Firefox starts as in a new Firefox', () => {
  const ff = useFirefox();

  it('a test connects an account and leaves state behind', async () => {
    const popup = await ff.popup().open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.waitForSelector(popup.organizationRowSelector('contoso'), { timeout: 10_000 });

    const page = await openExtensionPage(ff.browser, 'icon/16.png');
    // Firefox grants optional permissions to a real click only: a button of our own, clicked.
    await page.evaluate((origin: string) => {
      const api = (globalThis as unknown as { browser: typeof browser }).browser;
      const grant = document.createElement('button');
      grant.textContent = 'grant';
      grant.onclick = () => void api.permissions.request({ permissions: ['notifications'], origins: [origin] });
      document.body.append(grant);
    }, SERVER_HOSTS);
    await (await page.waitForSelector('button'))!.click();
    await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof browser & { browserAction: typeof browser.action } }).browser;
      await api.scripting.registerContentScripts([{ id: 'left-by-the-first-test', matches: ['https://dev.azure.com/*'], js: ['page-session-status.js'] }]);
      await Promise.all([
        api.storage.session.set({ left: 'by the first test' }),
        api.alarms.create('left-by-the-first-test', { delayInMinutes: 60 }),
        api.browserAction.setBadgeText({ text: '9' }),
        api.browserAction.setTitle({ title: 'left by the first test' }),
      ]);
      await new Promise((resolve) => Object.assign(indexedDB.open('left-by-the-first-test'), { onsuccess: resolve }));
      (api.extension.getBackgroundPage() as unknown as Record<string, unknown>).leftByTheFirstTest = true;
    });
    await new FirefoxLinkPage(ff.browser).setClipboard('left by the first test');
    await ff.browser.setCookie({ name: 'left', value: 'by-the-first-test', domain: 'dev.azure.com', path: '/', secure: true });

    const left = await extensionState(page);
    assert.ok(left.origins.includes(SERVER_HOSTS) && left.permissions.includes('notifications'), JSON.stringify(left));
    // (The badge may already show the inbox of the account instead of the 9.)
    assert.deepEqual([left.scripts.includes('left-by-the-first-test'), left.alarmLeft, left.badge !== '', left.backgroundMark], [true, true, true, true]);
    assert.ok((await dumpExtensionStorage(page)).includes('jane@contoso.com'));
  });

  it('the next test finds none of it', async () => {
    const windows = JSON.parse(
      await evaluateInBrowserWindow<string>(
        ff.browser,
        `JSON.stringify([...Services.wm.getEnumerator('navigator:browser')].map((w) => ({ tabs: w.gBrowser.tabs.map((tab) => tab.linkedBrowser.currentURI.spec) })))`,
      ),
    ) as unknown;
    assert.deepEqual(windows, [{ tabs: ['about:blank'] }], 'one window with one blank tab');
    const popup = await ff.popup().open();
    await popup.waitForConnectScreen();
    const state = await extensionState(popup.page);
    const manifest = await popup.page.evaluate(() => (globalThis as unknown as { browser: typeof browser }).browser.runtime.getManifest());
    assert.deepEqual(state, {
      permissions: (manifest.permissions ?? []).filter((p) => !p.includes('/')),
      origins: (manifest.permissions ?? []).filter((p) => p.includes('/')),
      scripts: [],
      alarmLeft: false,
      badge: '',
      title: 'ADO Companion',
      backgroundMark: null,
    });
    const stored = await dumpExtensionStorage(popup.page);
    assert.ok(!stored.includes('jane@contoso.com') && !stored.includes('left-by-the-first-test') && !stored.includes('by the first test'), stored);
    assert.equal(await new FirefoxLinkPage(ff.browser).clipboard(), '');
    // The web UI sign-in of this test only (the harness's), none the first test set.
    assert.deepEqual(
      (await ff.browser.cookies()).map((cookie) => cookie.name).filter((name) => name === 'left'),
      [],
    );
  });
});
