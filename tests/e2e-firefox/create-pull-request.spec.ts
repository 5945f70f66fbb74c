import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basic } from '../fake-ado/fixtures/basic';
import { useFirefox } from './support/harness';
import { FirefoxRepoPage } from './pages/repo-page';
import { poll } from './support/queries';

const IOS_APP = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';

describe('quick "Create pull request" in Firefox', () => {
  const ff = useFirefox();

  async function openDialogOn(url: string) {
    const repo = await new FirefoxRepoPage(ff.browser).open(url);
    await repo.page.waitForSelector('[data-fake-ado-rendered="2"]', { timeout: 10_000 });
    await repo.page.waitForFunction(
      () => document.querySelector('[data-ado-companion-feature="create-pull-request"]')?.shadowRoot?.querySelector('button'),
      { timeout: 10_000 },
    );
    return repo;
  }

  async function createWithTitle(repo: FirefoxRepoPage, title: string) {
    // A real click (an input action): the page buttons ignore a scripted `.click()`.
    const create = await repo.page.evaluateHandle(() => document.querySelector('[data-ado-companion-feature="create-pull-request"]')!.shadowRoot!.querySelector('button')!);
    await create.click();
    const titleValue = () =>
      repo.page.evaluate(
        () =>
          (document.querySelector('[data-ado-companion-feature="pull-request-dialog"]')?.shadowRoot?.querySelector('form input:not([type]):not([role])') as HTMLInputElement | null)
            ?.value ?? null,
      );
    // Defaults from the branch being viewed and its commit.
    assert.equal(await poll(titleValue, 'Work on develop'), 'Work on develop');
    await repo.page.evaluate((title: string) => {
      const input = document.querySelector('[data-ado-companion-feature="pull-request-dialog"]')!.shadowRoot!.querySelector('form input:not([type]):not([role])') as HTMLInputElement;
      input.value = title;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, title);
    ff.fakeAdo.control.clearRequests();
    // A real click: the dialog ignores a script's .click() (docs/security.md).
    const submit = await repo.page.evaluateHandle(
      () => document.querySelector('[data-ado-companion-feature="pull-request-dialog"]')!.shadowRoot!.querySelector('button[type=submit]') as HTMLButtonElement,
    );
    await submit.click();
    const statusText = () =>
      repo.page.evaluate(() => document.querySelector('[data-ado-companion-feature="pull-request-dialog"]')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? '');
    const created = await poll(async () => /Pull request #\d+ created\./.test(await statusText()), true);
    assert.equal(created, true, await statusText());
    const pullRequests = ff.fakeAdo.control.state.data.organizations[0]!.projects.find((p) => p.name === 'Mobile App')!.repositories.find((r) => r.name === 'ios-app')!.pullRequests;
    assert.equal(pullRequests.at(-1)!.title, title);
    return ff.fakeAdo.control.requests().filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.auth}`);
  }

  it('injects the dialog on demand (tabs.executeScript) and, signed out of the web UI, creates the pull request through the stored account', async () => {
    const popup = await ff.popup().open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.waitForSelector(popup.organizationRowSelector('contoso'));
    const repo = await openDialogOn(`${IOS_APP}?version=GBdevelop`);
    ff.fakeAdo.control.endWebSessions();
    assert.deepEqual(await createWithTitle(repo, 'From Firefox'), ['POST pat']);
  });

  it('with the page’s own sign-in and no account: the POST goes through content.fetch, with the page’s cookies and Origin', async () => {
    const repo = await openDialogOn(`${IOS_APP}?version=GBdevelop`);
    // The fake counts the session cookie on a POST only with the page's own Origin.
    assert.deepEqual(await createWithTitle(repo, 'Zero setup in Firefox'), ['POST session']);
  });

  it('with the page’s own sign-in, in a repository of 1,600 more branches, a branch listed after the first 1,000 is picked and its pull request created', async () => {
    const bulk = Array.from({ length: 1600 }, (_, i) => `feature/bulk-${String(i).padStart(4, '0')}`);
    ff.fakeAdo.control.addBranches({ org: 'contoso', repository: 'ios-app', names: [...bulk, 'zz-late-fix'], from: 'feature/1234-login' });
    const repo = await openDialogOn(`${IOS_APP}?version=GBdevelop`);
    const create = await repo.page.evaluateHandle(() => document.querySelector('[data-ado-companion-feature="create-pull-request"]')!.shadowRoot!.querySelector('button')!);
    await create.click();
    const dialogTitle = () =>
      repo.page.evaluate(
        () => (document.querySelector('[data-ado-companion-feature="pull-request-dialog"]')?.shadowRoot?.querySelector('form input:not([type]):not([role])') as HTMLInputElement | null)?.value ?? null,
      );
    assert.equal(await poll(dialogTitle, 'Work on develop'), 'Work on develop');
    const source = await repo.page.evaluateHandle(() => document.querySelector('[data-ado-companion-feature="pull-request-dialog"]')!.shadowRoot!.querySelector('select')!);
    assert.deepEqual(await source.select('zz-late-fix'), ['zz-late-fix']);
    // The title follows the new source's one commit.
    assert.equal(await poll(dialogTitle, 'Work on feature/1234-login'), 'Work on feature/1234-login');
    const submit = await repo.page.evaluateHandle(
      () => document.querySelector('[data-ado-companion-feature="pull-request-dialog"]')!.shadowRoot!.querySelector('button[type=submit]') as HTMLButtonElement,
    );
    await submit.click();
    const statusText = () =>
      repo.page.evaluate(() => document.querySelector('[data-ado-companion-feature="pull-request-dialog"]')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? '');
    assert.equal(await poll(async () => /Pull request #\d+ created\./.test(await statusText()), true), true, await statusText());
    const pullRequests = ff.fakeAdo.control.state.data.organizations[0]!.projects.find((p) => p.name === 'Mobile App')!.repositories.find((r) => r.name === 'ios-app')!.pullRequests;
    assert.equal(pullRequests.at(-1)!.sourceRefName, 'refs/heads/zz-late-fix');
  });

  it('with the page’s own sign-in and no account: the branch’s open pull requests are read with the page’s session', async () => {
    const repo = await new FirefoxRepoPage(ff.browser).open(`${IOS_APP}?version=GBfeature%2F1234-login`);
    const links = () =>
      repo.page.evaluate(() =>
        [...(document.querySelector('[data-ado-companion-feature="show-branch-pull-requests"]')?.shadowRoot?.querySelectorAll('a') ?? [])].map((a) => `${a.textContent} ${a.getAttribute('href')}`),
      );
    const expected = [`#5 ${IOS_APP}/pullrequest/5`];
    assert.deepEqual(await poll(links, expected), expected);
    const asked = ff.fakeAdo.control.requests({ pathIncludes: '/pullrequests' }).map((r) => `${r.method} ${r.auth}`);
    assert.deepEqual(asked, ['GET session']);
  });
});
