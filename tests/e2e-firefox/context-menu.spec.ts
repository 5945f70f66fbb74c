import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useFirefox } from './support/harness';
import { FirefoxLinkPage } from './pages/link-page';
import { poll } from './support/queries';
import { basic } from '../fake-ado/fixtures/basic';

const HTTPS = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';
const SSH = 'git@ssh.dev.azure.com:v3/contoso/Mobile%20App/ios-app';

const LINKS = {
  'ios-app (old address)': 'https://contoso.visualstudio.com/DefaultCollection/Mobile%20App/_git/ios-app',
  'legacy-app on our server': `${basic.orgs.server.url}/Legacy/_git/legacy-app`,
  'Mobile App board': 'https://dev.azure.com/contoso/Mobile%20App/_boards/board',
  'ios-app on GitHub': 'https://github.com/contoso/ios-app',
};
const ALL = ['Clone in GitKraken Desktop', 'Copy HTTPS clone URL', 'Copy SSH clone URL', 'Open in Azure DevOps'];

describe('context menu on repository links in Firefox', () => {
  const ff = useFirefox();

  it('shows the entries on repository links only, SSH on cloud links only, "Clone in" naming the default client', async () => {
    const links = await new FirefoxLinkPage(ff.browser).open(LINKS);
    assert.deepEqual(await links.rightClick('ios-app (old address)'), ALL);
    // A Server the user has not connected is no Azure DevOps we know of (server-pages.spec.ts connects one).
    assert.deepEqual(await links.rightClick('legacy-app on our server'), []);
    assert.deepEqual(await links.rightClick('Mobile App board'), []);
    assert.deepEqual(await links.rightClick('ios-app on GitHub'), []);

    // The popup and the page buttons store the choice here; the title follows it.
    const popup = await ff.popup().open();
    await popup.page.evaluate(() => browser.storage.local.set({ 'clone-client': 'vscode' }));
    assert.equal((await poll(async () => (await links.rightClick('ios-app (old address)'))[0], 'Clone in Visual Studio Code')), 'Clone in Visual Studio Code');
  });

  it('copies the clone URLs in the dev.azure.com form from a legacy link, with the background page writing the clipboard', async () => {
    const links = await new FirefoxLinkPage(ff.browser).open(LINKS);
    await links.setClipboard('before');
    await links.rightClick('ios-app (old address)');
    await links.choose('Copy HTTPS clone URL');
    assert.equal(await poll(() => links.clipboard(), HTTPS), HTTPS);
    await links.rightClick('ios-app (old address)');
    await links.choose('Copy SSH clone URL');
    assert.equal(await poll(() => links.clipboard(), SSH), SSH);
  });

  it('opens the repository in Azure DevOps in a new tab', async () => {
    const links = await new FirefoxLinkPage(ff.browser).open(LINKS);
    await links.rightClick('ios-app (old address)');
    const opened = ff.browser.waitForTarget((target) => target.url() === HTTPS, { timeout: 10_000 });
    await links.choose('Open in Azure DevOps');
    assert.equal((await opened).url(), HTTPS);
  });
});
