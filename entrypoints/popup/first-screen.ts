import { drawFirstScreenSnapshot } from './first-screen-snapshot';
import { afterFirstPaint } from './after-first-paint';

/**
 * The popup's first script, the one popup.html names. With the accounts screen kept from the last
 * opening, it draws that at once and loads the app only after the frame that shows it: Chromium
 * shows a toolbar popup once its page has loaded, and a page whose one script is this small is
 * shown 8–12 ms sooner than one that waits for the app (docs/page-footprint.md#first-screen-snapshot).
 * Until the app has rendered over the copy, its buttons say they are not ready (aria-disabled),
 * so a click is waited for, not lost. With nothing kept, the app loads at once.
 */
const app = document.getElementById('app')!;
if (drawFirstScreenSnapshot(app)) {
  app.setAttribute('aria-disabled', 'true');
  // The first screen's mark (tests/bench/popup-timings.ts), set as the app sets it: once painted.
  requestAnimationFrame(() => setTimeout(() => performance.getEntriesByName('ado:first-screen').length || performance.mark('ado:first-screen')));
  void afterFirstPaint().then(() => import('./main'));
} else {
  void import('./main');
}
