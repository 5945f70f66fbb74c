import type { Page } from '@playwright/test';
import { dumpExtensionStorageInPage } from '../../support/dump-extension-storage';

/** What the extension keeps at rest, as text, read from an extension page (it shares the worker's storage). */
export function dumpExtensionStorage(extensionPage: Page): Promise<string> {
  return extensionPage.evaluate(dumpExtensionStorageInPage);
}
