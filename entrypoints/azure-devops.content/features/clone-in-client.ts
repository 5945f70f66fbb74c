import { browser } from 'wxt/browser';
import { DESKTOP_CLIENTS, desktopClient, type DesktopClient } from '@/lib/clients/desktop-clients';
import { isCommitPage, isFilesPage, type AzurePage } from '@/lib/azure/page-parts';
import { defineFeature } from '../define-feature';
import { BUTTON_STYLE, mountInAnchor, wireMenu } from '../mount-in-anchor';
import { REPOSITORY_HEADER_ANCHORS } from './copy-clone-url';

/** The popup stores the same two choices (entrypoints/popup/repositories/clone-preferences.ts). */
const CLIENT_KEY = 'clone-client';
const PROTOCOL_KEY = 'clone-protocol';
/** Nothing tells a page whether a custom-scheme link opened an app: if the page keeps the focus this long, say so. */
const DID_NOT_OPEN_AFTER_MS = 3000;

/**
 * "Clone in <client>": the user's default desktop client, with the branch being viewed, and a menu of
 * the other clients (picking one makes it the default). Computed from the page URL alone.
 */
export default defineFeature({
  include: [isFilesPage, (page) => page.type === 'history', isCommitPage],
  async init(signal, page) {
    const stored = await browser.storage.local.get([CLIENT_KEY, PROTOCOL_KEY]);
    if (signal.aborted) return;
    // Kept across re-mounts: Azure DevOps may re-render the header and drop our node meanwhile.
    const state = { client: desktopClient(stored[CLIENT_KEY] as string | undefined), ssh: stored[PROTOCOL_KEY] === 'ssh', shadow: null as ShadowRoot | null };
    mountInAnchor(signal, REPOSITORY_HEADER_ANCHORS, 'clone-in-client', (shadow) => {
      state.shadow = shadow;
      render(signal, shadow, page, state);
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
      void browser.storage.local.set({ [CLIENT_KEY]: client.id });
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

function installLink(client: DesktopClient): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = client.installUrl;
  link.target = '_blank';
  link.rel = 'noreferrer';
  link.textContent = `Install ${client.name}`;
  return link;
}
