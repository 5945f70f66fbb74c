import type { Browser } from 'puppeteer-core';
import { GECKO_ID } from './launch-firefox';

/**
 * Evaluates `expression` in the browser window's own document (chrome://browser/content/browser.xhtml):
 * Firefox runs with `--remote-allow-system-access`, so WebDriver BiDi lists the window among the
 * contexts of `moz:scope: 'chrome'` and `script.evaluate` runs there (docs/firefox.md). Promises are awaited.
 */
export async function evaluateInBrowserWindow<T = unknown>(browser: Browser, expression: string): Promise<T> {
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: BidiResult }> } }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string; url: string }[] };
  const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('no browser window among the chrome contexts');
  const { result } = await connection.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true, resultOwnership: 'none' });
  if (result.type === 'exception') throw new Error(result.exceptionDetails?.text ?? 'exception in the browser window');
  return result.result?.value as T;
}

interface BidiResult {
  type?: string;
  result?: { value?: unknown };
  exceptionDetails?: { text?: string };
}

export interface KeyModifiers {
  altKey?: boolean;
  shiftKey?: boolean;
  ctrlKey?: boolean;
}

/**
 * Presses `key` (a character, or a key name such as "ArrowDown", "Enter") in the browser window,
 * where the keyboard focus is. The events are made as Marionette makes those of its key actions in
 * the browser window: Firefox's own EventUtils (shipped for Marionette) through nsITextInputProcessor,
 * so they go through Firefox's whole keyboard handling, shortcuts and the address bar included
 * (docs/testing.md#firefox-keyboard).
 */
export function pressKey(browser: Browser, key: string, modifiers: KeyModifiers = {}): Promise<void> {
  return pressKeys(browser, [{ key, modifiers }]);
}

/** Types `text` key by key in the browser window. */
export function typeKeys(browser: Browser, text: string): Promise<void> {
  return pressKeys(browser, [...text].map((key) => ({ key, modifiers: {} })));
}

function pressKeys(browser: Browser, keys: { key: string; modifiers: KeyModifiers }[]): Promise<void> {
  const events = keys.map(({ key, modifiers }) => [key.length === 1 ? key : `KEY_${key}`, modifiers]);
  return evaluateInBrowserWindow(browser, `(() => {
    const keyboard = { window, parent: window, _EU_Ci: Ci, _EU_Cc: Cc };
    Services.scriptloader.loadSubScript('chrome://remote/content/external/EventUtils.js', keyboard);
    for (const [key, modifiers] of ${JSON.stringify(events)}) keyboard.synthesizeKey(key, modifiers, window);
  })()`);
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
