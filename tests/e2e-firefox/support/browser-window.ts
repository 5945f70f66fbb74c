import type { Browser } from 'puppeteer-core';
import { GECKO_ID } from './launch-firefox';

interface BidiResult {
  type: string;
  result?: { value?: unknown };
  exceptionDetails?: { text?: string };
}

/**
 * Evaluates an expression in the browser window's own document (chrome://browser/content/browser.xhtml),
 * reachable over WebDriver BiDi (`moz:scope: 'chrome'`) because these tests run Firefox with
 * `--remote-allow-system-access`.
 */
export async function evaluateInBrowserWindow<T = unknown>(browser: Browser, expression: string): Promise<T> {
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: BidiResult }> } }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as unknown as { contexts: { context: string; url: string }[] };
  const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('no browser window among the chrome contexts');
  const { result } = await connection.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true, resultOwnership: 'none' });
  if (result.type === 'exception') throw new Error(result.exceptionDetails?.text ?? 'exception in the browser window');
  return result.result?.value as T;
}

/**
 * What a click on the add-on's toolbar button does, through the browser action's own `triggerAction`
 * (the code Firefox runs for that click): the real popup opens, and the selected tab gets `activeTab`
 * (its URL becomes readable to the add-on until it navigates). The popup itself is out of the tests'
 * reach, so they then open popup.html in a tab of its own.
 */
export async function clickToolbarButton(browser: Browser, addonId = GECKO_ID): Promise<void> {
  await evaluateInBrowserWindow(
    browser,
    `(async () => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(addonId)});
      await ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
    })()`,
  );
}
