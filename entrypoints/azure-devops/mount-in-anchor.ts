import { APP_ROOT } from '@/lib/azure/selectors';

/**
 * Runs `place` now and again whenever Azure DevOps re-renders (React may replace a node and drop what
 * was inside), until `signal` aborts. No polling: a MutationObserver on the app root, which survives
 * in-app navigation.
 */
export function whileRendered(signal: AbortSignal, place: () => void): void {
  place();
  const observer = new MutationObserver(place);
  observer.observe(document.querySelector(APP_ROOT[0]) ?? document.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/** A host for a feature's UI, marked with its id, in a shadow root of its own; it goes when `signal` aborts. */
export function featureHost(signal: AbortSignal, id: string, build: (shadow: ShadowRoot) => void): HTMLElement {
  const host = document.createElement('span');
  host.dataset.adoCompanionFeature = id;
  build(host.attachShadow({ mode: 'open' }));
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return host;
}

/**
 * Mounts a feature's UI at the start of the first anchor found, as soon as the anchor exists and
 * again whenever Azure DevOps re-renders it. Never twice in one anchor.
 */
export function mountInAnchor(signal: AbortSignal, anchors: readonly string[], id: string, build: (shadow: ShadowRoot) => void): void {
  whileRendered(signal, () => {
    const anchor = anchors.map((selector) => document.querySelector(selector)).find(Boolean);
    if (!anchor || anchor.querySelector(`:scope > [data-ado-companion-feature="${id}"]`)) return;
    anchor.prepend(featureHost(signal, id, build));
  });
}
