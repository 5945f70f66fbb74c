import { detectCloudPage } from '@/lib/azure/cloud-page';
import { shouldRun, type Feature } from './define-feature';

/** On <html>: the content script is running and has looked at this page (set on every page). */
export const ACTIVE_MARKER_ATTRIBUTE = 'data-ado-companion';
/** On <html>: which repository page the extension recognised (absent on other pages). */
export const PAGE_MARKER_ATTRIBUTE = 'data-ado-companion-page';

/**
 * Runs the features that apply to a page; call it again after every SPA navigation: the previous
 * page's features are torn down (their signal aborts) before the next ones start.
 */
export function runFeatures(features: readonly Feature[]): (href: string) => void {
  let current: AbortController | undefined;
  const html = document.documentElement;
  html.setAttribute(ACTIVE_MARKER_ATTRIBUTE, 'active');
  return (href) => {
    current?.abort();
    current = new AbortController();
    const page = detectCloudPage(href);
    if (!page) {
      html.removeAttribute(PAGE_MARKER_ATTRIBUTE);
      return;
    }
    html.setAttribute(PAGE_MARKER_ATTRIBUTE, page.type);
    for (const feature of features) {
      if (!shouldRun(feature, page)) continue;
      // A promise also for a synchronous init, so that a throw is caught like a rejection.
      new Promise((resolve) => resolve(feature.init(current!.signal, page))).catch((error: unknown) => {
        // A broken feature must not take the others down; log the id, not page data.
        console.warn(`[ADO Companion] feature ${feature.id} failed to start`, error);
      });
    }
  };
}
