import { PAGE_MENUS_GLOBAL } from '@/lib/page-ui/page-menus';
import { pageMenus } from './page-menus';

/**
 * The menus of the page buttons and the desktop client catalogue. Injected by the background into the
 * content script's world when a user first opens a menu (or has picked a client other than the
 * default), so that the script every page loads stays small (docs/page-footprint.md).
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    (globalThis as Record<string, unknown>)[PAGE_MENUS_GLOBAL] = pageMenus();
  },
});
