import type { Page } from 'puppeteer-core';
import { dumpExtensionStorageInPage } from '../../support/dump-extension-storage';

/** What the extension keeps at rest, as text, read from an extension page (it shares the background page's storage). */
export async function dumpExtensionStorage(extensionPage: Page): Promise<string> {
  // tsx names inner functions through a `__name` helper the page does not have.
  await extensionPage.evaluate('globalThis.__name ??= (fn) => fn');
  return extensionPage.evaluate(dumpExtensionStorageInPage);
}
