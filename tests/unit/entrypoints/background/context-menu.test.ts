import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { showRepositoryLinkMenuOn, startRepositoryLinkMenu } from '@/entrypoints/background/context-menu';
import { CLOUD_REPOSITORY_LINK_PATTERNS } from '@/lib/context-menu/repository-link-menu';

// No Server host granted: the entries take cloud links only.
const REPOSITORY_LINK_PATTERNS = CLOUD_REPOSITORY_LINK_PATTERNS;

// WXT's fake browser has no contextMenus: record what the background asks of it.
function recordMenus() {
  const menus = fakeBrowser.contextMenus as unknown as Record<string, unknown>;
  const calls: unknown[][] = [];
  menus.removeAll = vi.fn(async () => void calls.push(['removeAll']));
  menus.create = vi.fn((properties: unknown, done?: () => void) => {
    calls.push(['create', properties]);
    done?.();
  });
  menus.update = vi.fn(async (id: unknown, properties: unknown) => void calls.push(['update', id, properties]));
  menus.onClicked = { addListener: vi.fn() };
  return calls;
}

describe('background/context-menu', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('creates the four link entries at install, with their link patterns and the default client', async () => {
    const calls = recordMenus();
    startRepositoryLinkMenu();
    expect(calls).toEqual([]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(calls).toHaveLength(5));
    expect(calls).toEqual([
      ['removeAll'],
      ['create', { id: 'clone-in-client', title: 'Clone in GitKraken Desktop', contexts: ['link'], targetUrlPatterns: REPOSITORY_LINK_PATTERNS }],
      ['create', { id: 'copy-https-clone-url', title: 'Copy HTTPS clone URL', contexts: ['link'], targetUrlPatterns: REPOSITORY_LINK_PATTERNS }],
      ['create', { id: 'copy-ssh-clone-url', title: 'Copy SSH clone URL', contexts: ['link'], targetUrlPatterns: CLOUD_REPOSITORY_LINK_PATTERNS }],
      ['create', { id: 'open-in-azure-devops', title: 'Open in Azure DevOps', contexts: ['link'], targetUrlPatterns: REPOSITORY_LINK_PATTERNS }],
    ]);
  });

  it('shows the entries on the links of the Server hosts that got the page script, and keeps them for a menu made later', async () => {
    const calls = recordMenus();
    await showRepositoryLinkMenuOn(['https://tfs.contoso.test']);
    const withServer = [...CLOUD_REPOSITORY_LINK_PATTERNS, 'https://tfs.contoso.test/*/_git/*'];
    expect(calls).toEqual(['clone-in-client', 'copy-https-clone-url', 'open-in-azure-devops'].map((id) => ['update', id, { targetUrlPatterns: withServer }]));
    await showRepositoryLinkMenuOn(['https://tfs.contoso.test']);
    expect(calls).toHaveLength(3);
    startRepositoryLinkMenu();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    await vi.waitFor(() => expect(calls).toContainEqual(['create', expect.objectContaining({ id: 'copy-https-clone-url', targetUrlPatterns: withServer })]));
  });

  it('names the stored client when it creates the entries after an update', async () => {
    const calls = recordMenus();
    await fakeBrowser.storage.local.set({ 'clone-client': 'jetbrains-rd' });
    startRepositoryLinkMenu();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    await vi.waitFor(() => expect(calls).toContainEqual(['create', expect.objectContaining({ id: 'clone-in-client', title: 'Clone in Rider' })]));
  });

  it('renames "Clone in" when the user picks another client, and only then', async () => {
    const calls = recordMenus();
    startRepositoryLinkMenu();
    await fakeBrowser.storage.local.set({ 'clone-protocol': 'ssh' });
    await fakeBrowser.storage.local.set({ 'clone-client': 'vscode' });
    await vi.waitFor(() => expect(calls).toEqual([['update', 'clone-in-client', { title: 'Clone in Visual Studio Code' }]]));
    await fakeBrowser.storage.local.set({ 'clone-client': 'sublime-merge' });
    await vi.waitFor(() => expect(calls.at(-1)).toEqual(['update', 'clone-in-client', { title: 'Copy clone URL for Sublime Merge' }]));
  });

  it('creates the entries each time a Firefox persistent background page starts, which keeps none', async () => {
    // WXT defines FIREFOX as a boolean in a Firefox build; vitest types stubbed values as strings.
    vi.stubEnv('FIREFOX', true as unknown as string);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 2, name: 'ADO Companion', version: '0.1.0' });
    const calls = recordMenus();
    startRepositoryLinkMenu();
    await vi.waitFor(() => expect(calls).toHaveLength(5));
    expect(calls[0]).toEqual(['removeAll']);
  });
});
