import { browser } from 'wxt/browser';
import { CLONE_CLIENT_KEY, CLONE_CLIENT_NAME_KEY, CLONE_PROTOCOL_KEY } from '@/lib/clients/clone-preference-keys';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_NAME, gitKrakenLink } from '@/lib/clients/gitkraken-link';
import type { CloneRequest } from '@/lib/clients/clone-request';
import type { PageClient } from '@/lib/page-ui/page-menus';
import type { CloudPage } from '@/lib/azure/cloud-page';
import { PR_BRANCH_LINKS } from '@/lib/azure/selectors';
import { defineFeature, type PageDetector } from '../define-feature';
import { PAGES_WITH_HEADER, mountHeaderButtons } from '../mount-header-buttons';
import { onTrustedClick } from '../on-trusted-click';
import { withPageMenus } from '../with-page-menus';

const DEFAULT_CLIENT: PageClient = { id: DEFAULT_CLIENT_ID, name: DEFAULT_CLIENT_NAME, link: gitKrakenLink };

/** Kept across re-mounts: Azure DevOps may re-render the header and drop our node meanwhile. */
interface CloneState {
  /** Without `link` until the client catalogue has come. */
  client: Omit<PageClient, 'link'> & Partial<PageClient>;
  ssh: boolean;
  /** The copy of the button mounted last, and what it clones. */
  shadow?: ShadowRoot;
  request?: CloneRequest;
}

/**
 * "Clone in <client>": the user's default desktop client, with the branch being viewed, and a menu of
 * the other clients (picking one makes it the default). Computed from the page URL alone. Only the
 * built-in default's link is part of this script: another client's link comes with the client
 * catalogue (entrypoints/content/page-menus), loaded on demand, while its stored name shows at once.
 */
export default defineFeature({
  include: PAGES_WITH_HEADER,
  async init(signal, page, featureId, detect) {
    const stored = await browser.storage.local.get([CLONE_CLIENT_KEY, CLONE_CLIENT_NAME_KEY, CLONE_PROTOCOL_KEY]);
    if (signal.aborted) return;
    const id = stored[CLONE_CLIENT_KEY] as string | undefined;
    const state: CloneState = { client: DEFAULT_CLIENT, ssh: stored[CLONE_PROTOCOL_KEY] === 'ssh' };
    if (id && id !== DEFAULT_CLIENT_ID) {
      state.client = { id, name: stored[CLONE_CLIENT_NAME_KEY] as string };
      const catalogue = withPageMenus(() => state.shadow?.querySelector('p'), (menus) => show(state, menus.client(id)));
      // Set by a version that stored no name: wait for the catalogue's.
      if (!state.client.name) await catalogue;
      // The page may have changed meanwhile; an abort listener added now would never fire.
      if (signal.aborted) return;
    }
    mountHeaderButtons(
      signal,
      page,
      featureId,
      '<a class="clone"></a><button class="more" type="button" aria-haspopup="menu" aria-expanded="false" aria-label="Clone in another client">▾</button>',
      (shadow) => wire(shadow, sourceOf(page, detect), state),
    );
  },
});

function wire(shadow: ShadowRoot, page: CloudPage, state: CloneState) {
  state.shadow = shadow;
  // Whichever copy of the button is mounted by then.
  const status = () => state.shadow?.querySelector('p');
  state.request = { httpsUrl: page.repo.httpsUrl, sshUrl: page.repo.sshUrl, protocol: state.ssh ? 'ssh' : 'https', branch: page.branch };
  show(state);
  // The link opens the client by itself; the menus script then watches whether it did.
  onTrustedClick(shadow.querySelector('a')!, () => withPageMenus(status, (menus) => menus.watchOpen(status, state.client.id, state.request!)));
  const more = shadow.querySelector('button')!;
  onTrustedClick(more, () =>
    withPageMenus(status, (menus) =>
      menus.cloneMenu(
        more,
        state.request!,
        (client) => {
          show(state, client);
          void browser.storage.local.set({ [CLONE_CLIENT_KEY]: client.id, [CLONE_CLIENT_NAME_KEY]: client.name });
        },
        status,
      ),
    ),
  );
}

/** Makes `client` (when given) the one to clone with, and shows it on the button mounted last: its name, and its link once known. */
function show(state: CloneState, client?: PageClient) {
  if (client) state.client = client;
  const main = state.shadow?.querySelector('a');
  if (!main || !state.request) return;
  const link = state.client.link?.(state.request) ?? null;
  main.textContent = `Clone in ${state.client.name}`;
  if (link) main.href = link;
  else main.removeAttribute('href');
  main.target = link?.startsWith('https:') ? '_blank' : '';
  main.title = state.client.note ?? '';
}

/**
 * What to clone: the page's repository and branch, or on a pull request its source branch, in the
 * fork's repository when it comes from a fork (the header's first branch link points there).
 */
function sourceOf(page: CloudPage, detect: PageDetector): CloudPage {
  if (page.type !== 'pull-request') return page;
  const link = document.querySelector<HTMLAnchorElement>(PR_BRANCH_LINKS[0]) ?? document.querySelector<HTMLAnchorElement>(PR_BRANCH_LINKS[1]!);
  return (link && detect(link.href)) || page;
}
