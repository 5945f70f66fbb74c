import { isPlainSegment } from './page-organization';

/**
 * The one place that decides where the page session may send a request (docs/page-session.md): under
 * the page's organization, on the page's origin, to its REST API only. `path` is relative to the
 * organization: `_apis/…` or `{project}/_apis/…`, one plain segment at a time. Absolute URLs,
 * protocol-relative `//host`, backslashes, `.`/`..` (also percent-encoded), query or fragment in the
 * path, and anything outside `_apis` are refused: null.
 */
export function pageSessionUrl(
  baseUrl: string,
  path: string,
  query: Record<string, string | number | boolean | undefined> = {},
): URL | null {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(base.protocol) || !base.pathname.endsWith('/') || base.search || base.hash || base.username || base.password) return null;
  const segments = path.split('/');
  const api = segments.findIndex((s) => s.toLowerCase() === '_apis');
  if (api < 0 || api > 1 || segments.length < api + 2 || !segments.every(isPlainSegment) || /[?#:]/.test(path)) return null;
  const url = new URL(path, base);
  // Belt and braces: whatever the URL parser made of it must still lie under the organization, with `_apis` where it was asked for.
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname) || url.search || url.hash) return null;
  if (url.pathname.slice(base.pathname.length).split('/')[api]?.toLowerCase() !== '_apis') return null;
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
  return url;
}
