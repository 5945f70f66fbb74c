/**
 * Calls `onChange` after every in-app navigation: Azure DevOps is a single-page app whose pages change
 * through the History API, not reloads. No polling: the Navigation API's `currententrychange` fires
 * once the new URL is committed (Chrome 102, Firefox 147). Before that (Firefox 142 to 146) it falls back
 * on `popstate` for back and forward, and on the page's own re-rendering (Azure DevOps renders the next
 * page after it pushes its URL) for the rest. A custom-scheme link (vscode://…) commits no entry and
 * leaves the URL as it is, so it never counts as a navigation (docs/page-footprint.md).
 */
export function watchLocation(onChange: (href: string) => void): void {
  let last = location.href;
  const check = () => {
    if (location.href !== last) onChange((last = location.href));
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('currententrychange', check);
  else {
    addEventListener('popstate', check);
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  }
}
