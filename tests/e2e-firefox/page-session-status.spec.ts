import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useFirefox } from './support/harness';

const IOS_APP = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';

describe('page session status in Firefox', () => {
  const ff = useFirefox();

  // The popup's line "Page actions here use …" runs entrypoints/content/page-session-status in the active
  // tab; Firefox MV2 has only tabs.executeScript, which gives back the script's last value.
  it('the script the popup runs in an Azure DevOps tab gives back who the page is signed in as', async () => {
    const page = await ff.browser.newPage();
    await page.goto(IOS_APP);
    const popup = await ff.popup().open();
    const value = await popup.page.evaluate(async (url: string) => {
      const api = (globalThis as unknown as { browser: typeof browser }).browser;
      const tab = (await api.tabs.query({})).find((t) => t.url === url);
      return (await api.tabs.executeScript(tab!.id!, { file: '/page-session-status.js' }))?.[0];
    }, IOS_APP);
    assert.deepEqual(value, { baseUrl: 'https://dev.azure.com/contoso/', signedIn: true, displayName: 'Jane Doe' });
  });
});
