import type { BrowserContext, Page } from '@playwright/test';

/**
 * Signs in as Jane on the (fake) Microsoft page that `identity.launchWebAuthFlow` opened, and waits
 * until Chromium has closed that window, which it does as soon as the page redirects to the
 * extension. That can happen before Playwright's click has returned: the click then fails with "page
 * closed" although it went through, so a failure counts only while the window is still open.
 */
export async function signInAsJane(authPage: Page): Promise<void> {
  const closed = authPage.waitForEvent('close', { timeout: 10_000 });
  await authPage
    .getByRole('button', { name: 'Sign in as Jane Doe' })
    .click()
    .catch((error: unknown) => {
      if (!authPage.isClosed()) throw error;
    });
  await closed;
}

/** Clicks the popup's sign-in `button` and signs in as Jane on the Microsoft page that opens. */
export async function signInWithMicrosoft(context: BrowserContext, popupPage: Page, button = 'Connect to Azure DevOps'): Promise<void> {
  const authWindow = context.waitForEvent('page');
  await popupPage.getByRole('button', { name: button }).click();
  await signInAsJane(await authWindow);
}
