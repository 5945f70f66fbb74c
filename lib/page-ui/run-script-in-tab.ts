import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

/**
 * Runs one of the extension's scripts in a frame of a tab, in the content scripts' world, and gives
 * back its last value. Chrome MV3 has `scripting` (results as `{ result }`); Firefox MV2 has only
 * `tabs.executeScript` (results as the values themselves): the one place that tells them apart.
 */
export async function runScriptInTab(tabId: number, file: ScriptPublicPath, frameId = 0): Promise<unknown> {
  if (browser.scripting) {
    const [first] = await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
    return first?.result;
  }
  return (await browser.tabs.executeScript(tabId, { file, frameId }))?.[0];
}

/**
 * Runs a self-contained function (it is sent as source text: it may use only its arguments and the
 * page's globals) in the content scripts' world of a tab's top frame. JSON arguments only.
 */
export async function runFunctionInTab<A extends unknown[]>(tabId: number, fn: (...args: A) => void, args: A): Promise<void> {
  if (browser.scripting) {
    await browser.scripting.executeScript({ target: { tabId }, func: fn, args });
    return;
  }
  await browser.tabs.executeScript(tabId, { code: `(${fn.toString()})(...${JSON.stringify(args)})` });
}
