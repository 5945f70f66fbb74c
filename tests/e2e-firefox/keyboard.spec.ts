import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { basic } from '../fake-ado/fixtures/basic';
import { useFirefox } from './support/harness';
import { pressKey } from './support/browser-window';
import { FIREFOX_EXTENSION_DIR } from './support/launch-firefox';
import { poll, waitForText } from './support/queries';
import { FirefoxAddressBar } from './pages/address-bar';
import { FirefoxLinkPage } from './pages/link-page';
import { FirefoxRepoPage } from './pages/repo-page';

const FILES = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app?path=/README.md&version=GBmain';
const HTTPS = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';
const WEB_PORTAL = 'https://dev.azure.com/contoso/Platform/_git/web-portal';

/** The keys the built manifest suggests for `command` ("Alt+Shift+C"), pressed as a person does. */
function pressShortcut(ff: ReturnType<typeof useFirefox>, command: string): Promise<void> {
  const manifest = JSON.parse(fs.readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { commands: Record<string, { suggested_key: { default: string } }> };
  const keys = manifest.commands[command]!.suggested_key.default.split('+');
  const key = keys.pop()!;
  return pressKey(ff.browser, key, { altKey: keys.includes('Alt'), shiftKey: keys.includes('Shift'), ctrlKey: keys.includes('Ctrl') });
}

/** The short note the extension shows in the page (in a shadow root of its own). */
function noteIn(repo: FirefoxRepoPage): Promise<string> {
  return repo.page
    .waitForFunction(() => document.querySelector('[data-ado-companion-feature="keyboard-note"]')?.shadowRoot?.querySelector('[role="status"]')?.textContent, { timeout: 10_000 })
    .then((handle) => handle.jsonValue() as Promise<string>);
}

describe('keyboard shortcuts in Firefox', () => {
  const ff = useFirefox();

  it('copy the clone URL of the repository in the tab, and say so in the page', async () => {
    const repo = await new FirefoxRepoPage(ff.browser).open(FILES);
    await repo.waitForHeaderButtons();
    const clipboard = new FirefoxLinkPage(ff.browser);
    await clipboard.setClipboard('before');
    await pressShortcut(ff, 'copy-clone-url');
    assert.equal(await noteIn(repo), 'Copied the HTTPS clone URL.');
    assert.equal(await poll(() => clipboard.clipboard(), HTTPS), HTTPS);
  });

  it('say briefly that they do not apply on a page that is no repository', async () => {
    const repo = await new FirefoxRepoPage(ff.browser).open('https://dev.azure.com/contoso/Mobile%20App/_boards/board');
    await pressShortcut(ff, 'clone-in-client');
    assert.equal(await noteIn(repo), 'ADO Companion: this tab shows no Azure DevOps repository.');
  });

  it('open "Create pull request" from the viewed branch', async () => {
    const repo = await new FirefoxRepoPage(ff.browser).open('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app?path=/README.md&version=GBfeature%2F1234-login');
    await repo.waitForHeaderButtons();
    await pressShortcut(ff, 'create-pull-request');
    // The dialog's first picker is the source branch.
    const source = () =>
      repo.page.evaluate(() => document.querySelector('[data-ado-companion-feature="pull-request-dialog"]')?.shadowRoot?.querySelector('select')?.value ?? null);
    assert.equal(await poll(source, 'feature/1234-login'), 'feature/1234-login');
  });
});

describe('address bar in Firefox: ado <words, number or address>', () => {
  const ff = useFirefox();

  /** Connected to contoso, the repository list fetched once: the address bar searches that cache. Then a new tab. */
  async function withCachedRepositories(): Promise<FirefoxAddressBar> {
    const popup = await ff.popup().open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.go('Repositories');
    await waitForText(popup.page, 'updated', '#repositories-count');
    // When each repository in view last changed comes after the list: let it come, so no request of
    // the popup's is still on its way once the test starts counting them.
    const rowsWithoutDate = () => popup.page.evaluate(() => document.querySelectorAll('[data-repository]:not(:has(time))').length);
    await poll(rowsWithoutDate, 0);
    await popup.page.close();
    await (await ff.browser.newPage()).bringToFront();
    return new FirefoxAddressBar(ff.browser);
  }

  /** Resolves once a tab shows `url`. */
  const tabAt = (url: string) => ff.browser.waitForTarget((target) => target.url() === url, { timeout: 10_000 });

  it('suggests cached repositories without asking Azure DevOps, and Enter opens the chosen one', async () => {
    const addressBar = await withCachedRepositories();
    ff.fakeAdo.control.clearRequests();
    await addressBar.type('ado web');
    const clone = 'clone in GitKraken Desktop: Alt+Shift+K on its page';
    assert.deepEqual((await addressBar.suggestions(3)).slice(1), [
      { title: `web-portal — contoso / Platform · ${clone}`, action: `ado ${WEB_PORTAL}` },
      { title: `web-portal-fork — contoso / Platform · ${clone}`, action: `ado ${WEB_PORTAL}-fork` },
    ]);
    assert.deepEqual(ff.fakeAdo.control.requests(), []);

    const opened = tabAt(WEB_PORTAL);
    await addressBar.choose(1);
    await opened;
  });

  it('Enter on words and a number opens that pull request of the repository the words find', async () => {
    const addressBar = await withCachedRepositories();
    const opened = tabAt(`${WEB_PORTAL}/pullrequest/3`);
    await addressBar.type('ado web-portal 3');
    await addressBar.choose(0);
    await opened;
  });

  it('Enter on a number alone, on a repository page, opens that pull request of the repository in the tab', async () => {
    await new FirefoxRepoPage(ff.browser).open(FILES);
    const opened = tabAt(`${HTTPS}/pullrequest/7`);
    const addressBar = new FirefoxAddressBar(ff.browser);
    await addressBar.type('ado 7');
    await addressBar.choose(0);
    await opened;
  });

  it('Enter on an old-form Azure DevOps address typed without https:// opens its dev.azure.com page', async () => {
    await (await ff.browser.newPage()).bringToFront();
    const addressBar = new FirefoxAddressBar(ff.browser);
    const opened = tabAt('https://dev.azure.com/contoso/Mobile%20App/_boards/board');
    await addressBar.type('ado contoso.visualstudio.com/DefaultCollection/Mobile%20App/_boards/board');
    await addressBar.choose(0);
    await opened;
  });
});
