import { classifySender } from '@/lib/messaging/classify-sender';
import { isClipboardRequest } from '@/lib/messaging/clipboard-request';

// The offscreen document the service worker opens to copy text (entrypoints/background/write-clipboard.ts).
// Chromium only, so its own `chrome` object: importing wxt/browser here as well would split that
// module out of the popup's first script into a file of its own, one more request before it paints.
const browser = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (copied: boolean) => void) => {
  // Not ours (a popup's message to the background): stay silent so the background answers it.
  if (!isClipboardRequest(message)) return undefined;
  // Only our own pages and worker may write the clipboard, never a content script.
  const own = classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'), () => false) === 'extension-page';
  sendResponse(own && copy(message.text));
  return undefined;
});

/**
 * `navigator.clipboard.writeText` needs a focused document and an offscreen document never has the
 * focus; `execCommand('copy')` on a selection works there with the clipboardWrite permission.
 */
function copy(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  return copied;
}
