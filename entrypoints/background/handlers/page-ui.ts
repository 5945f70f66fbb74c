import { AppError } from '@/lib/errors/app-error';
import { appErrors } from '@/lib/errors/error-messages';
import { PAGE_UI_SCRIPTS } from '@/lib/page-ui/page-ui-scripts';
import { runScriptInTab } from '@/lib/page-ui/run-script-in-tab';
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
      await runScriptInTab(tabId, PAGE_UI_SCRIPTS[ui], from.frameId ?? 0).catch(() => {
        throw new AppError(appErrors.pageUiCouldNotOpen(ui));
      });
      return {};
    },
  } satisfies { 'pageUi.load': Handler<'pageUi.load'> };
}
