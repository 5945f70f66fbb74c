import type { BrowserContext, Page } from '@playwright/test';

/**
 * Runs an expression inside the extension's content-script world of a page (the isolated world
 * Chromium names after the extension), through DevTools: Playwright itself only reaches the
 * page's main world.
 */
export async function evaluateInContentScript<T>(context: BrowserContext, page: Page, expression: string): Promise<T> {
  const cdp = await context.newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => contexts.push(created));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'ADO Companion');
  if (!world) throw new Error(`no ADO Companion content-script world in ${page.url()}`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}
