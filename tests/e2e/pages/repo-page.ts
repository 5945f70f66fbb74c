import { expect, type Page } from '@playwright/test';

/**
 * A page of the (fake) Azure DevOps web UI, as a user sees it: the extension's buttons (locators pierce
 * the open shadow roots they live in) and the fake's own links for in-app navigation.
 */
export class RepoPage {
  constructor(readonly page: Page) {}

  async goto(url: string): Promise<this> {
    await this.page.goto(url);
    return this;
  }

  /** "Clone in <client>", whichever client is the default. */
  get cloneLink() {
    return this.page.getByRole('link', { name: /^Clone in / });
  }

  get copyCloneUrlButton() {
    return this.page.getByRole('button', { name: 'Copy clone URL', exact: true });
  }

  get createPullRequestButton() {
    return this.page.getByRole('button', { name: 'Create pull request', exact: true });
  }

  /** "Create PR" beside each branch of the Branches page. */
  get createPrFromBranchButtons() {
    return this.page.getByRole('button', { name: /^Create PR from / });
  }

  /** Every button the extension shows in the page: its features' shadow hosts. */
  get extensionButtons() {
    return this.page.locator('[data-ado-companion-feature]');
  }

  /** The bar of its own the extension shows its buttons in when none of their anchors appeared. */
  get ownBar() {
    return this.page.locator('[data-ado-companion-bar]');
  }

  /** On a page served with `?fake-ado-anchors=late`: Azure DevOps renders its header now. */
  async renderLateAnchors() {
    await this.page.evaluate(() => document.dispatchEvent(new Event('fake-ado-render')));
  }

  /** Waits for the header buttons: the content script is running and has recognised a repository page. */
  async waitForHeaderButtons() {
    await expect(this.copyCloneUrlButton).toBeVisible();
    await expect(this.cloneLink).toBeVisible();
  }

  /**
   * Waits until Azure DevOps shows the page `view` (the fake's view kind: files, commits, …) and has
   * rendered its header a second time (the fake's re-render), so the page will not change by itself.
   */
  async waitForRerender(view: string) {
    await expect(this.page.locator(`[data-fake-ado-view="${view}"][data-fake-ado-rendered="2"]`)).toHaveCount(1);
  }

  /**
   * The accessible names of the extension's buttons and links in the page, sorted, without the menu
   * toggles ("▾"): what a user can act on.
   */
  visibleButtonNames() {
    return this.extensionButtons
      .locator('a, button:not([aria-haspopup])')
      .evaluateAll((controls) => controls.map((control) => control.getAttribute('aria-label') ?? control.textContent ?? '').sort());
  }

  /** In-app navigation to any URL, the way the app's router does it: a pushed URL, then the next page rendered. */
  async navigateInApp(url: string) {
    await this.page.evaluate((next) => {
      history.pushState(null, '', next);
      dispatchEvent(new PopStateEvent('popstate'));
    }, url);
  }

  /** In-app navigation through the page's own left navigation (Files, Commits, Pushes, …): no reload. */
  async navigateTo(name: string) {
    await this.page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  }
}
