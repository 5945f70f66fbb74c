import { browser } from 'wxt/browser';
import { clipboardRequest } from '@/lib/messaging/clipboard-request';

const OFFSCREEN_PATH = '/offscreen-clipboard.html';

/** Copies run one after the other: Chromium allows a single offscreen document at a time. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Writes text to the clipboard from the background; false when the browser refused. The one place
 * where the browsers differ (docs/context-menu.md):
 * - Chromium, Manifest V3: the service worker has neither a document nor `navigator.clipboard`, so a
 *   short-lived offscreen document (reason CLIPBOARD) copies and is closed again.
 * - Firefox, Manifest V2: the background is a page, and with the clipboardWrite permission it may
 *   write the clipboard itself, without a user gesture or the focus.
 */
export function writeClipboardFromBackground(text: string): Promise<boolean> {
  const write = () => (typeof document === 'undefined' ? copyInOffscreenDocument(text) : copyInBackgroundPage(text));
  const result = queue.then(write, write);
  queue = result;
  return result;
}

async function copyInBackgroundPage(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

async function copyInOffscreenDocument(text: string): Promise<boolean> {
  try {
    // A worker stopped mid-copy may have left one open; a second would be refused.
    const open = await browser.runtime.getContexts({ contextTypes: [browser.runtime.ContextType.OFFSCREEN_DOCUMENT] });
    if (open.length === 0) {
      await browser.offscreen.createDocument({
        url: OFFSCREEN_PATH,
        reasons: [browser.offscreen.Reason.CLIPBOARD],
        justification: 'Copy a clone URL chosen from the context menu.',
      });
    }
    const copied: unknown = await browser.runtime.sendMessage(clipboardRequest(text));
    await browser.offscreen.closeDocument();
    return copied === true;
  } catch {
    return false;
  }
}
