import type { SenderKind } from './protocol';

export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
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
  // Scheme and host, not `URL.origin`: that is 'null' for every non-web scheme in some runtimes
  // (Node, Firefox's moz-extension: in places), and 'null' === 'null' would let any page through.
  const own = new URL(ownOrigin);
  if (url.protocol === own.protocol && url.host !== '' && url.host === own.host) return 'extension-page';
  if (sender.tab && (url.protocol === 'https:' || url.protocol === 'http:') && isAzureDevOpsPageUrl(url)) {
    return 'content-script';
  }
  return null;
}
