import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** The toolbar popup, opened as a tab on its own URL (what the action button shows). */
export class PopupPage {
  page!: Page;

  constructor(
    private readonly context: BrowserContext,
    readonly extensionId: string,
  ) {}

  /** `beforeLoad` runs in the popup before its own scripts (to stand in for a browser dialog). */
  async open(beforeLoad?: () => void): Promise<this> {
    this.page = await this.context.newPage();
    if (beforeLoad) await this.page.addInitScript(beforeLoad);
    await this.page.setViewportSize({ width: 400, height: 640 });
    await this.page.goto(`chrome-extension://${this.extensionId}/popup.html`);
    return this;
  }

  /** Like closing and reopening the popup; `beforeLoad` as for `open`. */
  async reopen(beforeLoad?: () => void): Promise<this> {
    await this.page.close();
    return this.open(beforeLoad);
  }

  get heading() {
    return this.page.getByRole('heading', { name: 'ADO Companion' });
  }

  get alert() {
    return this.page.getByRole('alert');
  }

  // Connect screen
  get connectOAuthButton() {
    return this.page.getByRole('button', { name: 'Connect to Azure DevOps' });
  }
  get usePatButton() {
    return this.page.getByRole('button', { name: 'Use a Personal Access Token' });
  }

  // PAT form
  get hostField() {
    return this.page.getByLabel('Organization or server');
  }
  get tokenField() {
    return this.page.getByLabel('Personal Access Token', { exact: true });
  }
  get generateTokenButton() {
    return this.page.getByRole('button', { name: 'Generate a token on Azure DevOps' });
  }
  get connectButton() {
    return this.page.getByRole('button', { name: 'Connect', exact: true });
  }

  async connectWithPat(host: string, token: string) {
    // Either the connect screen (no account yet) or the accounts list shows once the popup has loaded.
    await expect(this.usePatButton.or(this.addAccountButton)).toBeVisible();
    if (await this.addAccountButton.isVisible()) await this.addAccountButton.click();
    await this.usePatButton.click();
    await this.hostField.fill(host);
    await this.tokenField.fill(token);
    await this.connectButton.click();
  }

  // Accounts
  get addAccountButton() {
    return this.page.getByRole('button', { name: 'Add account' });
  }
  account(name: string | RegExp) {
    return this.page.getByRole('article', { name });
  }
  /** "Sign out…" on an account's card, then the confirmation. */
  async signOut(account: Locator) {
    await account.getByRole('button', { name: 'Sign out…' }).click();
    await account.getByRole('button', { name: 'Sign out', exact: true }).click();
  }
  organizationRow(name: string) {
    return this.page.locator(`.org-row[data-organization="${name}"]`);
  }
  async testConnection(organization: string) {
    const row = this.organizationRow(organization);
    await row.getByRole('button', { name: 'Test connection' }).click();
    return row;
  }

  // SSH key
  get sshKeyButton() {
    return this.page.getByRole('button', { name: 'SSH key', exact: true });
  }
  get generateSshKeyButton() {
    return this.page.getByRole('button', { name: 'Generate SSH key and copy to clipboard' });
  }
  get privateKeyDownload() {
    return this.page.getByRole('link', { name: /^Download the private key/ });
  }
  /** The fingerprint the popup shows for the key it made. */
  sshKeyFingerprint() {
    return this.page.locator('.card[data-fingerprint]').getAttribute('data-fingerprint');
  }
  sshKeyOrganization(name: string) {
    return this.page.locator(`li.org-row[data-organization="${name}"]`);
  }

  // Pull requests
  async openPullRequests() {
    await this.page.getByRole('button', { name: 'Pull requests' }).click();
    await expect(this.page.getByRole('heading', { name: 'Pull requests', level: 2 })).toBeFocused();
  }
  get notificationsToggle() {
    return this.page.getByRole('checkbox', { name: /^Notify me of review requests/ });
  }

  // New repository (from Repositories)
  async openNewRepository() {
    await this.page.getByRole('button', { name: 'Repositories' }).click();
    await this.page.getByRole('button', { name: 'New repository' }).click();
    await expect(this.page.getByRole('heading', { name: 'New repository' })).toBeFocused();
    // The projects of the first organization are loaded.
    await expect(this.projectSelect).toBeEnabled();
  }
  get projectSelect() {
    return this.page.getByRole('combobox', { name: 'Project' });
  }
  get repositoryNameField() {
    return this.page.getByRole('textbox', { name: 'Repository name' });
  }
  get createRepositoryButton() {
    return this.page.getByRole('button', { name: 'Create repository' });
  }
  /** The card of the repository just created. */
  get createdRepository() {
    return this.page.locator('[data-created]');
  }

  // The real toolbar popup (`action.openPopup()`), driven from this extension tab: same-origin extension
  // pages can reach the popup's document through `extension.getViews`.
  async openToolbarPopup() {
    await this.page.evaluate(() => (globalThis as unknown as ExtensionGlobals).chrome.action.openPopup());
  }
  /** The toolbar popup's text, or null when it is closed. */
  toolbarPopupText() {
    return this.page.evaluate(() => {
      const [view] = (globalThis as unknown as ExtensionGlobals).chrome.extension.getViews({ type: 'popup' });
      return view ? view.document.body.innerText : null;
    });
  }
  clickInToolbarPopup(label: string) {
    return this.page.evaluate((label) => {
      const [view] = (globalThis as unknown as ExtensionGlobals).chrome.extension.getViews({ type: 'popup' });
      const button = [...(view?.document.querySelectorAll('button') ?? [])].find((b) => b.textContent === label);
      if (!button) throw new Error(`no "${label}" button in the toolbar popup`);
      button.click();
    }, label);
  }
  /** What the browser does to a toolbar popup when another window takes focus. */
  closeToolbarPopup() {
    return this.page.evaluate(() => (globalThis as unknown as ExtensionGlobals).chrome.extension.getViews({ type: 'popup' })[0]?.close());
  }

  /** Sends a protocol message from this extension page, as the popup's own code does. */
  send(type: string, data: unknown) {
    return this.page.evaluate(
      ([type, data]) =>
        (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.sendMessage({ channel: 'ado-companion', type, data }),
      [type, data] as const,
    );
  }
}

interface ExtensionGlobals {
  chrome: { action: { openPopup(): Promise<void> }; extension: { getViews(query: { type: 'popup' }): Window[] } };
}
