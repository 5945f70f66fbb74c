import type { Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';

async function openForks(page: Page, repository: string) {
  await page.getByRole('button', { name: 'Repositories' }).click();
  // The list shows only the rows in view: find it first.
  await page.getByRole('searchbox', { name: 'Filter repositories' }).fill(repository);
  const row = page.getByRole('list', { name: 'Repositories' }).locator(`[data-repository="${repository}"]`);
  await row.getByRole('button', { name: `Forks of ${repository}` }).click();
  await expect(page.getByRole('heading', { name: `Forks of ${repository}` })).toBeFocused();
}

test.describe('popup: forks and remotes', () => {
  test.beforeEach(async ({ context, popup }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.open();
  });

  test('lists a repository’s forks and copies `git remote add` with an editable name', async ({ popup }) => {
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await openForks(popup.page, 'web-portal');
    const fork = popup.page.getByRole('list', { name: 'Forks of web-portal' }).locator('[data-fork="web-portal-fork"]');
    await expect(fork).toContainText('Platform / web-portal-fork');
    const name = fork.getByRole('textbox', { name: 'Remote name' });
    await expect(name).toHaveValue('platform');
    await name.fill('upstream fork');
    await expect(fork.getByRole('button', { name: 'Add as remote' })).toBeDisabled();
    await name.fill('jane');
    await fork.getByRole('button', { name: 'Add as remote' }).click();
    expect(await popup.page.evaluate(() => navigator.clipboard.readText())).toBe('git remote add jane https://dev.azure.com/contoso/Platform/_git/web-portal-fork');
    expect(await axeViolations(popup.page)).toEqual([]);
  });

  test('creates a fork: progress while Azure DevOps copies it, clone offered only once it is ready', async ({ popup, fakeAdo }) => {
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await openForks(popup.page, 'ios-app');
    await expect(popup.page.getByText('No forks yet.')).toBeVisible();
    // Another project than the repository's by default (same name, no clash).
    await expect(popup.page.getByRole('combobox', { name: 'Project', exact: true })).not.toHaveValue(basic.projects.mobileApp.id);
    await popup.page.getByRole('combobox', { name: 'Project', exact: true }).selectOption({ label: 'Platform' });
    fakeAdo.control.setFailures({ forkSync: 'hold' });
    await popup.page.getByRole('button', { name: 'Create fork' }).click();
    const status = popup.page.getByRole('status').filter({ hasText: /Queued|Copying/ });
    await expect(status).toContainText('Queued');
    await expect(popup.page.getByRole('link', { name: /Clone in/ })).toHaveCount(0);
    expect(await axeViolations(popup.page)).toEqual([]);

    fakeAdo.control.setFailures({ forkSync: 'advance' });
    await expect(popup.page.locator('section[aria-labelledby="create-fork-title"]').getByRole('status')).toHaveText('Ready.', { timeout: 10_000 });
    const fork = popup.page.getByRole('list', { name: 'New fork' }).locator('[data-repository="ios-app"]');
    await expect(fork).toContainText('contoso / Platform');
    await expect(fork.getByRole('link', { name: /Clone in/ })).toBeVisible();
    // The list above now has it too.
    await expect(popup.page.getByRole('list', { name: 'Forks of ios-app' })).toContainText('Platform / ios-app');
  });

  test('a copy that fails says so', async ({ popup, fakeAdo }) => {
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await openForks(popup.page, 'ios-app');
    fakeAdo.control.setFailures({ forkSync: 'fail' });
    await popup.page.getByRole('button', { name: 'Create fork' }).click();
    await expect(popup.page.getByText('Azure DevOps could not copy the repository into the fork.')).toBeVisible({ timeout: 10_000 });
  });

  test('names each refusal and keeps the form: name taken, forks off by policy', async ({ popup, fakeAdo }) => {
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await openForks(popup.page, 'ios-app');
    const projectField = popup.page.getByRole('combobox', { name: 'Project', exact: true });
    await projectField.selectOption({ label: 'Mobile App' });
    await popup.page.getByRole('button', { name: 'Create fork' }).click();
    await expect(popup.page.getByRole('alert')).toContainText('already exists');
    await expect(popup.page.getByLabel('Fork name')).toHaveValue('ios-app');

    await popup.page.getByLabel('Fork name').fill('ios-app-2');
    fakeAdo.control.setFailures({ forksDisabledIn: ['contoso'] });
    await popup.page.getByRole('button', { name: 'Create fork' }).click();
    await expect(popup.page.getByRole('alert')).toContainText('Forks are disabled');
    await expect(popup.page.getByLabel('Fork name')).toHaveValue('ios-app-2');
    await expect(projectField).toHaveValue(basic.projects.mobileApp.id);
  });

  test('without the permission to create repositories in the project, says which permission', async ({ popup }) => {
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.samContoso);
    await openForks(popup.page, 'ios-app');
    await popup.page.getByRole('combobox', { name: 'Project', exact: true }).selectOption({ label: 'Mobile App' });
    await popup.page.getByLabel('Fork name').fill('ios-app-sam');
    await popup.page.getByRole('button', { name: 'Create fork' }).click();
    await expect(popup.page.getByRole('alert')).toContainText('it lacks the Git permission “CreateRepository”');
  });
});
