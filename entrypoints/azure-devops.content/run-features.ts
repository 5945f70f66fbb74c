import { detectCloudPage } from '@/lib/azure/cloud-page';
import type { AzurePage } from '@/lib/azure/page-parts';
import { shouldRun, type Feature } from './define-feature';

/** On <html>: the content script is running and has looked at this page (set on every page). */
export const ACTIVE_MARKER_ATTRIBUTE = 'data-ado-companion';
/** On <html>: which repository page the extension recognised (absent on other pages). */
export const PAGE_MARKER_ATTRIBUTE = 'data-ado-companion-page';

/**
 * Runs the features that apply to the current page, and again after every SPA navigation:
 * the previous page's features are torn down (their signal aborts) before the next ones start.
 */
export function runFeatures(features: readonly Feature[], parentSignal: AbortSignal) {
  let current: AbortController | null = null;

  function evaluate(href: string) {
    current?.abort();
    current = new AbortController();
    const page = detectCloudPage(href);
    markPage(page);
    if (!page || parentSignal.aborted) return;
    for (const feature of features) {
      if (!shouldRun(feature, page)) continue;
      Promise.resolve(feature.init(current.signal, page)).catch((error: unknown) => {
        // A broken feature must not take the others down; log the id, not page data.
        console.warn(`[ADO Companion] feature ${feature.id} failed to start`, error);
      });
    }
  }

  parentSignal.addEventListener('abort', () => {
    current?.abort();
    markPage(null);
    document.documentElement.removeAttribute(ACTIVE_MARKER_ATTRIBUTE);
  });
  document.documentElement.setAttribute(ACTIVE_MARKER_ATTRIBUTE, 'active');
  return { evaluate };
}

function markPage(page: AzurePage | null) {
  if (page) document.documentElement.setAttribute(PAGE_MARKER_ATTRIBUTE, page.type);
  else document.documentElement.removeAttribute(PAGE_MARKER_ATTRIBUTE);
}
