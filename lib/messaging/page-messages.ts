/**
 * The message extension pages send to a tab's content script (`tabs.sendMessage`), beside the
 * background's catalogue in protocol.ts. Kept apart and schema-free because the always-injected
 * content script answers it (its size budget): the content script checks the envelope and that the
 * sender is one of our extension pages (classifySender), the popup checks the answer here.
 */
import { organizationBaseOf } from '../page-session/page-organization';

export const PAGE_SESSION_MESSAGE = 'page.session';

/** How page actions will authenticate in that tab (docs/page-session.md): nothing more, no cookie, no ids. */
export interface PageSessionStatus {
  /** The page's organization root, e.g. `https://dev.azure.com/contoso/`; '' from a page without page data. */
  baseUrl: string;
  /** The page shows a signed-in user. */
  signedIn: boolean;
  displayName?: string;
}

/**
 * A content script's answer made safe, or null: the content script runs in a page and is trusted
 * less than the popup, so its organization root must be the one the tab's own URL allows
 * (organizationBaseOf); an empty root means the page had no page data and the URL decides.
 */
export function readPageSessionStatus(answer: unknown, tabUrl: string | undefined): PageSessionStatus | null {
  if (typeof answer !== 'object' || answer === null || !tabUrl) return null;
  const { baseUrl, signedIn, displayName } = answer as Record<string, unknown>;
  if (typeof baseUrl !== 'string' || typeof signedIn !== 'boolean' || (displayName !== undefined && typeof displayName !== 'string')) return null;
  if (signedIn !== (typeof displayName === 'string' && displayName.trim() !== '') || (displayName?.length ?? 0) > 256) return null;
  let suiteHomeUrl: string | undefined;
  try {
    const tab = new URL(tabUrl);
    const base = baseUrl ? new URL(baseUrl) : null;
    if (tab.protocol !== 'https:' || (base && (base.origin !== tab.origin || base.href !== baseUrl || base.search || base.hash))) return null;
    suiteHomeUrl = base?.pathname;
  } catch {
    return null;
  }
  const checked = organizationBaseOf(tabUrl, suiteHomeUrl);
  return checked ? { baseUrl: checked, signedIn, ...(signedIn ? { displayName: (displayName as string).trim() } : {}) } : null;
}
