import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';

/**
 * A policy an IT department presets (docs/managed-configuration.md), written where Debian's Chromium
 * reads the machine's policies, for a copy of the extension with an id of its own (fixtures.ts).
 */

const ONLY_MICROSOFT = "Your organization's policy allows only Microsoft sign-in in ADO Companion.";

// Chromium reads policies when it starts: the policy holds for the whole file (its workers launch with it).
test.use({ managedPolicy: { allowPatSignIn: false } });

test.describe('managed policy: PAT sign-in not allowed', () => {
  test('the connect screen offers only Microsoft sign-in and says it is the policy', async ({ popup }) => {
    await popup.open();
    await expect(popup.connectOAuthButton).toBeVisible();
    await expect(popup.page.getByText(ONLY_MICROSOFT)).toBeVisible();
    await expect(popup.usePatButton).toHaveCount(0);
  });

  test('the background refuses a PAT sent past the popup, naming the policy', async ({ popup }) => {
    await popup.open();
    const answer = await popup.send('accounts.connectPat', { host: 'dev.azure.com/contoso', token: basic.pats.janeContoso });
    expect(answer).toMatchObject({ ok: false, error: { message: ONLY_MICROSOFT } });
  });
});
