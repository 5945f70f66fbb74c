import { axeViolations } from './support/axe';
import { test, expect } from './fixtures';
import type { FakeAdo } from '../fake-ado/server';
import { basic } from '../fake-ado/fixtures/basic';
import { DEFAULT_CLIENT_ID, desktopClient } from '../../lib/clients/desktop-clients';

const contosoProject = (fakeAdo: FakeAdo, name: string) =>
  fakeAdo.control.state.data.organizations.find((o) => o.name === 'contoso')!.projects.find((p) => p.name === name)!;

test.describe('popup: new repository', () => {
  test('creates a repository with README, .gitignore and license in one commit on main, then offers clone and copy', async ({ popup, context, fakeAdo }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await popup.openNewRepository();
    const page = popup.page;

    await popup.projectSelect.selectOption({ label: 'Platform' });
    await popup.repositoryNameField.fill('billing-service');
    await expect(page.getByRole('checkbox', { name: 'Add a README' })).toBeChecked();
    await page.getByRole('combobox', { name: '.gitignore template' }).selectOption({ label: 'Node' });
    await page.getByRole('combobox', { name: 'License' }).selectOption({ label: 'MIT License' });
    // The holder defaults to the account's name.
    const holder = page.getByRole('textbox', { name: 'Copyright holder' });
    await expect(holder).toHaveValue('Jane Doe');
    await holder.fill('Contoso Ltd');
    expect(await axeViolations(page), 'new repository form').toEqual([]);

    await popup.createRepositoryButton.click();
    await expect(popup.createdRepository).toContainText('Created billing-service in contoso / Platform with README.md, .gitignore, LICENSE in its first commit.');

    // Azure DevOps holds exactly one commit with the three files, year and holder filled in.
    const repo = contosoProject(fakeAdo, 'Platform').repositories.find((r) => r.name === 'billing-service')!;
    expect(repo.defaultBranch).toBe('refs/heads/main');
    const commits = fakeAdo.control.state.commitsOf(repo.id);
    expect(commits).toHaveLength(1);
    expect(fakeAdo.control.state.pushesOf(repo.id)).toHaveLength(1);
    expect(Object.keys(commits[0]!.tree).sort()).toEqual(['/.gitignore', '/LICENSE', '/README.md']);
    expect(commits[0]!.tree['/README.md']).toBe('# billing-service\n');
    expect(commits[0]!.tree['/.gitignore']).toContain('node_modules/');
    expect(commits[0]!.tree['/LICENSE']).toContain(`Copyright (c) ${new Date().getFullYear()} Contoso Ltd`);

    // Clone and copy, as on the repositories screen.
    const row = popup.createdRepository.locator('[data-repository="billing-service"]');
    const httpsUrl = 'https://dev.azure.com/contoso/Platform/_git/billing-service';
    const cloneLink = desktopClient(DEFAULT_CLIENT_ID).link({ httpsUrl, sshUrl: 'git@ssh.dev.azure.com:v3/contoso/Platform/billing-service', protocol: 'https', branch: null })!;
    await expect(row.getByRole('link', { name: 'Clone in GitKraken Desktop' })).toHaveAttribute('href', cloneLink);
    await row.getByRole('button', { name: 'Copy HTTPS URL' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(httpsUrl);
    expect(await axeViolations(page), 'repository created').toEqual([]);

    // The repository list shows it.
    await page.getByRole('button', { name: 'Repositories' }).click();
    await page.getByRole('searchbox', { name: 'Filter repositories' }).fill('billing');
    await expect(page.getByRole('list', { name: 'Repositories' }).locator('[data-repository="billing-service"]')).toContainText('contoso / Platform · main');
  });

  test('with no file chosen, creates an empty repository and pushes nothing', async ({ popup, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await popup.openNewRepository();
    await popup.projectSelect.selectOption({ label: 'Platform' });
    await popup.repositoryNameField.fill('empty-one');
    await popup.page.getByRole('checkbox', { name: 'Add a README' }).uncheck();
    await popup.createRepositoryButton.click();
    await expect(popup.createdRepository).toContainText('Created empty-one in contoso / Platform, empty.');
    const repo = contosoProject(fakeAdo, 'Platform').repositories.find((r) => r.name === 'empty-one')!;
    expect(repo.defaultBranch).toBeUndefined();
    expect(fakeAdo.control.requests({ method: 'POST', pathIncludes: '/pushes' })).toEqual([]);
    await expect(popup.createdRepository.locator('[data-repository="empty-one"]')).toContainText('· empty');
  });

  test('refuses a name Azure DevOps would refuse as it is typed, and sends nothing', async ({ popup, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await popup.openNewRepository();
    fakeAdo.control.clearRequests();

    await popup.repositoryNameField.fill('release#2');
    await expect(popup.repositoryNameField).toHaveAttribute('aria-invalid', 'true');
    await expect(popup.repositoryNameField).toHaveAccessibleDescription('A repository name cannot contain “#”.');
    await popup.createRepositoryButton.click();
    await expect(popup.repositoryNameField).toBeFocused();
    await popup.repositoryNameField.fill('.hidden');
    await expect(popup.repositoryNameField).toHaveAccessibleDescription('A repository name cannot start with a period.');
    await popup.createRepositoryButton.click();
    expect(fakeAdo.control.requests()).toEqual([]);
    expect(await axeViolations(popup.page), 'invalid name').toEqual([]);

    await popup.repositoryNameField.fill('release-2');
    await expect(popup.repositoryNameField).toHaveAttribute('aria-invalid', 'false');
  });

  test('a taken name: Azure DevOps’ sentence, and the form keeps what was typed', async ({ popup, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await popup.openNewRepository();
    await popup.projectSelect.selectOption({ label: 'Platform' });
    await popup.repositoryNameField.fill('Web-Portal');
    await popup.page.getByRole('combobox', { name: '.gitignore template' }).selectOption({ label: 'Go' });
    await popup.createRepositoryButton.click();
    await expect(popup.alert).toHaveText('A Git repository with the name Web-Portal already exists. Choose another name.');
    await expect(popup.repositoryNameField).toHaveValue('Web-Portal');
    await expect(popup.projectSelect).toHaveValue(basic.projects.platform.id);
    await expect(popup.page.getByRole('combobox', { name: '.gitignore template' })).toHaveValue('Go');
    expect(contosoProject(fakeAdo, 'Platform').repositories.filter((r) => r.name.toLowerCase() === 'web-portal')).toHaveLength(1);
    expect(await axeViolations(popup.page), 'name taken').toEqual([]);
  });

  test('a user without the Create repository permission in the project (403) is told so, the form kept', async ({ popup, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.samContoso);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await popup.openNewRepository();
    await popup.projectSelect.selectOption({ label: 'Mobile App' });
    await popup.repositoryNameField.fill('sams-app');
    fakeAdo.control.clearRequests();
    await popup.createRepositoryButton.click();
    await expect(popup.alert).toHaveText(
      'Your account may not do this in contoso: it lacks the Git permission “CreateRepository”. Ask a project administrator for it, or pick another project.',
    );
    await expect(popup.repositoryNameField).toHaveValue('sams-app');
    expect(fakeAdo.control.requests({ method: 'POST', pathIncludes: '_apis/git/repositories' }).map((r) => r.status)).toEqual([403]);
    expect(contosoProject(fakeAdo, 'Mobile App').repositories.map((r) => r.name)).not.toContain('sams-app');
  });

  test('a token without Code (Read, write & manage) is told which scope to add, the form kept', async ({ popup, fakeAdo }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.codeWrite);
    await expect(popup.organizationRow('contoso')).toBeVisible();
    await popup.openNewRepository();
    await popup.repositoryNameField.fill('scoped');
    await popup.page.getByRole('combobox', { name: 'License' }).selectOption({ label: 'Apache License 2.0' });
    await popup.createRepositoryButton.click();
    await expect(popup.alert).toContainText('it needs the scope “Code: Read, write & manage”');
    await expect(popup.repositoryNameField).toHaveValue('scoped');
    await expect(popup.page.getByRole('combobox', { name: 'License' })).toHaveValue('Apache-2.0');
    expect(fakeAdo.control.requests({ method: 'POST', pathIncludes: '/pushes' })).toEqual([]);
  });
});
