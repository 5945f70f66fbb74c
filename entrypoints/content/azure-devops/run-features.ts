import { detectCloudPage } from '@/lib/azure/cloud-page';
import { shouldRun, type Feature, type PageDetector } from './define-feature';

/**
 * Runs the features that apply to a page; call it again after every SPA navigation: the previous
 * page's features are torn down (their signal aborts) before the next ones start. It leaves no mark
 * on Azure DevOps' own elements: what shows that it ran is the buttons it mounts.
 */
export function runFeatures(features: readonly Feature[], detect: PageDetector = detectCloudPage): (href: string) => void {
  let current: AbortController | undefined;
  return (href) => {
    current?.abort();
    current = new AbortController();
    const page = detect(href);
    if (!page) return;
    for (const feature of features) {
      if (!shouldRun(feature, page)) continue;
      // A promise also for a synchronous init, so that a throw is caught like a rejection.
      new Promise((resolve) => resolve(feature.init(current!.signal, page, feature.id, detect))).catch((error: unknown) => {
        // A broken feature must not take the others down; log the id, not page data.
        console.warn(`[ADO Companion] feature ${feature.id} failed to start`, error);
      });
    }
  };
}
