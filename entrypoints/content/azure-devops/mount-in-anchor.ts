import { APP_ROOT, MAIN_CONTENT } from '@/lib/azure/selectors';
import { OWN_BAR_ATTRIBUTE } from '@/lib/page-ui/own-bar';

/**
 * How long the app root must stay unchanged before the page counts as settled, and the longest wait
 * for that (a page that never stops changing): then a feature whose anchor is missing shows in a bar
 * of our own instead of nowhere (docs/azure-devops-pages.md#fallback).
 */
const SETTLED_QUIET_MS = 1500;
const SETTLED_AT_MOST_MS = 6000;

/**
 * Runs `place` now and again whenever Azure DevOps re-renders (React may replace a node and drop what
 * was inside), until `signal` aborts. No polling: a MutationObserver on the app root, which survives
 * in-app navigation.
 */
export function whileRendered(signal: AbortSignal, place: () => void): void {
  // An aborted signal never fires its abort listeners again: nothing would take down what `place` adds.
  if (signal.aborted) return;
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
 * Mounts a feature's UI at the start of the first anchor found, as soon as it exists, and moves it
 * (one host per page, never a second) whenever Azure DevOps re-renders the anchor or a better
 * candidate appears. When no anchor has appeared once the page has settled, it goes in a bar of our
 * own at the top of the main content, and moves to the anchor if that comes later.
 */
export function mountInAnchor(signal: AbortSignal, anchors: readonly string[], id: string, build: (shadow: ShadowRoot) => void): void {
  let host: HTMLElement | undefined;
  let settled = false;
  let wait: ReturnType<typeof setTimeout> | undefined;
  const started = Date.now();
  const place = () => {
    const anchor = anchors.map((selector) => document.querySelector(selector)).find(Boolean) ?? (settled ? ownBar(signal) : null);
    if (anchor) {
      host ??= featureHost(signal, id, build);
      if (host.parentNode !== anchor) anchor.prepend(host);
      const bar = document.querySelector(`[${OWN_BAR_ATTRIBUTE}]`);
      if (bar && !bar.querySelector('[data-ado-companion-feature]')) bar.remove();
    } else if (!settled) {
      clearTimeout(wait);
      wait = setTimeout(() => {
        settled = true;
        if (!signal.aborted) place();
      }, Math.min(SETTLED_QUIET_MS, started + SETTLED_AT_MOST_MS - Date.now()));
    }
  };
  whileRendered(signal, place);
  signal.addEventListener('abort', () => clearTimeout(wait), { once: true });
}

/** Our bar at the top of the main content: made when first needed, gone when the page's features stop. */
function ownBar(signal: AbortSignal): Element {
  let bar = document.querySelector(`[${OWN_BAR_ATTRIBUTE}]`);
  if (!bar) {
    bar = document.createElement('div');
    bar.setAttribute(OWN_BAR_ATTRIBUTE, '');
    (bar as HTMLElement).style.cssText = 'display:flex;align-items:center;padding:8px 20px;font-size:12px;color:var(--text-secondary-color,#666)';
    // Marked as ours, in text: the page's markup has changed, which a user can tell us (the popup says so too).
    bar.append('ADO Companion');
    (document.querySelector(MAIN_CONTENT[0]) ?? document.querySelector(APP_ROOT[0]) ?? document.body).prepend(bar);
    const made = bar;
    signal.addEventListener('abort', () => made.remove(), { once: true });
  }
  return bar;
}
