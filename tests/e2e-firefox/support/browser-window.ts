import type { Browser } from 'puppeteer-core';

interface BidiResult {
  type?: string;
  result?: { value?: unknown };
  exceptionDetails?: { text?: string };
  contexts?: unknown;
}

/**
 * Evaluates an expression in the browser window's own document (chrome://browser/content/browser.xhtml,
 * BiDi `moz:scope: 'chrome'`, reachable because Firefox runs with `--remote-allow-system-access`):
 * Firefox's menus, the system clipboard without a prompt, `Services`. Promises are awaited.
 */
export async function evaluateInBrowserWindow<T = unknown>(browser: Browser, expression: string): Promise<T> {
  // puppeteer-core exposes the BiDi connection on its BiDi classes only (as in launch-firefox.ts).
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: BidiResult }> } }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string; url: string }[] };
  const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('no browser window among the chrome contexts');
  const { result } = await connection.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true, resultOwnership: 'none' });
  if (result.type === 'exception') throw new Error(result.exceptionDetails?.text ?? 'exception in the browser window');
  return result.result?.value as T;
}
