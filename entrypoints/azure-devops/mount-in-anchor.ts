import { APP_ROOT } from '@/lib/azure/selectors';

/**
 * Mounts a feature's UI, in a shadow root of its own, at the start of the first anchor found, as
 * soon as the anchor exists and again whenever Azure DevOps re-renders it (React may replace the
 * node and drop what was inside). Never twice in one anchor; everything goes when `signal` aborts.
 * No polling: a MutationObserver on the app root, which survives in-app navigation.
 */
export function mountInAnchor(signal: AbortSignal, anchors: readonly string[], id: string, build: (shadow: ShadowRoot) => void): void {
  const place = () => {
    const anchor = anchors.map((selector) => document.querySelector(selector)).find(Boolean);
    if (!anchor || anchor.querySelector(`:scope > [data-ado-companion-feature="${id}"]`)) return;
    const host = document.createElement('span');
    host.dataset.adoCompanionFeature = id;
    build(host.attachShadow({ mode: 'open' }));
    anchor.prepend(host);
    signal.addEventListener('abort', () => host.remove(), { once: true });
  };
  place();
  const observer = new MutationObserver(place);
  observer.observe(document.querySelector(APP_ROOT[0]) ?? document.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
