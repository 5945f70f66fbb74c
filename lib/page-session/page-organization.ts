/**
 * The organization of an Azure DevOps page and who the page shows as signed in, read from the URL and
 * `<script id="dataProviders">` (docs/page-session.md).
 */
import { CLOUD_HOST } from '../azure/azure-hosts';

/** The page's organization (or Server collection) and its signed-in user. */
export interface PageOrganization {
  /** `{origin}{suiteHomeUrl}`, ending in `/`: the organization's REST API as this page reaches it. */
  baseUrl: string;
  /** The user the page data names (`ms.vss-web.page-data.user`); null when it names none. */
  user: { displayName: string; uniqueName: string; id: string | null } | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * Not `.` or `..`, and no slash, backslash or control character, raw or decoded (`%2e%2e`, `%2f`,
 * `%09`): the URL parser drops raw tabs and newlines, so `.\t.` would become `..` (docs/page-session.md).
 */
export function isPlainSegment(segment: string): boolean {
  try {
    const decoded = decodeURIComponent(segment);
    return decoded !== '' && decoded !== '.' && decoded !== '..' && !/[/\\\0-\x1f\x7f]/.test(decoded);
  } catch {
    return false;
  }
}

/**
 * The organization root `{origin}{suiteHomeUrl}` of the page at `href` (AZ: `location.origin +
 * suiteHomeUrl`), or null. `suiteHomeUrl` must be a plain path the page itself lies under, and on
 * dev.azure.com exactly `/{the page's organization}/`; an absolute URL counts as its path when it
 * starts with the page's own origin (docs/page-session.md). Without it, a cloud page's URL gives it.
 */
export function organizationBaseOf(href: string, suiteHomeUrl: unknown): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const path = url.pathname.toLowerCase();
  const firstSegment = path.split('/')[1] ?? '';
  let home = text(suiteHomeUrl);
  if (home.toLowerCase().startsWith(`${url.origin}/`)) home = home.slice(url.origin.length);
  if (!home) home = host === CLOUD_HOST ? `/${firstSegment}/` : host.endsWith('.visualstudio.com') ? '/' : '';
  const segments = home.split('/').slice(1, -1);
  const plain = /^\/(?:[^/?#\\]+\/)*$/.test(home) && segments.every(isPlainSegment);
  const dev = host !== CLOUD_HOST || (segments.length === 1 && segments[0]!.toLowerCase() === firstSegment && firstSegment !== '');
  if (!plain || !dev || !path.startsWith(home.toLowerCase()) || !/^https?:$/.test(url.protocol)) return null;
  return `${url.origin}${home}`;
}

/** The page's organization (organizationBaseOf) and the user its page data names; null when it names no organization. */
export function readPageOrganization(href: string, document: Document): PageOrganization | null {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(document.getElementById('dataProviders')?.textContent || '{}');
    if (isRecord(parsed) && isRecord(parsed.data)) data = parsed.data;
  } catch {
    // No readable page data: the URL alone may still name the organization.
  }
  const header = data['ms.vss-tfs-web.header-action-data'];
  const baseUrl = organizationBaseOf(href, isRecord(header) ? header.suiteHomeUrl : undefined);
  if (!baseUrl) return null;
  const page = data['ms.vss-web.page-data'];
  const user = isRecord(page) && isRecord(page.user) ? page.user : {};
  const displayName = text(user.displayName).trim();
  return { baseUrl, user: displayName ? { displayName, uniqueName: text(user.uniqueName), id: text(user.id) || null } : null };
}
