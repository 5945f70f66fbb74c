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

    await mine.getByRole('button', { name: 'Copy link' }).click();
    expect(await popup.page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/_git\/web-portal\/pullrequest\/1$/);

    expect(await axeViolations(popup.page)).toEqual([]);
  });
});
