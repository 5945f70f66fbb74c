import { PAGE_MENUS_GLOBAL, type PageMenus, type StatusLine } from '@/lib/page-ui/page-menus';
import { loadPageUi } from './load-page-ui';

/** Runs `use` with the menus script, injected on first use; says in `status` when it cannot be loaded. */
export function withPageMenus(status: StatusLine, use: (menus: PageMenus) => void): Promise<void> {
  return loadPageUi<PageMenus>('page-menus', PAGE_MENUS_GLOBAL).then((menus) => {
    if (typeof menus !== 'string') use(menus);
    else status()?.replaceChildren(menus);
  });
}
