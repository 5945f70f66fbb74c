import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { basic } from '../fake-ado/fixtures/basic';
import { useFirefox } from './support/harness';
import { POLICY_ADDON_ID, presetFirefoxPolicy, type PresetFirefoxPolicy } from './support/firefox-policy';
import { button, click, waitForText } from './support/queries';

/**
 * A policy an IT department presets (docs/managed-configuration.md), in Firefox's policies.json for
 * a copy of the add-on with an id of its own, written before the group's own Firefox starts and removed
 * after it: other specs (and worktrees) never see it.
 */
function usePolicy(policy: Record<string, unknown>) {
  let preset: PresetFirefoxPolicy | undefined;
  let skip: string | undefined;
  // Registered before useFirefox's hooks, so the file is there when each Firefox starts.
  before(() => {
    const result = presetFirefoxPolicy(policy);
    if ('skip' in result) skip = result.skip;
    else preset = result;
  });
  after(() => preset?.remove());
  const ff = useFirefox({ extension: () => preset?.extensionDir ?? '', addonId: POLICY_ADDON_ID });
  return { ff, skipped: () => skip };
}

describe('managed policy in Firefox: PAT sign-in not allowed', () => {
  const { ff, skipped } = usePolicy({ allowPatSignIn: false });

  it('the connect screen offers only Microsoft sign-in and says it is the policy', async (t) => {
    if (skipped()) return t.skip(skipped());
    const popup = await ff.popup().open();
    await button(popup.page, 'Connect to Azure DevOps');
    await waitForText(popup.page, "Your organization's policy allows only Microsoft sign-in in ADO Companion.");
    assert.equal(await popup.page.$$eval('button', (buttons) => buttons.filter((b) => b.textContent?.includes('Personal Access Token')).length), 0);
  });
});

describe('managed policy in Firefox: allowed organizations and clone choices', () => {
  const { ff, skipped } = usePolicy({ allowedOrganizations: ['contoso'], defaultClient: 'vscode', cloneProtocol: 'ssh' });

  it('a PAT for an organization the policy does not list is refused with a sentence naming the policy', async (t) => {
    if (skipped()) return t.skip(skipped());
    const popup = await ff.popup().open();
    await popup.connectWithPat('dev.azure.com/fabrikam', basic.pats.janeFabrikam);
    await waitForText(popup.page, "Your organization's policy does not allow ADO Companion to connect to fabrikam", '[role="alert"]');
  });

  it('the repositories screen shows the client and protocol as set by the organization, not changeable', async (t) => {
    if (skipped()) return t.skip(skipped());
    const popup = await ff.popup().open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await click(popup.page, 'Repositories');
    await popup.page.waitForSelector('select[aria-describedby~="client-set-by-policy"]:disabled', { timeout: 10_000 });
    const selects = await popup.page.$$eval('label select', (all) =>
      all.map((select) => ({ value: (select as HTMLSelectElement).value, disabled: (select as HTMLSelectElement).disabled, note: select.nextElementSibling?.textContent?.trim() ?? '' })),
    );
    assert.deepEqual(
      selects.filter((s) => s.disabled),
      [
        { value: 'vscode', disabled: true, note: 'Set by your organization' },
        { value: 'ssh', disabled: true, note: 'Set by your organization' },
      ],
    );
  });
});
