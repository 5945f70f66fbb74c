/**
 * How page actions will authenticate in a tab: the popup runs `entrypoints/content/page-session-status` in
 * the active Azure DevOps tab (it reads the page data, docs/page-session.md#the-popup-line) and
 * checks what comes back here. The script every page loads has no part in it.
 */
import { OWN_BAR_ATTRIBUTE } from '@/lib/page-ui/own-bar';
import { organizationBaseOf } from './page-organization';

/** The script the popup runs in the tab (WXT builds it from entrypoints/content/page-session-status). */
export const PAGE_SESSION_STATUS_SCRIPT = '/page-session-status.js';

/** How page actions will authenticate in that tab (docs/page-session.md): nothing more, no cookie, no ids. */
export interface PageSessionStatus {
  /** The page's organization root, e.g. `https://dev.azure.com/contoso/`; '' from a page without page data. */
  baseUrl: string;
  /** The page shows a signed-in user. */
  signedIn: boolean;
  displayName?: string;
  /** The page buttons are in our own bar: none of their anchors appeared, so Azure DevOps changed this page. */
  ownBar?: true;
}

/**
 * What the script found, made safe, or null: it read a page, which is trusted less than the popup,
 * so its organization root must be the one the tab's own URL allows (organizationBaseOf); an empty
 * root means the page had no page data and the URL decides.
 */
export function readPageSessionStatus(answer: unknown, tabUrl: string | undefined): PageSessionStatus | null {
  if (typeof answer !== 'object' || answer === null || !tabUrl) return null;
  const { baseUrl, signedIn, displayName, ownBar } = answer as Record<string, unknown>;
  if (typeof baseUrl !== 'string' || typeof signedIn !== 'boolean' || (displayName !== undefined && typeof displayName !== 'string')) return null;
  if (ownBar !== undefined && ownBar !== true) return null;
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
  return checked ? { baseUrl: checked, signedIn, ...(signedIn ? { displayName: (displayName as string).trim() } : {}), ...(ownBar && { ownBar }) } : null;
}

/** Reads the page data of `doc` (`#dataProviders`): the organization root and who is signed in, nothing else. */
export function readPageSession(doc: Document): PageSessionStatus {
  let data;
  try {
    data = JSON.parse(doc.getElementById('dataProviders')!.textContent!).data;
  } catch {
    // No page data: the popup takes the organization from the tab's URL.
  }
  const home = data?.['ms.vss-tfs-web.header-action-data']?.suiteHomeUrl;
  const displayName = data?.['ms.vss-web.page-data']?.user?.displayName;
  return {
    // An absolute suiteHomeUrl is passed on as it is: readPageSessionStatus checks its origin.
    baseUrl: typeof home === 'string' ? (/^https?:\/\//i.test(home) ? home : doc.location.origin + home) : '',
    signedIn: typeof displayName === 'string' && displayName.trim() !== '',
    ...(typeof displayName === 'string' && { displayName }),
    ...(doc.querySelector(`[${OWN_BAR_ATTRIBUTE}]`) && { ownBar: true }),
  };
}
