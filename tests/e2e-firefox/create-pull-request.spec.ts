import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basic } from '../fake-ado/fixtures/basic';
import { useFirefox } from './support/harness';
import { FirefoxRepoPage } from './pages/repo-page';
import { poll } from './support/queries';

const IOS_APP = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';

describe('quick "Create pull request" in Firefox', () => {
  const ff = useFirefox();

  it('injects the dialog on demand (tabs.executeScript) and creates the pull request through the stored account', async () => {
    const popup = await ff.popup().open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.waitForSelector(popup.organizationRowSelector('contoso'));

    const repo = await new FirefoxRepoPage(ff.browser).open(`${IOS_APP}?version=GBdevelop`);
    await repo.page.waitForSelector('[data-fake-ado-rendered="2"]', { timeout: 10_000 });
    await repo.page.waitForFunction(
      () => document.querySelector('[data-ado-companion-feature="create-pull-request"]')?.shadowRoot?.querySelector('button'),
      { timeout: 10_000 },
    );
    await repo.page.evaluate(() =>
      (document.querySelector('[data-ado-companion-feature="create-pull-request"]')!.shadowRoot!.querySelector('button') as HTMLButtonElement).click(),
    );
    const dialogValue = (selector: string) =>
      repo.page.evaluate(
        (selector: string) =>
          (document.querySelector('[data-ado-companion-feature="pull-request-dialog"]')?.shadowRoot?.querySelector(selector) as HTMLInputElement | null)?.value ?? null,
        selector,
      );
    // Defaults from the branch being viewed and its commit.
    assert.equal(await poll(() => dialogValue('form input:not([type]):not([role])'), 'Work on develop'), 'Work on develop');

    await repo.page.evaluate(() => {
      const input = document.querySelector('[data-ado-companion-feature="pull-request-dialog"]')!.shadowRoot!.querySelector('form input:not([type]):not([role])') as HTMLInputElement;
      input.value = 'From Firefox';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    ff.fakeAdo.control.clearRequests();
    await repo.page.evaluate(() =>
      (document.querySelector('[data-ado-companion-feature="pull-request-dialog"]')!.shadowRoot!.querySelector('button[type=submit]') as HTMLButtonElement).click(),
    );
    const statusText = () =>
      repo.page.evaluate(() => document.querySelector('[data-ado-companion-feature="pull-request-dialog"]')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? '');
    const created = await poll(async () => /Pull request #\d+ created\./.test(await statusText()), true);
    assert.equal(created, true, await statusText());

    const pullRequests = ff.fakeAdo.control.state.data.organizations[0]!.projects.find((p) => p.name === 'Mobile App')!.repositories.find((r) => r.name === 'ios-app')!.pullRequests;
    assert.equal(pullRequests.at(-1)!.title, 'From Firefox');
    assert.deepEqual(
      ff.fakeAdo.control.requests().filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.auth}`),
      ['POST pat'],
    );
  });
});
