import type { Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { dumpExtensionStorage } from './support/dump-extension-storage';
import { basic } from '../fake-ado/fixtures/basic';
import type { FakeAdo } from '../fake-ado/server';
import { test, expect } from './fixtures';

const IOS = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';
const JANE_PAT = basic.pats.janeContoso;

function iosRepository(fakeAdo: FakeAdo) {
  const org = fakeAdo.control.state.data.organizations.find((o) => o.name === 'contoso')!;
  const project = org.projects.find((p) => p.name === 'Mobile App')!;
  return project.repositories.find((r) => r.name === 'ios-app')!;
}

const iosPullRequests = (fakeAdo: FakeAdo) => iosRepository(fakeAdo).pullRequests;

/** As if the user signed out of Azure DevOps in another tab: this page still shows, its sign-in is gone. */
function signOutOfTheWebUi(fakeAdo: FakeAdo) {
  fakeAdo.control.endWebSessions();
}

async function openDialog(page: Page) {
  // After Azure DevOps' second render, which replaces the header (and our button with it).
  await expect(page.locator('[data-fake-ado-rendered="2"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Create pull request' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create pull request' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('quick "Create pull request" on repository pages', () => {
  test.beforeEach(async ({ popup }) => {
    await popup.open();
  });

  test('creates a draft PR with reviewers, work items and auto-complete through the stored account: one POST and one PATCH', async ({ popup, repoPage, fakeAdo }) => {
    // Every field of the dialog is used: 16–21 s with two other workers on two cores.
    test.setTimeout(60_000);
    await popup.connectWithPat('dev.azure.com/contoso', JANE_PAT);
    await expect(popup.account(/Jane Doe/)).toBeVisible();
    await repoPage.goto(`${IOS}?version=GBfeature%2F1234-login`);
    signOutOfTheWebUi(fakeAdo);
    const page = repoPage.page;
    const dialog = await openDialog(page);
    await expect(page.locator('[data-ado-companion-feature="create-pull-request"]')).toHaveCount(1);

    // Defaults: the branch being viewed into the default branch, the title from its one commit, the work item from its name.
    await expect(dialog.getByLabel('Source branch')).toHaveValue('feature/1234-login');
    await expect(dialog.getByLabel('Target branch')).toHaveValue('main');
    await expect(dialog.getByLabel('Title')).toHaveValue('Work on feature/1234-login');
    await expect(dialog.getByText('1 commit to merge.')).toBeVisible();
    await expect(dialog.getByLabel('Work items')).toHaveValue('1234');
    await expect(dialog.getByText('#1234 User Story: Login page (Active)')).toBeVisible();
    // The target's branch policy adds its group anyway: shown, not offered.
    await expect(dialog.getByRole('list', { name: 'Added by branch policies' })).toContainText('[Mobile App]\\Security Reviewers');
    await expect(dialog.getByRole('list', { name: 'Added by branch policies' })).toContainText('Required by branch policy');

    await dialog.getByLabel('Title').fill('Login page');
    // Search as you type; a person by keyboard, a team by mouse.
    const search = dialog.getByRole('combobox', { name: 'Add a reviewer' });
    await search.fill('sam');
    await expect(dialog.getByRole('option', { name: /Sam Lee/ })).toBeVisible();
    await search.press('Enter');
    await search.fill('mobile');
    await dialog.getByRole('option', { name: /Mobile Team/ }).click();
    const chosen = dialog.getByRole('list', { name: 'Chosen reviewers' });
    await expect(chosen.getByRole('listitem')).toHaveCount(2);
    await chosen.getByRole('listitem').filter({ hasText: 'Sam Lee' }).getByLabel('Required').check();
    await dialog.getByLabel('Create as draft').check();
    await dialog.getByLabel('Set auto-complete').check();
    await dialog.getByLabel('Merge type').selectOption({ label: 'Squash commit' });
    expect(await axeViolations(page, '[data-ado-companion-feature="pull-request-dialog"]')).toEqual([]);

    fakeAdo.control.clearRequests();
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog.getByText(/Pull request #\d+ created\./)).toBeVisible();
    const created = iosPullRequests(fakeAdo).at(-1)!;
    await expect(dialog.getByRole('link', { name: `#${created.pullRequestId}` })).toBeFocused();
    await expect(dialog.getByRole('link', { name: `#${created.pullRequestId}` })).toHaveAttribute('href', `${IOS}/pullrequest/${created.pullRequestId}`);

    expect(created).toMatchObject({ title: 'Login page', isDraft: true, sourceRefName: 'refs/heads/feature/1234-login', targetRefName: 'refs/heads/main', workItemIds: [1234] });
    expect(created.reviewers).toEqual(
      expect.arrayContaining([
        { userId: basic.users.sam.id, vote: 0, isRequired: true },
        { userId: '6f0d3c2a-8b1e-4a57-9c3d-2e4f5a6b7c81', vote: 0, isRequired: false },
        { userId: 'c7a9e2d4-3b5f-4e61-8a70-9b1c2d3e4f52', vote: 0, isRequired: true },
      ]),
    );
    expect(created.autoCompleteSetBy).toBe(basic.users.jane.id);
    expect(created.completionOptions).toMatchObject({ mergeStrategy: 'squash', deleteSourceBranch: true, transitionWorkItems: true });
    // Exactly these two: nothing is read again (who sets auto-complete is known from opening the dialog).
    const sent = fakeAdo.control.requests();
    expect(sent.map((r) => `${r.method} ${r.path.replace(/^.*\/_apis\//, '')} ${r.auth}`)).toEqual([
      'POST git/repositories/d3bbf1eb-bb33-42d6-a3d1-941684e85f04/pullrequests pat',
      `PATCH git/repositories/d3bbf1eb-bb33-42d6-a3d1-941684e85f04/pullrequests/${created.pullRequestId} pat`,
    ]);

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://dev.azure.com' });
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${IOS}/pullrequest/${created.pullRequestId}`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Create pull request' })).toBeFocused();
  });

  test('a script of the page cannot create the pull request: .click() and requestSubmit() send nothing, a click by the user does', async ({ repoPage, fakeAdo }) => {
    // Signed in to the page, no account: the page session would create it in the user's name.
    await repoPage.goto(`${IOS}?version=GBdevelop`);
    const dialog = await openDialog(repoPage.page);
    await expect(dialog.getByLabel('Title')).toHaveValue('Work on develop');
    fakeAdo.control.clearRequests();
    await repoPage.page.evaluate(() => {
      const root = document.querySelector('[data-ado-companion-feature="pull-request-dialog"]')!.shadowRoot!;
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      root.querySelector('form')!.requestSubmit();
      root.querySelector('form')!.requestSubmit(root.querySelector<HTMLButtonElement>('button[type="submit"]')!);
    });
    await dialog.getByLabel('Title').fill('Work on develop, by hand');
    expect(fakeAdo.control.requests().filter((r) => r.method === 'POST')).toEqual([]);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog.getByText(/Pull request #\d+ created\./)).toBeVisible();
    expect(fakeAdo.control.requests().filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  test('without auto-complete: exactly one POST; the next dialog offers the reviewers just used', async ({ popup, repoPage, fakeAdo }) => {
    await popup.connectWithPat('dev.azure.com/contoso', JANE_PAT);
    await expect(popup.account(/Jane Doe/)).toBeVisible();
    await repoPage.goto(`${IOS}?version=GBdevelop`);
    signOutOfTheWebUi(fakeAdo);
    const page = repoPage.page;
    let dialog = await openDialog(page);
    await expect(dialog.getByLabel('Title')).toHaveValue('Work on develop');
    const search = dialog.getByRole('combobox', { name: 'Add a reviewer' });
    await search.fill('sam');
    await dialog.getByRole('option', { name: /Sam Lee/ }).click();
    fakeAdo.control.clearRequests();
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog.getByText(/Pull request #\d+ created\./)).toBeVisible();
    expect(fakeAdo.control.requests().filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['POST']);
    expect(iosPullRequests(fakeAdo).at(-1)!.autoCompleteSetBy).toBeUndefined();
    await dialog.getByRole('button', { name: 'Close' }).click();

    dialog = await openDialog(page);
    await dialog.getByRole('combobox', { name: 'Add a reviewer' }).focus();
    await expect(dialog.getByRole('listbox', { name: 'Recent reviewers' }).getByRole('option', { name: /Sam Lee/ })).toBeVisible();
  });

  test('a PR that already exists is named before and after submitting, with a link, and the form is kept', async ({ popup, repoPage }) => {
    await popup.connectWithPat('dev.azure.com/contoso', JANE_PAT);
    await expect(popup.account(/Jane Doe/)).toBeVisible();
    await repoPage.goto(`${IOS}?version=GBfeature%2F1234-login`);
    const dialog = await openDialog(repoPage.page);
    await dialog.getByLabel('Target branch').selectOption('develop');
    await expect(dialog.getByRole('link', { name: '#5 Fix crash on launch' })).toHaveAttribute('href', `${IOS}/pullrequest/5`);
    await dialog.getByLabel('Title').fill('My typed title');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('An active pull request for these source and target branches already exists.');
    await expect(dialog.getByRole('link', { name: 'Open pull request #5' })).toHaveAttribute('href', `${IOS}/pullrequest/5`);
    await expect(dialog.getByLabel('Title')).toHaveValue('My typed title');
  });

  test('a stored token that expires mid-form: says so, offers to connect, and submits later without retyping', async ({ popup, repoPage, fakeAdo }) => {
    await popup.connectWithPat('dev.azure.com/contoso', JANE_PAT);
    await expect(popup.account(/Jane Doe/)).toBeVisible();
    await repoPage.goto(`${IOS}?version=GBdevelop`);
    signOutOfTheWebUi(fakeAdo);
    const dialog = await openDialog(repoPage.page);
    await expect(dialog.getByLabel('Title')).toHaveValue('Work on develop');
    await dialog.getByLabel('Title').fill('Typed before the token expired');
    await dialog.getByLabel('Description').fill('Some details');
    fakeAdo.control.expirePat(JANE_PAT);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('Your Personal Access Token for contoso has expired.');
    await expect(dialog.getByRole('button', { name: 'Connect in ADO Companion' })).toBeVisible();
    await expect(dialog.getByLabel('Title')).toHaveValue('Typed before the token expired');

    // The user renews the token; the same form goes through.
    fakeAdo.control.state.pat(JANE_PAT)!.validTo = '2099-01-01T00:00:00Z';
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog.getByText(/Pull request #\d+ created\./)).toBeVisible();
    expect(iosPullRequests(fakeAdo).at(-1)).toMatchObject({ title: 'Typed before the token expired', description: 'Some details' });
  });

  test('throttled and offline: a specific sentence and nothing lost', async ({ popup, repoPage, fakeAdo }) => {
    await popup.connectWithPat('dev.azure.com/contoso', JANE_PAT);
    await expect(popup.account(/Jane Doe/)).toBeVisible();
    await repoPage.goto(`${IOS}?version=GBdevelop`);
    const dialog = await openDialog(repoPage.page);
    await expect(dialog.getByLabel('Title')).toHaveValue('Work on develop');
    await dialog.getByLabel('Title').fill('Kept');

    fakeAdo.control.setFailures({ throttle: { count: 1, retryAfterSeconds: 120 } });
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('Azure DevOps is limiting requests (TF400733). Try again in 120 seconds.');

    fakeAdo.control.setFailures({ throttle: null, offline: true });
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('reach dev.azure.com');
    await expect(dialog.getByLabel('Title')).toHaveValue('Kept');
    expect(iosPullRequests(fakeAdo).filter((pr) => pr.title === 'Kept')).toHaveLength(0);
  });

  test('closing the dialog by mistake loses nothing: reopened on the same branch, the form is back', async ({ popup, repoPage }) => {
    await popup.connectWithPat('dev.azure.com/contoso', JANE_PAT);
    await expect(popup.account(/Jane Doe/)).toBeVisible();
    await repoPage.goto(`${IOS}?version=GBdevelop`);
    const page = repoPage.page;
    let dialog = await openDialog(page);
    await expect(dialog.getByLabel('Title')).toHaveValue('Work on develop');
    await dialog.getByLabel('Title').fill('Half-written title');
    await dialog.getByLabel('Create as draft').check();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    dialog = await openDialog(page);
    await expect(dialog.getByLabel('Title')).toHaveValue('Half-written title');
    await expect(dialog.getByLabel('Create as draft')).toBeChecked();
  });

  test('zero setup: with the page’s own Azure DevOps sign-in and no account, reviewers are searched and the PR is created — one POST and one PATCH', async ({ popup, repoPage, fakeAdo, context, serviceWorker }) => {
    const consoleLines: string[] = [];
    context.on('console', (message) => consoleLines.push(message.text()));
    serviceWorker.on('console', (message) => consoleLines.push(message.text()));
    await repoPage.goto(`${IOS}?version=GBfeature%2F1234-login`);
    const page = repoPage.page;
    const dialog = await openDialog(page);
    await expect(dialog.getByLabel('Source branch')).toHaveValue('feature/1234-login');
    await expect(dialog.getByLabel('Title')).toHaveValue('Work on feature/1234-login');
    await expect(dialog.getByText('#1234 User Story: Login page (Active)')).toBeVisible();
    const search = dialog.getByRole('combobox', { name: 'Add a reviewer' });
    await search.fill('sam');
    await dialog.getByRole('option', { name: /Sam Lee/ }).click();
    await dialog.getByLabel('Set auto-complete').check();
    fakeAdo.control.clearRequests();
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog.getByText(/Pull request #\d+ created\./)).toBeVisible();

    const created = iosPullRequests(fakeAdo).at(-1)!;
    expect(created).toMatchObject({ title: 'Work on feature/1234-login', createdBy: basic.users.jane.id, autoCompleteSetBy: basic.users.jane.id, workItemIds: [1234] });
    expect(created.reviewers).toEqual(expect.arrayContaining([{ userId: basic.users.sam.id, vote: 0, isRequired: false }]));
    const sent = fakeAdo.control.requests();
    expect(sent.map((r) => `${r.method} ${r.host} ${r.auth}`)).toEqual(['POST dev.azure.com session', 'PATCH dev.azure.com session']);
    // Nothing about the page's sign-in is kept by the extension.
    const cookies = await context.cookies('https://dev.azure.com');
    expect(cookies.length).toBeGreaterThan(0);
    const stored = await dumpExtensionStorage(popup.page);
    for (const cookie of cookies) {
      expect(stored).not.toContain(cookie.value);
      expect(consoleLines.join('\n')).not.toContain(cookie.value);
    }
  });

  test('signed out of Azure DevOps mid-form, with no account: offers to connect, keeps the form, and goes through once connected', async ({ popup, repoPage, fakeAdo }) => {
    await repoPage.goto(`${IOS}?version=GBdevelop`);
    const page = repoPage.page;
    const dialog = await openDialog(page);
    await expect(dialog.getByLabel('Title')).toHaveValue('Work on develop');
    await dialog.getByLabel('Title').fill('Typed while signed in');
    signOutOfTheWebUi(fakeAdo);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('ADO Companion is not connected to contoso.');
    await expect(dialog.getByRole('button', { name: 'Connect in ADO Companion' })).toBeVisible();
    await expect(dialog.getByLabel('Title')).toHaveValue('Typed while signed in');
    expect(iosPullRequests(fakeAdo).some((pr) => pr.title === 'Typed while signed in')).toBe(false);

    await popup.connectWithPat('dev.azure.com/contoso', JANE_PAT);
    await expect(popup.account(/Jane Doe/)).toBeVisible();
    fakeAdo.control.clearRequests();
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog.getByText(/Pull request #\d+ created\./)).toBeVisible();
    expect(iosPullRequests(fakeAdo).at(-1)!.title).toBe('Typed while signed in');
    expect(fakeAdo.control.requests().filter((r) => r.method === 'POST').map((r) => r.auth)).toEqual(['pat']);
  });

  test('in a repository with 1,600 more branches, the viewed branch and main are both offered', async ({ repoPage, fakeAdo }) => {
    // They sort before `main`: the first page of 1,000 branches ends among them.
    fakeAdo.control.addBranches({ org: 'contoso', repository: 'ios-app', names: Array.from({ length: 1600 }, (_, i) => `feature/bulk-${String(i).padStart(4, '0')}`) });
    await repoPage.goto(`${IOS}?version=GBfeature%2Fbulk-1500`);
    const dialog = await openDialog(repoPage.page);
    await expect(dialog.getByLabel('Source branch')).toHaveValue('feature/bulk-1500');
    await expect(dialog.getByLabel('Target branch')).toHaveValue('main');
  });

  test('in a repository with more than 1,500 branches, a branch listed after the first 1,000 is picked and its pull request created', async ({ repoPage, fakeAdo }) => {
    // Someone pushed 1,600 feature branches and a late fix: `zz-late-fix` and `main` sort after the first 1,000.
    const bulk = Array.from({ length: 1600 }, (_, i) => `feature/bulk-${String(i).padStart(4, '0')}`);
    fakeAdo.control.addBranches({ org: 'contoso', repository: 'ios-app', names: [...bulk, 'zz-late-fix'], from: 'feature/1234-login' });
    await repoPage.goto(`${IOS}?version=GBdevelop`);
    const dialog = await openDialog(repoPage.page);
    await expect(dialog.getByLabel('Target branch')).toHaveValue('main');
    await dialog.getByLabel('Source branch').selectOption('zz-late-fix');
    await expect(dialog.getByText('1 commit to merge.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog.getByText(/Pull request #\d+ created\./)).toBeVisible();
    expect(iosPullRequests(fakeAdo).at(-1)).toMatchObject({ sourceRefName: 'refs/heads/zz-late-fix', targetRefName: 'refs/heads/main' });
  });

  test('on the Branches page, each branch has its own "Create PR", which opens the dialog from that branch', async ({ repoPage }) => {
    await repoPage.goto(`${IOS}/branches`);
    const page = repoPage.page;
    await expect(page.locator('[data-fake-ado-rendered="2"]')).toHaveCount(1);
    await expect(page.getByRole('button', { name: /^Create PR from / })).toHaveCount(3);
    await expect(page.locator('[data-ado-companion-feature="create-pull-request-from-branch"]')).toHaveCount(3);
    await page.getByRole('button', { name: 'Create PR from feature/1234-login' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create pull request' });
    await expect(dialog.getByLabel('Source branch')).toHaveValue('feature/1234-login');
    await expect(dialog.getByLabel('Target branch')).toHaveValue('main');
    await expect(dialog.getByLabel('Title')).toHaveValue('Work on feature/1234-login');
    expect(await axeViolations(page, '[data-ado-companion-feature="create-pull-request-from-branch"]')).toEqual([]);
  });

  test('the viewed branch’s open pull requests show next to the buttons, and follow a branch switch', async ({ popup, repoPage }) => {
    await popup.connectWithPat('dev.azure.com/contoso', JANE_PAT);
    await expect(popup.account(/Jane Doe/)).toBeVisible();
    await repoPage.goto(`${IOS}?version=GBfeature%2F1234-login`);
    const page = repoPage.page;
    const indicator = page.locator('[data-ado-companion-feature="show-branch-pull-requests"]');
    await expect(indicator.getByRole('link', { name: 'Pull request 5: Fix crash on launch, into develop' })).toHaveAttribute('href', `${IOS}/pullrequest/5`);
    // In-app switch to a branch with none: the indicator goes.
    await page.locator('.version-dropdown > button').click();
    await page.getByRole('menuitem', { name: 'develop' }).click();
    await expect(page).toHaveURL(/version=GBdevelop/);
    await expect(indicator).toHaveCount(0);
  });

  test('with the page’s own sign-in and no account, the open pull requests show too, read with the page’s session', async ({ repoPage, fakeAdo }) => {
    await repoPage.goto(`${IOS}?version=GBfeature%2F1234-login`);
    const indicator = repoPage.page.locator('[data-ado-companion-feature="show-branch-pull-requests"]');
    await expect(indicator.getByRole('link', { name: 'Pull request 5: Fix crash on launch, into develop' })).toHaveAttribute('href', `${IOS}/pullrequest/5`);
    const asked = fakeAdo.control.requests({ pathIncludes: '/pullrequests' }).filter((r) => r.method === 'GET');
    expect(asked.map((r) => `${r.host} ${r.auth}`)).toEqual(['dev.azure.com session']);
  });

  test('signed out of Azure DevOps and without an account for the organization, the dialog offers to connect', async ({ repoPage, fakeAdo }) => {
    await repoPage.goto(`${IOS}?version=GBfeature%2F1234-login`);
    signOutOfTheWebUi(fakeAdo);
    const dialog = await openDialog(repoPage.page);
    await expect(dialog.getByText('ADO Companion is not connected to contoso.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Connect contoso' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });

  test('in the dark theme the dialog takes Azure DevOps’ dark colours', async ({ popup, repoPage }) => {
    await popup.connectWithPat('dev.azure.com/contoso', JANE_PAT);
    await expect(popup.account(/Jane Doe/)).toBeVisible();
    await repoPage.goto(`${IOS}?version=GBdevelop&theme=dark`);
    const dialog = await openDialog(repoPage.page);
    await expect(dialog.getByLabel('Title')).toHaveValue('Work on develop');
    const [background, text] = await dialog.evaluate((d) => [getComputedStyle(d).backgroundColor, getComputedStyle(d).color]);
    const light = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
    expect(light(background!)).toBeLessThan(80);
    expect(light(text!)).toBeGreaterThan(170);
    expect(await axeViolations(repoPage.page, '[data-ado-companion-feature="pull-request-dialog"]')).toEqual([]);
  });
});
