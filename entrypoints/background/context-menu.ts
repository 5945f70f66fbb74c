import { browser, type Browser } from 'wxt/browser';
import { CLONE_CLIENT_KEY } from '@/lib/clients/clone-preference-keys';
import { onWindows } from '@/lib/clients/desktop-platform';
import {
  ANY_REPOSITORY_LINK_ITEMS,
  cloneItemTitle,
  repositoryLinkAction,
  repositoryLinkMenu,
  repositoryLinkPatterns,
  type RepositoryLinkAction,
} from '@/lib/context-menu/repository-link-menu';
import { writeClipboardFromBackground } from './write-clipboard';
import { readCloneChoice } from './clone-choice';
import { openLink } from './open-link';

/**
 * The context menu on links to Azure DevOps repositories, on any site: Clone in <client>, Copy
 * HTTPS/SSH clone URL, Open in Azure DevOps (docs/context-menu.md). Listeners are added when the
 * background starts, so a click or a preference change wakes the service worker and reaches them.
 */
export function startRepositoryLinkMenu(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => void onRepositoryLinkClicked(info, tab));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && CLONE_CLIENT_KEY in changes) void updateCloneTitle();
  });
  // Chromium keeps an extension's menu items across service worker and browser restarts, so they are
  // made once per install or update; Firefox never keeps those of a persistent background page, which
  // makes them each time it starts (MDN, menus.create()). Our Firefox Manifest V2 build has a
  // persistent background page (the manifest does not set `persistent: false`).
  const firefoxPersistentPage = import.meta.env.FIREFOX && browser.runtime.getManifest().manifest_version === 2;
  if (firefoxPersistentPage) void createMenu();
  else browser.runtime.onInstalled.addListener(() => void createMenu());
}

/**
 * The Azure DevOps Server hosts whose repository links get the entries (the hosts with the Server page
 * script, entrypoints/background/server-page-scripts.ts), kept so that a menu made later reads them.
 */
const SERVER_ORIGINS_KEY = 'context-menu-server-origins';
// browser.storage itself: WXT's storage helpers would add ~3 KB to the background for one list.
const storedServerOrigins = async (): Promise<string[]> => {
  const value = (await browser.storage.local.get(SERVER_ORIGINS_KEY))[SERVER_ORIGINS_KEY];
  return Array.isArray(value) ? value.filter((origin): origin is string => typeof origin === 'string') : [];
};

/** Shows the entries on repository links of these Server hosts (and no others), besides the cloud's. */
export async function showRepositoryLinkMenuOn(serverOrigins: readonly string[]): Promise<void> {
  if ((await storedServerOrigins()).join() === serverOrigins.join()) return;
  await browser.storage.local.set({ [SERVER_ORIGINS_KEY]: [...serverOrigins] });
  const targetUrlPatterns = repositoryLinkPatterns(serverOrigins);
  for (const id of ANY_REPOSITORY_LINK_ITEMS) {
    await browser.contextMenus.update(id, { targetUrlPatterns }).catch(() => {
      // Not created yet: createMenu reads the stored hosts.
    });
  }
}

async function createMenu(): Promise<void> {
  const { client } = await readCloneChoice();
  const serverOrigins = await storedServerOrigins();
  // An update keeps the items of the previous version: start from none so no id is created twice.
  await browser.contextMenus.removeAll();
  for (const item of repositoryLinkMenu(client, onWindows(), serverOrigins)) {
    browser.contextMenus.create({ id: item.id, title: item.title, contexts: ['link'], targetUrlPatterns: [...item.targetUrlPatterns] }, () => {
      // Read so that a refusal is not reported as unchecked; there is no one to tell.
      void browser.runtime.lastError;
    });
  }
}

async function updateCloneTitle(): Promise<void> {
  const { client } = await readCloneChoice();
  await browser.contextMenus.update('clone-in-client', { title: cloneItemTitle(client, onWindows()) }).catch(() => {
    // Not created yet: createMenu will read the new choice.
  });
}

async function onRepositoryLinkClicked(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): Promise<void> {
  const action = repositoryLinkAction(info.menuItemId, info.linkUrl, await readCloneChoice());
  if (action) await perform(action, tab?.id !== undefined && tab.id >= 0 ? tab : undefined);
}

async function perform(action: RepositoryLinkAction, tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (action.kind === 'copy') await writeClipboardFromBackground(action.text);
  else await openLink(action.kind, action.url, tab);
}
