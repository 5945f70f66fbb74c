import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';
import { signInWithMicrosoft } from './support/microsoft-sign-in';

/**
 * A policy an IT department presets (docs/managed-configuration.md), written where Debian's Chromium
 * reads the machine's policies, for a copy of the extension with an id of its own (fixtures.ts).
 */

// Chromium reads policies when it starts: the policy holds for the whole file (its workers launch with it).
test.use({ managedPolicy: { allowedOrganizations: ['contoso'], entraClientId: 'contoso-it-ado-companion' } });

test.describe('managed policy: allowed organizations and the Entra app', () => {
  test('a PAT for an organization the policy does not list is refused with a sentence naming the policy', async ({ popup }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/fabrikam', basic.pats.janeFabrikam);
    await expect(popup.alert).toHaveText(/Your organization's policy does not allow ADO Companion to connect to fabrikam/);
  });

  test("Microsoft sign-in uses the policy's Entra app and offers only the allowed organizations", async ({ popup, context, fakeAdo, extensionId }) => {
    // The organization's own app registration is the only one the (fake) Entra knows now.
    fakeAdo.control.registerEntraRedirectUri('contoso-it-ado-companion', `https://${extensionId}.chromiumapp.org/`);
    await popup.open();
    await signInWithMicrosoft(context, popup.page);
    await expect(popup.page.getByRole('heading', { name: 'Choose organizations' })).toBeVisible();
    await expect(popup.page.getByRole('checkbox')).toHaveCount(1);
    await expect(popup.page.getByRole('checkbox', { name: 'contoso' })).toBeChecked();
    await expect(popup.page.getByText("Only the organizations your organization's policy allows are listed.")).toBeVisible();
  });
});

