import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basic } from '../fake-ado/fixtures/basic';
import { useFirefox } from './support/harness';
import { FirefoxRepoPage } from './pages/repo-page';
import { FirefoxLinkPage } from './pages/link-page';
import { click, poll, waitForText } from './support/queries';
import { clickToolbarButton } from './support/browser-window';
import { SSH_UNKNOWN } from '../../entrypoints/content/page-menus/page-menus';

const LEGACY_APP = `${basic.orgs.server.url}/Legacy/_git/legacy-app`;
const SERVER_ORIGIN = new URL(basic.orgs.server.url).origin;
// The server's configured SSH form, as its repository answer states it (tests/fake-ado/shapes.ts).
const LEGACY_APP_SSH = 'ssh://tfs.contoso.test:22/tfs/DefaultCollection/Legacy/_git/legacy-app';

// Azure DevOps Server's own pages (docs/azure-devops-hosts.md#server-pages): the page script comes
// with the host permission the user grants when connecting the collection.
describe('Azure DevOps Server pages in Firefox', () => {
  const ff = useFirefox();

  /** Connects the Server collection in the popup (a real click on Connect grants the host) and waits for the page script's registration. */
  async function connectServer() {
    const popup = await ff.popup().open();
    await popup.connectWithPat(basic.orgs.server.url, basic.pats.janeServer);
    await popup.page.waitForSelector(popup.organizationRowSelector('DefaultCollection'), { timeout: 10_000 });
    const registered = () =>
      popup.page.evaluate(async () => {
        const scripting = (globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } }).browser.scripting;
        return (await scripting.getRegisteredContentScripts()).map((script) => script.id);
      });
    const expected = [`server-page:${SERVER_ORIGIN}`];
    assert.deepEqual(await poll(registered, expected), expected);
    return popup;
  }

  async function openRepository(url: string) {
    const repo = await new FirefoxRepoPage(ff.browser).open(url);
    await repo.waitForHeaderButtons();
    return repo;
  }

  const copyMenuItems = (repo: FirefoxRepoPage) =>
    repo.page.evaluate(() => [...(document.querySelector('[data-ado-companion-feature="copy-clone-url"]')?.shadowRoot?.querySelectorAll('[role=menuitem]') ?? [])].map((item) => item.textContent));

  const shadowButton = (repo: FirefoxRepoPage, feature: string, selector: string) =>
    repo.page.evaluateHandle((feature: string, selector: string) => document.querySelector(`[data-ado-companion-feature="${feature}"]`)!.shadowRoot!.querySelector(selector) as HTMLElement, feature, selector);

  it('shows no buttons on a Server page before the collection is connected', async () => {
    const repo = await new FirefoxRepoPage(ff.browser).open(LEGACY_APP);
    await repo.waitForView('files');
    assert.deepEqual(await repo.buttonNames(), []);
  });

  it('on a Server page visited signed in but never connected, the popup enables page actions there with one click', async () => {
    const repo = await new FirefoxRepoPage(ff.browser).open(LEGACY_APP);
    await repo.waitForView('files');
    await clickToolbarButton(ff.browser);
    const popup = await ff.popup().open();
    await click(popup.page, 'Enable page actions on tfs.contoso.test');
    await waitForText(popup.page, 'Page actions are on for tfs.contoso.test. Reload the page to see them.');
    await repo.page.reload();
    await repo.waitForHeaderButtons();
    const expected = ['Clone in GitKraken Desktop', 'Copy clone URL', 'Create pull request'];
    assert.deepEqual(await poll(() => repo.buttonNames(), expected), expected);
  });

  it('connecting the collection puts "Clone in …", "Copy clone URL", "Create pull request" and the branch’s open pull requests on its repository pages', async () => {
    await connectServer();
    const repo = await openRepository(`${LEGACY_APP}?version=GBdevelop`);
    const expected = ['Clone in GitKraken Desktop', 'Copy clone URL', 'Create pull request', 'Pull request 1: Port to .NET 8, into main'];
    assert.deepEqual(await poll(() => repo.buttonNames(), expected), expected);
  });

  it('"Copy clone URL" copies the page’s own HTTPS URL, and its menu the SSH URL exactly as the server states it', async () => {
    await connectServer();
    const repo = await openRepository(LEGACY_APP);
    const clipboard = new FirefoxLinkPage(ff.browser);
    await clipboard.setClipboard('before');
    await (await shadowButton(repo, 'copy-clone-url', 'button.copy')).click();
    assert.equal(await poll(() => clipboard.clipboard(), LEGACY_APP), LEGACY_APP);

    await (await shadowButton(repo, 'copy-clone-url', 'button.more')).click();
    const expectedItems = ['Copy HTTPS URL', 'Copy SSH URL', 'Copy git clone command'];
    assert.deepEqual(await poll(() => copyMenuItems(repo), expectedItems), expectedItems);
    await (await shadowButton(repo, 'copy-clone-url', 'li:nth-child(2) button')).click();
    assert.equal(await poll(() => clipboard.clipboard(), LEGACY_APP_SSH), LEGACY_APP_SSH);
  });

  it('the copy menu says the SSH URL is not known when the server states none (SSH turned off)', async () => {
    await connectServer();
    ff.fakeAdo.control.setServerSsh({ enabled: false });
    const repo = await openRepository(LEGACY_APP);
    await (await shadowButton(repo, 'copy-clone-url', 'button.more')).click();
    const expectedItems = ['Copy HTTPS URL', 'SSH URL not known', 'Copy git clone command'];
    assert.deepEqual(await poll(() => copyMenuItems(repo), expectedItems), expectedItems);
    await (await shadowButton(repo, 'copy-clone-url', 'li:nth-child(2) button')).click();
    const status = () => repo.page.evaluate(() => document.querySelector('[data-ado-companion-feature="copy-clone-url"]')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? '');
    assert.equal(await poll(status, SSH_UNKNOWN), SSH_UNKNOWN);
  });

  it('the context menu takes links to the connected Server’s repositories, without an SSH entry', async () => {
    const links = await new FirefoxLinkPage(ff.browser).open({ 'legacy-app on our server': LEGACY_APP });
    assert.deepEqual(await links.rightClick('legacy-app on our server'), []);
    await connectServer();
    const expected = ['Clone in GitKraken Desktop', 'Copy HTTPS clone URL', 'Open in Azure DevOps'];
    assert.deepEqual(await poll(() => links.rightClick('legacy-app on our server'), expected), expected);
    await links.setClipboard('before');
    await links.choose('Copy HTTPS clone URL');
    assert.equal(await poll(() => links.clipboard(), LEGACY_APP), LEGACY_APP);
  });

  it('"Create pull request" creates it with the page’s own sign-in, at the api-version the server accepts', async () => {
    await connectServer();
    // The fixture's develop → main pull request is done with, so the branch can have a new one.
    ff.fakeAdo.control.changePullRequest({ org: 'DefaultCollection', pullRequestId: 1, status: 'abandoned' });
    const repo = await openRepository(`${LEGACY_APP}?version=GBdevelop`);
    await (await shadowButton(repo, 'create-pull-request', 'button')).click();
    const dialog = '[data-ado-companion-feature="pull-request-dialog"]';
    const submit = await repo.page.waitForFunction((dialog: string) => document.querySelector(dialog)?.shadowRoot?.querySelector('button[type=submit]:not([disabled])'), { timeout: 10_000 }, dialog);
    ff.fakeAdo.control.clearRequests();
    await (submit as unknown as { click(): Promise<void> }).click();
    const statusText = () => repo.page.evaluate((dialog: string) => document.querySelector(dialog)?.shadowRoot?.querySelector('[role=status]')?.textContent ?? '', dialog);
    const created = await poll(async () => /Pull request #\d+ created\./.test(await statusText()), true);
    assert.equal(created, true, await statusText());
    const posts = ff.fakeAdo.control.requests({ method: 'POST', host: 'tfs.contoso.test' }).map((r) => `${r.auth} ${r.status}`);
    assert.deepEqual(posts, ['session 201']);
  });

  it('on a Server older than drafts (REST API 4.1), the dialog turns "Create as draft" off and says which version drafts need', async () => {
    ff.fakeAdo.control.setServerApiVersion('4.1');
    await connectServer();
    const repo = await openRepository(`${LEGACY_APP}?version=GBdevelop`);
    await (await shadowButton(repo, 'create-pull-request', 'button')).click();
    const dialog = '[data-ado-companion-feature="pull-request-dialog"]';
    await repo.page.waitForFunction((dialog: string) => document.querySelector(dialog)?.shadowRoot?.querySelector('button[type=submit]:not([disabled])'), { timeout: 10_000 }, dialog);
    const draftBox = await repo.page.evaluate((dialog: string) => {
      const root = document.querySelector(dialog)!.shadowRoot!;
      const box = [...root.querySelectorAll('label')].find((label) => label.textContent?.includes('Create as draft'))!.querySelector('input')!;
      return { disabled: box.disabled, checked: box.checked, said: root.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent };
    }, dialog);
    assert.deepEqual(draftBox, {
      disabled: true,
      checked: false,
      said: 'Draft pull requests need REST API version 5.0 (Azure DevOps Server 2019 or later), and tfs.contoso.test supports 4.1. Ask your administrator to update Azure DevOps Server.',
    });
  });
});

