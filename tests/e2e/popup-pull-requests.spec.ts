import { axeViolations } from './support/axe';
import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';

test.describe('popup: my pull requests', () => {
  test('lists what waits for my review and what I created, opens and copies links', async ({ popup, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.getByRole('button', { name: 'Pull requests' }).click();
    await expect(popup.page.getByRole('heading', { name: 'Pull requests', level: 2 })).toBeFocused();

    // ios-app#5 asks Jane by name; web-portal#3 is a draft, left out unless she counts drafts.
    const reviewing = popup.page.getByRole('list', { name: 'Waiting for my vote' });
    await expect(reviewing.getByRole('listitem')).toHaveCount(1);
    await expect(reviewing.locator('[data-pull-request="ios-app#5"]')).toContainText(/contoso \/ ios-app · #5 · Sam Lee · opened .+Asked of you/);
    const created = popup.page.getByRole('list', { name: 'Created by me' });
    const mine = created.locator('[data-pull-request="web-portal#1"]');
    await expect(mine).toBeVisible();
    await expect(mine.getByRole('link')).toHaveAttribute('href', /\/_git\/web-portal\/pullrequest\/1$/);
    // Its status and every reviewer's vote, in words.
    await expect(mine.locator('[data-status]')).toHaveText('Waiting for reviewers · Active · Reviewers: Sam Lee (required): no vote yet, Priya Patel: approved with suggestions');

    await mine.getByRole('button', { name: 'Copy link' }).click();
    expect(await popup.page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/_git\/web-portal\/pullrequest\/1$/);

    expect(await axeViolations(popup.page)).toEqual([]);
  });

  test('says when a pull request has merge conflicts, and what each reviewer voted since', async ({ popup, fakeAdo }) => {
    const webPortal = fakeAdo.control.state.data.organizations.find((o) => o.name === 'contoso')!.projects.flatMap((p) => p.repositories).find((r) => r.name === 'web-portal')!;
    const first = webPortal.pullRequests!.find((pr) => pr.pullRequestId === 1)!;
    first.mergeStatus = 'conflicts';
    first.reviewers = first.reviewers.map((r) => (r.isRequired ? { ...r, vote: -5 } : { ...r, vote: -10 }));
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.getByRole('button', { name: 'Pull requests' }).click();
    const mine = popup.page.getByRole('list', { name: 'Created by me' }).locator('[data-pull-request="web-portal#1"]');
    await expect(mine.locator('[data-status]')).toHaveText('Rejected · Active · merge conflicts · Reviewers: Sam Lee (required): waiting for the author, Priya Patel: rejected');
  });

  test('says through which team a review was asked of me', async ({ popup, fakeAdo }) => {
    const opened = fakeAdo.control.openPullRequest({ org: 'contoso', repository: 'android-app', createdBy: basic.users.sam.id, reviewers: [{ id: basic.groups.mobileTeam.id }] });
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.getByRole('button', { name: 'Pull requests' }).click();
    const row = popup.page.getByRole('list', { name: 'Waiting for my vote' }).locator(`[data-pull-request="android-app#${opened}"]`);
    await expect(row.locator('[data-status]')).toHaveText('Asked of [Mobile App]\\Mobile Team');
  });
});
