import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';

/**
 * A policy an IT department presets (docs/managed-configuration.md), written where Debian's Chromium
 * reads the machine's policies, for a copy of the extension with an id of its own (fixtures.ts).
 */

// Chromium reads policies when it starts: the policy holds for the whole file (its workers launch with it).
test.use({ managedPolicy: { defaultClient: 'vscode', cloneProtocol: 'ssh' } });

test.describe('managed policy: desktop client and clone protocol', () => {
  test('the repositories screen shows both as set by the organization and does not let them change', async ({ popup }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    const client = popup.page.getByRole('combobox', { name: 'Clone with' });
    await expect(client).toHaveValue('vscode');
    await expect(client).toBeDisabled();
    await expect(client).toHaveAccessibleDescription(/Set by your organization/);
    const protocol = popup.page.getByRole('combobox', { name: 'using' });
    await expect(protocol).toHaveValue('ssh');
    await expect(protocol).toBeDisabled();
    await expect(protocol).toHaveAccessibleDescription('Set by your organization');
  });

  test("the page's Clone button opens the client the policy sets, over SSH", async ({ repoPage, serviceWorker }) => {
    // The background writes the policy's choice where the page script reads it, as it starts.
    await expect.poll(() => serviceWorker.evaluate(() => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.get('clone-client'))).toEqual({ 'clone-client': 'vscode' });
    await repoPage.goto('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app');
    await expect(repoPage.page.getByRole('link', { name: 'Clone in Visual Studio Code' })).toHaveAttribute('href', /^vscode:.*ssh\.dev\.azure\.com/);
  });
});
