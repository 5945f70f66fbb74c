import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';

test.describe('accounts: Personal Access Token', () => {
  test('connects with a PAT, shows who is signed in and what the token allows', async ({ popup }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.codeWrite);
    const card = popup.account(/Jane Doe/);
    await expect(card).toBeVisible();
    await expect(card).toContainText('jane@contoso.com');
    await expect(card).toContainText('Personal Access Token');
    await expect(popup.organizationRow('contoso')).toBeVisible();
    // Code: Read & write, no manage: pull requests yes, new repositories no (with the scope to tick).
    await expect(card.locator('li[data-allowed="true"]', { hasText: 'Pull requests' })).toBeVisible();
    await expect(card.locator('li[data-allowed="false"]', { hasText: 'Create repositories' })).toContainText('Code: Read, write & manage');
    // It survives closing the popup.
    await popup.reopen();
    await expect(popup.account(/Jane Doe/)).toBeVisible();
  });

  test('a PAT that expires later is flagged on its account, with a way to enter a new one', async ({ popup, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    fakeAdo.control.expirePat(basic.pats.janeContoso);
    const row = await popup.testConnection('contoso');
    await expect(row.getByRole('alert')).toContainText('expired');
    const card = popup.account(/Jane Doe \(Personal Access Token\)/);
    await expect(card.getByRole('alert').first()).toContainText('This token no longer works');
    await card.getByRole('button', { name: 'Enter a new token' }).click();
    await expect(popup.hostField).toHaveValue('dev.azure.com/contoso');
    await popup.tokenField.fill(basic.pats.janeContosoLegacy);
    await popup.connectButton.click();
    await expect((await popup.testConnection('contoso')).getByRole('status')).toHaveText('Connected as Jane Doe');
    await expect(popup.page.getByRole('article')).toHaveCount(1);
  });

  test('accepts every host form and trims a token pasted with spaces', async ({ popup }) => {
    await popup.open();
    await popup.connectWithPat('https://contoso.visualstudio.com/DefaultCollection/', `  ${basic.pats.janeContoso}\n`);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await popup.connectWithPat('https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_git/fiber-web', basic.pats.janeFabrikam);
    await expect(popup.organizationRow('fabrikam')).toBeVisible();
  });

  test('"Generate a token" opens the organization’s token page and the host survives the popup closing', async ({ popup, context }) => {
    await popup.open();
    await popup.usePatButton.click();
    await popup.hostField.fill('dev.azure.com/contoso');
    const tokenPage = context.waitForEvent('page');
    await popup.generateTokenButton.click();
    expect((await tokenPage).url()).toBe('https://dev.azure.com/contoso/_usersSettings/tokens');
    await popup.reopen();
    await popup.usePatButton.click();
    await expect(popup.hostField).toHaveValue('dev.azure.com/contoso');
    await expect(popup.page.getByText('Code: Read, write & manage').first()).toBeAttached();
  });

  const failures: {
    name: string;
    host: string;
    token: () => string;
    setup?: (control: import('../fake-ado/server').FakeAdo['control']) => void;
    message: RegExp;
  }[] = [
    { name: 'an empty token', host: 'dev.azure.com/contoso', token: () => '   ', message: /Paste your Personal Access Token/ },
    { name: 'a host that is not Azure DevOps', host: 'github.com/contoso/app', token: () => basic.pats.janeContoso, message: /GitHub/ },
    { name: 'an organization that does not exist', host: 'dev.azure.com/no-such-org', token: () => basic.pats.janeContoso, message: /^There is no Azure DevOps organization named no-such-org\./ },
    { name: 'an expired token', host: 'dev.azure.com/contoso', token: () => basic.pats.expired, message: /expired/ },
    { name: 'a token for another organization', host: 'dev.azure.com/contoso', token: () => basic.pats.janeFabrikam, message: /^Azure DevOps did not accept this token for contoso: check it was copied whole, is not revoked, and was made for this organization\.$/ },
    { name: 'a token without the Code scope', host: 'dev.azure.com/contoso', token: () => basic.pats.workOnly, message: /Code \(Read\)/ },
    {
      name: 'a sign-in page instead of JSON (203)',
      host: 'dev.azure.com/contoso',
      token: () => basic.pats.janeContoso,
      setup: (control) => control.setFailures({ signInPage: true }),
      message: /sign-in page/i,
    },
    {
      name: 'Azure DevOps throttling requests (429)',
      host: 'dev.azure.com/contoso',
      token: () => basic.pats.janeContoso,
      setup: (control) => control.setFailures({ throttle: { count: 10, retryAfterSeconds: 120 } }),
      message: /limiting requests.*120 seconds/i,
    },
    {
      name: 'the network being down',
      host: 'dev.azure.com/contoso',
      token: () => basic.pats.janeContoso,
      setup: (control) => control.setFailures({ offline: true }),
      message: /reach|network|offline/i,
    },
  ];

  for (const failure of failures) {
    test(`explains ${failure.name} and keeps what was typed`, async ({ popup, fakeAdo }) => {
      failure.setup?.(fakeAdo.control);
      await popup.open();
      await popup.connectWithPat(failure.host, failure.token());
      await expect(popup.alert).toHaveText(failure.message);
      await expect(popup.alert).not.toHaveText(/^Error$|TypeError|at .*\.js/);
      // Nothing typed is lost.
      await expect(popup.hostField).toHaveValue(failure.host);
      await expect(popup.tokenField).toHaveValue(failure.token());
      // And no token is ever echoed back.
      if (failure.token().trim()) await expect(popup.alert).not.toContainText(failure.token().trim());
    });
  }
});
