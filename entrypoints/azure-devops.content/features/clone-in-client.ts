import { browser } from 'wxt/browser';
import { CLONE_CLIENT_KEY, CLONE_PROTOCOL_KEY } from '@/lib/clients/clone-preference-keys';
import { DESKTOP_CLIENTS, desktopClient, type DesktopClient } from '@/lib/clients/desktop-clients';
import type { AzurePage } from '@/lib/azure/page-parts';
import { detectCloudPage } from '@/lib/azure/cloud-page';
import { PR_BRANCH_LINKS } from '@/lib/azure/selectors';
import { defineFeature } from '../define-feature';
import { BUTTON_STYLE, mountInAnchor, wireMenu } from '../mount-in-anchor';
import { PAGES_WITH_HEADER, headerAnchorsOf } from './copy-clone-url';

/** Nothing tells a page whether a custom-scheme link opened an app: if the page keeps the focus this long, say so. */
const DID_NOT_OPEN_AFTER_MS = 3000;

/**
 * "Clone in <client>": the user's default desktop client, with the branch being viewed, and a menu of
 * the other clients (picking one makes it the default). Computed from the page URL alone.
 */
export default defineFeature({
  include: PAGES_WITH_HEADER,
  async init(signal, page) {
    const stored = await browser.storage.local.get([CLONE_CLIENT_KEY, CLONE_PROTOCOL_KEY]);
    if (signal.aborted) return;
    // Kept across re-mounts: Azure DevOps may re-render the header and drop our node meanwhile.
    const state = { client: desktopClient(stored[CLONE_CLIENT_KEY] as string | undefined), ssh: stored[CLONE_PROTOCOL_KEY] === 'ssh', shadow: null as ShadowRoot | null };
    mountInAnchor(signal, headerAnchorsOf(page), 'clone-in-client', (shadow) => {
      state.shadow = shadow;
      render(signal, shadow, sourceOf(page), state);
    });
  },
});

function render(signal: AbortSignal, shadow: ShadowRoot, page: AzurePage, choice: { client: DesktopClient; ssh: boolean; shadow: ShadowRoot | null }) {
  const request = { httpsUrl: page.repo.httpsUrl, sshUrl: page.repo.sshUrl, protocol: choice.ssh ? 'ssh' : 'https', branch: page.branch } as const;
  shadow.innerHTML = `<style>${BUTTON_STYLE}</style><a class="clone"></a><button class="more" type="button" aria-haspopup="menu" aria-label="Clone in another client">▾</button><ul role="menu" aria-label="Clone in another client"></ul><p role="status"></p>`;
  const main = shadow.querySelector<HTMLAnchorElement>('.clone')!;
  const menu = shadow.querySelector('ul')!;
  // Writes into the status line of whichever copy of the button is mounted by then.
  const say = (...nodes: (Node | string)[]) => choice.shadow?.querySelector('p')?.replaceChildren(...nodes);

  const show = (client: DesktopClient) => {
    const link = client.link(request);
    main.textContent = `Clone in ${client.name}`;
    if (link) main.href = link;
    else main.removeAttribute('href');
    main.target = link?.startsWith('https:') ? '_blank' : '';
    main.title = client.note ?? '';
  };
  show(choice.client);
  for (const client of DESKTOP_CLIENTS) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('role', 'menuitem');
    button.textContent = client.name;
    button.addEventListener('click', () => {
      choice.client = client;
      show(client);
      void browser.storage.local.set({ [CLONE_CLIENT_KEY]: client.id });
      open(client);
    });
    item.append(button);
    menu.append(item);
  }

  main.addEventListener('click', (event) => {
    event.preventDefault();
    open(choice.client);
  });

  function open(client: DesktopClient) {
    const link = client.link(request);
    if (!link) {
      say(client.note ?? `${client.name} cannot be opened from a link: copy the clone URL.`);
      return;
    }
    say();
    // An app that opens (or the browser's "Open …?" prompt) takes the focus from the page; if the
    // page never loses it, nothing opened.
    let left = false;
    const away = new AbortController();
    for (const type of ['blur', 'pagehide'] as const) window.addEventListener(type, () => (left = true), { once: true, signal: away.signal });
    document.addEventListener('visibilitychange', () => (left ||= document.hidden), { signal: away.signal });
    if (link.startsWith('https:')) window.open(link, '_blank', 'noopener');
    else location.assign(link);
    const timer = setTimeout(() => {
      away.abort();
      if (left || signal.aborted) return;
      say('Didn’t open? ', installLink(client), ' or copy the clone URL.');
    }, DID_NOT_OPEN_AFTER_MS);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  }
  wireMenu(signal, shadow, shadow.querySelector('.more')!, menu);
}

/**
 * What to clone: the page's repository and branch, or on a pull request its source branch, in the
 * fork's repository when it comes from a fork (the header's first branch link points there).
 */
function sourceOf(page: AzurePage): AzurePage {
  if (page.type !== 'pull-request') return page;
  const link = document.querySelector<HTMLAnchorElement>(PR_BRANCH_LINKS[0]) ?? document.querySelector<HTMLAnchorElement>(PR_BRANCH_LINKS[1]!);
  return (link && detectCloudPage(link.href)) || page;
}

function installLink(client: DesktopClient): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = client.installUrl;
  link.target = '_blank';
  link.rel = 'noreferrer';
  link.textContent = `Install ${client.name}`;
  return link;
}
