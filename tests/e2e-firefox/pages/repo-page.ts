import type { Browser, Page } from 'puppeteer-core';

/** A page of the (fake) Azure DevOps web UI, as the content script sees it. */
export class FirefoxRepoPage {
  page!: Page;

  constructor(private readonly browser: Browser) {}

  async open(url: string): Promise<this> {
    this.page = await this.browser.newPage();
    await this.page.goto(url);
    return this;
  }

  async goto(url: string): Promise<this> {
    await this.page.goto(url);
    return this;
  }

  /**
   * The accessible names of the extension's buttons and links in the page (inside its shadow roots),
   * sorted, without the menu toggles ("▾"): what a user can act on.
   */
  buttonNames() {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-ado-companion-feature]'))
        .flatMap((host) => Array.from(host.shadowRoot?.querySelectorAll('a, button:not([aria-haspopup])') ?? []))
        .map((control) => control.getAttribute('aria-label') ?? control.textContent ?? '')
        .sort(),
    );
  }

  /** Waits for "Clone in <client>" and "Copy clone URL": the content script runs and recognised a repository page. */
  async waitForHeaderButtons() {
    await this.page.waitForFunction(
      () => {
        const names = Array.from(document.querySelectorAll('[data-ado-companion-feature]')).flatMap((host) =>
          Array.from(host.shadowRoot?.querySelectorAll('a, button') ?? []).map((control) => control.textContent ?? ''),
        );
        return names.includes('Copy clone URL') && names.some((name) => name.startsWith('Clone in '));
      },
      { timeout: 10_000 },
    );
  }

  /** Where each of the extension's buttons sits: 'own bar' for the bar of its own, else the class of the element that holds it. */
  buttonPlaces() {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-ado-companion-feature]')).map((host) =>
        host.parentElement?.hasAttribute('data-ado-companion-bar') ? 'own bar' : (host.parentElement?.className ?? ''),
      ),
    );
  }

  /** On a page served with `?fake-ado-anchors=late`: Azure DevOps renders its header now. */
  async renderLateAnchors() {
    await this.page.evaluate(() => document.dispatchEvent(new Event('fake-ado-render')));
  }

  /** Waits until the page shows `view` (the fake's view kind) rendered a second time: it will not change by itself. */
  async waitForView(view: string) {
    await this.page.waitForSelector(`[data-fake-ado-view="${view}"][data-fake-ado-rendered="2"]`, { timeout: 10_000 });
  }

  /** In-app navigation to any URL, the way the app's router does it: a pushed URL, then the next page rendered. */
  async navigateInApp(url: string) {
    await this.page.evaluate((next: string) => {
      history.pushState(null, '', next);
      dispatchEvent(new PopStateEvent('popstate'));
    }, url);
  }
}
