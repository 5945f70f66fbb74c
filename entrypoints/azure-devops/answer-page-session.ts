import { browser } from 'wxt/browser';
import { classifySender, type SenderInfo } from '@/lib/messaging/classify-sender';
import { PAGE_SESSION_MESSAGE, type PageSessionStatus } from '@/lib/messaging/page-messages';

/**
 * Answers the popup's `page.session` question (lib/messaging/page-messages.ts) with what the page
 * data shows: the organization root and whether, and as whom, the page is signed in. Only our
 * extension pages get an answer. Kept to raw reads (the always-injected script's size budget): the
 * popup validates the answer against the tab's URL.
 */
export function answerPageSession(message: unknown, sender: SenderInfo, sendResponse: (answer: PageSessionStatus) => void): void {
  const envelope = message as { channel?: unknown; type?: unknown } | null;
  if (envelope?.channel !== 'ado-companion' || envelope.type !== PAGE_SESSION_MESSAGE) return;
  if (classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'), () => false) !== 'extension-page') return;
  let data;
  try {
    data = JSON.parse(document.getElementById('dataProviders')!.textContent!).data;
  } catch {
    // No page data: the popup takes the organization from the tab's URL.
  }
  const home = data?.['ms.vss-tfs-web.header-action-data']?.suiteHomeUrl;
  const displayName = data?.['ms.vss-web.page-data']?.user?.displayName;
  sendResponse({
    baseUrl: typeof home === 'string' ? location.origin + home : '',
    signedIn: typeof displayName === 'string' && displayName.trim() !== '',
    ...(typeof displayName === 'string' && { displayName }),
  });
}
