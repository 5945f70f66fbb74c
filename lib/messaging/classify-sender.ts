import type { SenderKind } from './protocol';

export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

/**
 * Who sent a message, judged from what the browser says about the sender (not from the message).
 * Extension pages are our own pages (popup, options); content scripts are ours too but run in
 * Azure DevOps pages, so they are trusted less. Anything else is refused (null).
 */
export function classifySender(
  sender: SenderInfo,
  ownId: string,
  ownOrigin: string,
  isAzureDevOpsPageUrl: (url: URL) => boolean,
): SenderKind | null {
  if (sender.id !== ownId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (url.origin === new URL(ownOrigin).origin) return 'extension-page';
  if (sender.tab && (url.protocol === 'https:' || url.protocol === 'http:') && isAzureDevOpsPageUrl(url)) {
    return 'content-script';
  }
  return null;
}
