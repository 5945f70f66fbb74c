/** How long a popup that reports no first paint (hidden, or no paint timing) waits before it goes on. */
export const FIRST_PAINT_FALLBACK_MS = 300;

let painted: Promise<void> | undefined;

/**
 * Settles once the popup's first frame with content has been presented. Chromium shows a toolbar
 * popup only when its page has loaded, and what the popup started between then and that frame
 * (messages to the background, a script run in the tab) held the frame back by 14–22 ms; so the
 * requests of an opening wait for it (docs/page-footprint.md#real-popup). The first contentful
 * paint is reported once its frame is presented.
 */
export function afterFirstPaint(): Promise<void> {
  painted ??= new Promise<void>((resolve) => {
    let observer: PerformanceObserver | undefined;
    const done = () => {
      observer?.disconnect();
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(done, FIRST_PAINT_FALLBACK_MS);
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length) done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      // No paint timing here: the fallback decides.
    }
  });
  return painted;
}
