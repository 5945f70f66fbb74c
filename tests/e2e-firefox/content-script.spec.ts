import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useFirefox } from './support/harness';
import { FirefoxRepoPage } from './pages/repo-page';
import { evaluateInContentScript } from './support/content-script-world';
import { FirefoxLinkPage } from './pages/link-page';
import { poll } from './support/queries';

const IOS_APP = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';

describe('content script in Firefox', () => {
  const ff = useFirefox();

  const HEADER_BUTTONS = ['Clone in GitKraken Desktop', 'Copy clone URL'];

  it('shows each repository page its buttons, on every cloud host form', async () => {
    const repo = new FirefoxRepoPage(ff.browser);
    for (const [url, view, buttons] of [
      [IOS_APP, 'files', [...HEADER_BUTTONS, 'Create pull request']],
      ['https://contoso.visualstudio.com/Mobile%20App/_git/ios-app/branches', 'branches', [...HEADER_BUTTONS, 'Create PR from develop', 'Create PR from feature/1234-login', 'Create PR from main']],
      ['https://contoso.visualstudio.com/DefaultCollection/Mobile%20App/_git/ios-app/commits', 'commits', HEADER_BUTTONS],
    ] as const) {
      await (repo.page ? repo.goto(url) : repo.open(url));
      await repo.waitForView(view);
      assert.deepEqual(await poll(() => repo.buttonNames(), buttons), buttons, url);
    }
  });

  it('follows in-app navigation to another repository page', async () => {
    const repo = await new FirefoxRepoPage(ff.browser).open(`${IOS_APP}/tags`);
    await repo.waitForView('tags');
    assert.deepEqual(await repo.buttonNames(), []);
    await repo.navigateInApp(IOS_APP);
    await repo.waitForHeaderButtons();
    await repo.navigateInApp(`${IOS_APP}/pullrequests`);
    await repo.waitForView('pullrequests');
    assert.deepEqual(await poll(() => repo.buttonNames(), HEADER_BUTTONS), HEADER_BUTTONS);
  });

  it('shows nothing on pages that are not repository pages, while running there', async () => {
    const repo = new FirefoxRepoPage(ff.browser);
    for (const [url, view] of [
      ['https://dev.azure.com/contoso', 'organization-home'],
      ['https://dev.azure.com/contoso/Mobile%20App/_boards/board', 'boards'],
    ] as const) {
      await (repo.page ? repo.goto(url) : repo.open(url));
      await repo.waitForView(view);
      assert.deepEqual(await repo.buttonNames(), [], url);
      // The script is alive on this page: the next page in the app gets its buttons.
      await repo.navigateInApp(IOS_APP);
      await repo.waitForHeaderButtons();
    }
  });

  // Firefox gives content scripts a `content` global whose fetch and XMLHttpRequest send requests
  // as the page does (docs/firefox.md). A bundle that declares a top-level `content` replaces it.
  it('keeps Firefox’s own `content` object and its fetch', async () => {
    const repo = await new FirefoxRepoPage(ff.browser).open(IOS_APP);
    await repo.waitForHeaderButtons();
    const popup = await ff.popup().open();
    const seen = await evaluateInContentScript<{ fetch: string; xhr: string; ownFetch: boolean; status: number | string }>(
      popup.page,
      IOS_APP,
      `(async () => ({
        fetch: typeof content?.fetch,
        xhr: typeof content?.XMLHttpRequest,
        ownFetch: typeof content?.fetch === 'function' && content.fetch !== fetch,
        status: typeof content?.fetch === 'function' ? (await content.fetch(location.href)).status : 'no fetch',
      }))()`,
    );
    // The page's fetch, distinct from the content script's own, and it reaches the page's origin.
    assert.deepEqual(seen, { fetch: 'function', xhr: 'function', ownFetch: true, status: 200 });
  });
});

describe('page actions in Firefox', () => {
  const ff = useFirefox();

  it('shows "Copy clone URL" and "Clone in <client>" on a files page, linked to the branch, and follows a branch switch', async () => {
    const repo = await new FirefoxRepoPage(ff.browser).open(`${IOS_APP}?version=GBdevelop`);
    await repo.waitForHeaderButtons();
    const cloneHref = () =>
      repo.page.evaluate(() => {
        const host = document.querySelector('[data-ado-companion-feature="clone-in-client"]');
        return host?.shadowRoot?.querySelector('a.clone')?.getAttribute('href') ?? null;
      });
    const innerOf = (href: string) => decodeURIComponent(atob(decodeURIComponent(new URL(href).pathname.replace('/link/', ''))));
    let href: string | null = null;
    for (let i = 0; i < 50 && !href; i++) {
      href = await cloneHref();
      if (!href) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(href, 'the Clone button appears');
    assert.match(innerOf(href), /\/b\/develop\?url=/);
    const copyLabel = await repo.page.evaluate(
      () => document.querySelector('[data-ado-companion-feature="copy-clone-url"]')?.shadowRoot?.querySelector('button.copy')?.textContent ?? null,
    );
    assert.equal(copyLabel, 'Copy clone URL');

    await repo.page.evaluate(() => history.pushState({}, '', location.pathname + '?version=GBmain'));
    let switched = '';
    for (let i = 0; i < 50 && !/\/b\/main\?url=/.test(switched); i++) {
      const next = await cloneHref();
      switched = next ? innerOf(next) : '';
      if (!/\/b\/main\?url=/.test(switched)) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(switched, /\/b\/main\?url=/);
    const hosts = await repo.page.evaluate(() => document.querySelectorAll('[data-ado-companion-feature]').length);
    assert.equal(hosts, 3);
  });

  it('a crafted branch in the page URL cannot retarget the GitKraken link', async () => {
    const repo = await new FirefoxRepoPage(ff.browser).open(`${IOS_APP}?version=GB..%2F..%2F..%2Fworkspace%2F0b1d`);
    await repo.waitForHeaderButtons();
    // The inner GitLens link of the Clone button, without its query: no branch, nothing retargeted.
    const innerPath = () =>
      repo.page.evaluate(() => {
        const href = document.querySelector('[data-ado-companion-feature="clone-in-client"]')?.shadowRoot?.querySelector('a.clone')?.getAttribute('href');
        return href ? atob(decodeURIComponent(new URL(href).pathname.replace('/link/', ''))).split('?')[0]! : null;
      });
    assert.equal(await poll(innerPath, 'vscode://eamodio.gitlens/link/r/-'), 'vscode://eamodio.gitlens/link/r/-');
  });

  it('"Copy clone URL" puts the HTTPS clone URL on the clipboard and says so', async () => {
    const repo = await new FirefoxRepoPage(ff.browser).open(IOS_APP);
    await repo.page.waitForSelector('[data-fake-ado-rendered="2"]', { timeout: 10_000 });
    const clipboard = new FirefoxLinkPage(ff.browser);
    await clipboard.setClipboard('before');
    const copy = await repo.page.waitForSelector('pierce/button.copy', { timeout: 10_000 });
    await copy!.click();
    assert.equal(await poll(() => clipboard.clipboard(), IOS_APP), IOS_APP);
    const status = () =>
      repo.page.evaluate(() => document.querySelector('[data-ado-companion-feature="copy-clone-url"]')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? '');
    assert.equal(await poll(status, 'Copied the HTTPS clone URL.'), 'Copied the HTTPS clone URL.');
  });

  it('loads the client menu on demand (tabs.executeScript) and lists the desktop clients', async () => {
    const repo = await new FirefoxRepoPage(ff.browser).open(IOS_APP);
    await repo.waitForHeaderButtons();
    const menuItems = () =>
      repo.page.evaluate(() =>
        [...(document.querySelector('[data-ado-companion-feature="clone-in-client"]')?.shadowRoot?.querySelectorAll('[role=menuitem]') ?? [])].map((item) => item.textContent),
      );
    await repo.page.waitForFunction(() => document.querySelector('[data-ado-companion-feature="clone-in-client"]')?.shadowRoot?.querySelector('button.more'), { timeout: 10_000 });
    assert.deepEqual(await menuItems(), []);
    // A real click (an input action): the page buttons ignore a scripted `.click()`.
    const more = await repo.page.evaluateHandle(() => document.querySelector('[data-ado-companion-feature="clone-in-client"]')!.shadowRoot!.querySelector('button.more')!);
    await more.click();
    let items: (string | null)[] = [];
    for (let i = 0; i < 50 && items.length === 0; i++) {
      items = await menuItems();
      if (items.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(items.includes('Visual Studio Code'), `menu items: ${items.join(', ')}`);
  });

  // Where Azure DevOps changed its markup (docs/azure-devops-pages.md#fallback).
  const inOwnBar = ['own bar', 'own bar', 'own bar'];

  it('shows the buttons in a bar of their own when none of their anchors appears, and they work', async () => {
    const repo = await new FirefoxRepoPage(ff.browser).open(`${IOS_APP}?fake-ado-anchors=unknown`);
    assert.deepEqual(await poll(() => repo.buttonPlaces(), inOwnBar), inOwnBar);
    assert.deepEqual(await repo.buttonNames(), ['Clone in GitKraken Desktop', 'Copy clone URL', 'Create pull request']);
    const clipboard = new FirefoxLinkPage(ff.browser);
    await clipboard.setClipboard('before');
    await (await repo.page.waitForSelector('pierce/button.copy', { timeout: 10_000 }))!.click();
    assert.equal(await poll(() => clipboard.clipboard(), IOS_APP), IOS_APP);
  });

  it('moves the buttons from its own bar to the header when Azure DevOps renders it late: one set', async () => {
    const repo = await new FirefoxRepoPage(ff.browser).open(`${IOS_APP}?fake-ado-anchors=late`);
    assert.deepEqual(await poll(() => repo.buttonPlaces(), inOwnBar), inOwnBar);
    await repo.renderLateAnchors();
    const inHeader = Array(3).fill('repos-files-header-commandbar flex-row flex-center flex-grow scroll-hidden rhythm-horizontal-8');
    assert.deepEqual(await poll(() => repo.buttonPlaces(), inHeader), inHeader);
    assert.equal(await repo.page.evaluate(() => document.querySelectorAll('[data-ado-companion-bar]').length), 0);
  });
});
