import { axeViolations } from './support/axe';
import type { BrowserContext, Page } from '@playwright/test';
import type { PopupPage } from './pages/popup';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';
import { signInAsJane } from './support/microsoft-sign-in';

async function expectNoViolations(page: Page, screen: string) {
  expect(await axeViolations(page), screen).toEqual([]);
}

/** The popup open with the clipboard allowed and contoso connected with a PAT. */
async function connectedToContoso(popup: PopupPage, context: BrowserContext) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await popup.open();
  await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
  await expect(popup.organizationRow('contoso')).toBeVisible();
}

/** The real ssh-keygen judges what the popup made. */
function sshKeygen(file: string, ...args: string[]): string {
  return execFileSync('ssh-keygen', [...args, '-f', file], { encoding: 'utf8' }).trim();
}

test.describe('popup: SSH key', () => {
  let dir: string;
  test.beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssh-key-e2e-'));
  });
  test.afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('generates a key: public key on the clipboard, private key offered as a download, added to a connected organization', async ({ popup, context, fakeAdo }) => {
    test.setTimeout(60_000);
    await connectedToContoso(popup, context);

    await popup.sshKeyButton.click();
    await expect(popup.page.getByRole('heading', { name: 'SSH key' })).toBeFocused();
    await popup.page.getByLabel('Key comment').fill('jane@laptop');
    await popup.generateSshKeyButton.click();
    await expect(popup.page.getByText('The public key is on the clipboard.')).toBeVisible({ timeout: 20_000 });

    // The clipboard holds one ssh-rsa line that ssh-keygen reads, with the fingerprint the popup shows.
    const publicKey = await popup.page.evaluate(() => navigator.clipboard.readText());
    expect(publicKey).toMatch(/^ssh-rsa AAAAB3NzaC1yc2E[A-Za-z0-9+/]+=* jane@laptop$/);
    fs.writeFileSync(path.join(dir, 'key.pub'), `${publicKey}\n`);
    const fingerprint = await popup.sshKeyFingerprint();
    expect(sshKeygen(path.join(dir, 'key.pub'), '-l', '-E', 'sha256')).toBe(`3072 ${fingerprint} jane@laptop (RSA)`);
    await expect(popup.page.locator('code.command-lines')).toHaveText(
      'Host ssh.dev.azure.com\n  IdentityFile ~/.ssh/id_rsa_azure_devops\n  IdentitiesOnly yes',
    );

    // The private key is a download in OpenSSH format, and gives back the same public key.
    const downloading = popup.page.waitForEvent('download');
    await popup.privateKeyDownload.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('id_rsa_azure_devops');
    const privatePath = path.join(dir, 'id_rsa_azure_devops');
    await download.saveAs(privatePath);
    fs.chmodSync(privatePath, 0o600);
    expect(fs.readFileSync(privatePath, 'utf8')).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n/);
    expect(sshKeygen(privatePath, '-y')).toBe(publicKey);

    await expectNoViolations(popup.page, 'SSH key generated');

    const row = popup.sshKeyOrganization('contoso');
    await row.getByRole('button', { name: 'Add to contoso' }).click();
    await expect(row.getByRole('status')).toContainText('Added to contoso.');
    const keys = fakeAdo.control.state.data.organizations.find((o) => o.name === 'contoso')?.sshKeys ?? [];
    expect(keys.map((k) => k.publicData)).toEqual([publicKey]);
    await expectNoViolations(popup.page, 'SSH key added');
  });

  test('where Azure DevOps refuses to add the key, the settings page is the way, with the key put back on the clipboard', async ({ popup, context, fakeAdo }) => {
    test.setTimeout(60_000);
    await connectedToContoso(popup, context);
    fakeAdo.control.setFailures({ sshKeyRefusal: 403 });

    await popup.sshKeyButton.click();
    await popup.generateSshKeyButton.click();
    await expect(popup.page.getByText('The public key is on the clipboard.')).toBeVisible({ timeout: 20_000 });
    const publicKey = await popup.page.evaluate(() => navigator.clipboard.readText());

    const contoso = popup.sshKeyOrganization('contoso');
    await expect(contoso.getByRole('button', { name: 'Open SSH keys settings' })).toHaveCount(0);
    await contoso.getByRole('button', { name: 'Add to contoso' }).click();
    await expect(contoso.getByRole('alert')).toHaveText(
      'Azure DevOps did not let ADO Companion add the key to contoso: its SSH key service is not open to this sign-in. ' +
        'Open the SSH keys settings page, choose “New Key” and paste the public key from the clipboard.',
    );
    await expectNoViolations(popup.page, 'SSH key refused');

    // Clear the clipboard to see that opening the page puts the key back on it.
    await popup.page.evaluate(() => navigator.clipboard.writeText(''));
    const settingsPage = context.waitForEvent('page');
    await contoso.getByRole('button', { name: 'Open SSH keys settings' }).click();
    const page = await settingsPage;
    await page.waitForLoadState();
    expect(page.url()).toBe('https://dev.azure.com/contoso/_usersSettings/keys');
    await expect(page.getByText('SSH public keys').first()).toBeVisible();
    expect(await popup.page.evaluate(() => navigator.clipboard.readText())).toBe(publicKey);
    expect(fakeAdo.control.state.data.organizations.find((o) => o.name === 'contoso')?.sshKeys ?? []).toEqual([]);
  });

  test('an account connected while Azure DevOps refused the key API is offered the settings page, not an add', async ({ popup, context, fakeAdo }) => {
    test.setTimeout(60_000);
    await connectedToContoso(popup, context);
    // fabrikam is connected while the key API refuses: its account is marked as unable to add keys.
    fakeAdo.control.setFailures({ sshKeyRefusal: 'html' });
    await popup.connectWithPat('dev.azure.com/fabrikam', basic.pats.janeFabrikam);
    await expect(popup.organizationRow('fabrikam')).toBeVisible();

    await popup.sshKeyButton.click();
    await popup.generateSshKeyButton.click();
    await expect(popup.page.getByText('The public key is on the clipboard.')).toBeVisible({ timeout: 20_000 });
    const fabrikam = popup.sshKeyOrganization('fabrikam');
    await expect(fabrikam.getByRole('button', { name: 'Open SSH keys settings' })).toBeVisible();
    await expect(fabrikam.getByRole('button', { name: 'Add to fabrikam' })).toHaveCount(0);
    const contoso = popup.sshKeyOrganization('contoso');
    await expect(contoso.getByRole('button', { name: 'Add to contoso' })).toBeVisible();
    await expect(contoso.getByRole('button', { name: 'Open SSH keys settings' })).toHaveCount(0);
  });

  test('a Microsoft sign-in (not probed for SSH keys) adds the key to each chosen organization', async ({ popup, context, fakeAdo }) => {
    test.setTimeout(60_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.open();
    const authWindow = context.waitForEvent('page');
    await popup.connectOAuthButton.click();
    await signInAsJane(await authWindow);
    await expect(popup.page.getByRole('heading', { name: 'Choose organizations' })).toBeVisible();
    for (const box of await popup.page.getByRole('checkbox').all()) {
      await box.setChecked((await box.locator('xpath=..').innerText()).trim() === 'contoso');
    }
    await popup.page.getByRole('button', { name: /^Use \d+ organizations?$/ }).click();
    await expect(popup.organizationRow('contoso')).toBeVisible();

    await popup.sshKeyButton.click();
    await popup.generateSshKeyButton.click();
    await expect(popup.page.getByText('The public key is on the clipboard.')).toBeVisible({ timeout: 20_000 });
    const row = popup.sshKeyOrganization('contoso');
    await row.getByRole('button', { name: 'Add to contoso' }).click();
    await expect(row.getByRole('status')).toContainText('Added to contoso.');
    const publicKey = await popup.page.evaluate(() => navigator.clipboard.readText());
    const keys = fakeAdo.control.state.data.organizations.find((o) => o.name === 'contoso')?.sshKeys ?? [];
    expect(keys.map((k) => k.publicData)).toEqual([publicKey]);
  });
});
