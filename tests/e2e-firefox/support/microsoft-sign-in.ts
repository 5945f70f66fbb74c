import type { Browser } from 'puppeteer-core';
import type { FirefoxPopup } from '../pages/popup';
import { click } from './queries';

/**
 * Clicks the popup's sign-in button and signs in on the (fake) Microsoft page that
 * `identity.launchWebAuthFlow` opens: in Firefox a window of its own, which BiDi sees as a new
 * top-level browsing context.
 */
export async function signInWithMicrosoft(browser: Browser, popup: FirefoxPopup, button = 'Connect to Azure DevOps') {
  const authTarget = browser.waitForTarget((target) => target.url().startsWith('https://login.microsoftonline.com/'), { timeout: 10_000 });
  await click(popup.page, button);
  const authPage = await (await authTarget).page();
  if (!authPage) throw new Error('the Microsoft sign-in window has no page');
  // Firefox closes the window as soon as it redirects to the extension, which can be before the
  // click has returned: an error then counts only while the window is still open.
  await click(authPage, 'Sign in as Jane Doe').catch((error: unknown) => {
    if (!authPage.isClosed()) throw error;
  });
}
