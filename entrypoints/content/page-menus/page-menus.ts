import { DESKTOP_CLIENTS, clientLabel, clientPlatformNote, desktopClient, type DesktopClient } from '@/lib/clients/desktop-clients';
import { onWindows } from '@/lib/clients/desktop-platform';
import type { PageMenus } from '@/lib/page-ui/page-menus';
import { gitCommand } from '@/lib/shell/git-command';
import { SERVER_SSH_URL_GLOBAL, type ServerSshUrlFromPage } from '@/lib/page-ui/server-ssh-url-global';
import { browser } from 'wxt/browser';

/** Nothing tells a page whether a custom-scheme link opened an app: if the page keeps the focus this long, say so. */
const DID_NOT_OPEN_AFTER_MS = 3000;

/** Added to a button's shadow root beside its own styles (entrypoints/content/azure-devops/mount-in-anchor.ts). */
const MENU_STYLE = `[role=menu]{position:absolute;top:34px;right:0;z-index:1000;min-width:220px;margin:0;padding:4px 0;list-style:none;background:var(--callout-background-color,#fff);box-shadow:0 3px 8px var(--callout-shadow-color,rgba(0,0,0,.2));border-radius:4px}
[role=menu] button{display:flex;width:100%;height:auto;padding:6px 12px;background:none;color:var(--text-primary-color,rgba(0,0,0,.9));font-weight:400;text-align:left}
[role=menu] button:hover,[role=menu] :focus{background:var(--palette-black-alpha-4,rgba(0,0,0,.04))}
p a{display:inline;height:auto;padding:0;background:none;color:var(--communication-foreground,#0078d4)}`;

type MenuItem = readonly [label: string, choose: () => void];

/** Why a Server page offers no SSH URL. */
export const SSH_UNKNOWN = 'This server did not state its SSH URL here: copy it from Azure DevOps’ Clone dialog, or use HTTPS.';

/**
 * The menus, created on first opening under their toggle button: Escape and clicks elsewhere close
 * them and give the focus back, arrow keys move between items.
 */
export function pageMenus(): PageMenus {
  const openMenus = new Map<HTMLElement, HTMLButtonElement>();
  const setOpen = (menu: HTMLElement, toggle: HTMLButtonElement, on: boolean) => {
    menu.hidden = !on;
    toggle.setAttribute('aria-expanded', String(on));
    if (on) {
      openMenus.set(menu, toggle);
      menu.querySelector('button')?.focus();
    } else openMenus.delete(menu);
  };
  document.addEventListener('click', (event) => {
    for (const [menu, toggle] of openMenus) if (!event.composedPath().includes((menu.getRootNode() as ShadowRoot).host)) setOpen(menu, toggle, false);
  });

  const toggleMenu = (toggle: HTMLButtonElement, label: string, items: () => readonly MenuItem[]) => {
    const shadow = toggle.getRootNode() as ShadowRoot;
    let menu = shadow.querySelector<HTMLElement>('[role=menu]');
    if (!menu) {
      menu = document.createElement('ul');
      menu.setAttribute('role', 'menu');
      menu.setAttribute('aria-label', label);
      for (const [text, choose] of items()) {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.setAttribute('role', 'menuitem');
        button.textContent = text;
        // Only a person's choice: a script of the page could reach this open shadow root (docs/security.md).
        button.addEventListener('click', (event) => event.isTrusted && choose());
        item.append(button);
        menu.append(item);
      }
      wireKeys(shadow, toggle, menu, (on) => setOpen(menu!, toggle, on));
      addStyle(shadow);
      toggle.after(menu);
      menu.hidden = true;
    }
    setOpen(menu, toggle, menu.hidden);
  };

  return {
    copyMenu(toggle, repo, copy) {
      // The button's own status line (entrypoints/content/azure-devops/mount-header-buttons.ts).
      const say = (text: string) => ((toggle.getRootNode() as ShadowRoot).querySelector('[role=status]')?.replaceChildren(text));
      // A Server states its SSH address only in its REST answer, asked for when the menu is first built;
      // it is never guessed (docs/azure-devops-hosts.md#server-ssh-url).
      let stated: Promise<string | null> = Promise.resolve(repo.sshUrl);
      toggleMenu(toggle, 'Copy clone URL', () => {
        if (!repo.sshUrl) {
          stated = serverSshUrl(repo);
          void stated.then((url) => {
            const item = (toggle.getRootNode() as ShadowRoot).querySelector('[role=menu] li:nth-child(2) button');
            if (item) item.textContent = url ? 'Copy SSH URL' : 'SSH URL not known';
          });
        }
        return [
          ['Copy HTTPS URL', () => copy(repo.httpsUrl, 'HTTPS clone URL')],
          [repo.sshUrl ? 'Copy SSH URL' : 'Looking up the SSH URL…', () => void stated.then((url) => (url ? copy(url, 'SSH clone URL') : say(SSH_UNKNOWN)))],
          ['Copy git clone command', () => copy(gitCommand('clone', repo.httpsUrl), 'git clone command')],
        ];
      });
    },
    cloneMenu(toggle, request, pick, status) {
      toggleMenu(toggle, 'Clone in another client', () =>
        DESKTOP_CLIENTS.map((client) => [
          clientLabel(client, onWindows()),
          () => {
            pick(client);
            const link = client.link(request);
            // Opened here, in the click: a custom scheme needs the user's gesture.
            if (link?.startsWith('https:')) window.open(link, '_blank', 'noopener');
            else if (link) location.assign(link);
            watchOpen(status, client, link);
          },
        ]),
      );
    },
    client: desktopClient,
    watchOpen(status, clientId, request) {
      const client = desktopClient(clientId);
      watchOpen(status, client, client.link(request));
    },
  };
}

/** The SSH URL the Server states for the repository of this page (entrypoints/content/server-ssh-url); null when it states none. */
async function serverSshUrl(repo: { project: string; repository: string }): Promise<string | null> {
  const world = globalThis as Record<string, unknown>;
  // Not loadPageUi: its sentence for a failed load would only become "not known" here, for ~0.1 KB more.
  if (!world[SERVER_SSH_URL_GLOBAL]) await browser.runtime.sendMessage({ channel: 'ado-companion', type: 'pageUi.load', data: { ui: 'server-ssh-url' } }).catch(() => null);
  const fromPage = world[SERVER_SSH_URL_GLOBAL] as ServerSshUrlFromPage | undefined;
  return fromPage ? fromPage(repo).catch(() => null) : null;
}

/**
 * After `client` was asked to open `link`: an app that opens (or the browser's "Open …?" prompt) takes
 * the focus from the page (hiding the tab does too); if the page keeps it, nothing opened. Without a
 * link, says why at once.
 */
function watchOpen(status: () => HTMLElement | null | undefined, client: DesktopClient, link: string | null) {
  const say = (...nodes: (Node | string)[]) => {
    const line = status();
    if (line) addStyle(line.getRootNode() as ShadowRoot);
    line?.replaceChildren(...nodes);
  };
  if (!link) return say(client.note ?? `${client.name} cannot be opened from a link: copy the clone URL.`);
  // Fork on Windows: the link goes out (Sourcetree may take it), but the user learns at once why Fork did not.
  const platformNote = clientPlatformNote(client, onWindows());
  if (platformNote) return say(platformNote);
  say();
  // This script may have come after the click: the page may have lost the focus already.
  let left = !document.hasFocus();
  const away = new AbortController();
  for (const type of ['blur', 'pagehide']) addEventListener(type, () => (left = true), { once: true, signal: away.signal });
  setTimeout(() => {
    away.abort();
    if (!left) say('Didn’t open? ', installLink(client), ' or copy the clone URL.');
  }, DID_NOT_OPEN_AFTER_MS);
}

function wireKeys(shadow: ShadowRoot, toggle: HTMLButtonElement, menu: HTMLElement, open: (on: boolean) => void) {
  menu.addEventListener('keydown', (event) => {
    const list = [...menu.querySelectorAll('button')];
    const at = list.indexOf(shadow.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      open(false);
      toggle.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      list[(at + (event.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length]?.focus();
    }
  });
  menu.addEventListener('click', () => open(false));
}

function addStyle(shadow: ShadowRoot) {
  if (shadow.querySelector('style.menus')) return;
  const style = document.createElement('style');
  style.className = 'menus';
  style.textContent = MENU_STYLE;
  shadow.append(style);
}

function installLink(client: DesktopClient): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = client.installUrl;
  link.target = '_blank';
  link.rel = 'noreferrer';
  link.textContent = `Install ${client.name}`;
  return link;
}
