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

    const reviewing = popup.page.getByRole('list', { name: 'Waiting for my review' });
    await expect(reviewing.getByRole('listitem')).toHaveCount(2);
    await expect(reviewing.locator('[data-pull-request="web-portal#3"]')).toContainText('draft');
    const created = popup.page.getByRole('list', { name: 'Created by me' });
    const mine = created.locator('[data-pull-request="web-portal#1"]');
    await expect(mine).toBeVisible();
    await expect(mine.getByRole('link')).toHaveAttribute('href', /\/_git\/web-portal\/pullrequest\/1$/);
    // Its status and every reviewer's vote, in words.
    await expect(mine).toContainText('Active · Reviewers: Sam Lee (required): no vote yet, Priya Patel: approved with suggestions');
    await expect(reviewing.locator('[data-pull-request="web-portal#3"]')).toContainText('Draft · Reviewers: Jane Doe (required): no vote yet');

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
    await expect(mine.locator('[data-status]')).toHaveText('Active · merge conflicts · Reviewers: Sam Lee (required): waiting for the author, Priya Patel: rejected');
  });
});
