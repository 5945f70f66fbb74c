import { browser } from 'wxt/browser';
import { AppError } from '@/lib/errors/app-error';
import { appErrors } from '@/lib/errors/error-messages';
import { PAGE_UI_SCRIPTS, type PageUiName } from '@/lib/page-ui/page-ui-scripts';
import type { Handler } from '../router';

/**
 * Page UI loaded on demand: runs one of the named scripts of PAGE_UI_SCRIPTS in the content script's
 * world of the frame that asked, so that the script every page loads stays small.
 */
export function pageUiHandlers() {
  return {
    'pageUi.load': async ({ ui }, _kind, from) => {
      const tabId = from.tab?.id;
      if (tabId === undefined) throw new AppError(appErrors.pageUiCouldNotOpen(ui));
      await injectScript(tabId, from.frameId ?? 0, PAGE_UI_SCRIPTS[ui]).catch(() => {
        throw new AppError(appErrors.pageUiCouldNotOpen(ui));
      });
      return {};
    },
  } satisfies { 'pageUi.load': Handler<'pageUi.load'> };
}

/** Chrome MV3 has `scripting`; Firefox MV2 has only `tabs.executeScript`. */
async function injectScript(tabId: number, frameId: number, file: (typeof PAGE_UI_SCRIPTS)[PageUiName]): Promise<void> {
  if (browser.scripting) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
  } else {
    await browser.tabs.executeScript(tabId, { file, frameId });
  }
}
