// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import cloneInClient from '@/entrypoints/content/azure-devops/features/clone-in-client';
import { detectCloudPage } from '@/lib/azure/cloud-page';
import { CLONE_CLIENT_KEY } from '@/lib/clients/clone-preference-keys';
import { PAGE_MENUS_GLOBAL } from '@/lib/page-ui/page-menus';

const PAGE = detectCloudPage('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app')!;

describe('clone-in-client', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.innerHTML = '<div class="full-size"><main id="skip-to-main-content"><div class="repos-files-header-commandbar"></div></main></div>';
  });

  it('mounts nothing when the page was left while the client catalogue loaded', async () => {
    // A client stored without its name (an older version): the feature waits for the catalogue.
    await fakeBrowser.storage.local.set({ [CLONE_CLIENT_KEY]: 'vscode' });
    let answer!: (value: unknown) => void;
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const controller = new AbortController();
    const started = cloneInClient.init(controller.signal, PAGE, 'clone-in-client', detectCloudPage);
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalled());
    controller.abort(); // the user went to another page while the catalogue loaded
    // The menus script arrives: it leaves the client catalogue on the isolated world's global.
    (globalThis as Record<string, unknown>)[PAGE_MENUS_GLOBAL] = { client: (id: string) => ({ id, name: 'Visual Studio Code', link: () => 'vscode://vscode.git/clone' }) };
    answer({ ok: true });
    await started;
    expect(document.querySelectorAll('[data-ado-companion-feature]')).toHaveLength(0);
    delete (globalThis as Record<string, unknown>)[PAGE_MENUS_GLOBAL];
  });

  it('mounts "Clone in GitKraken Desktop" in the header by default, and takes it away on abort', async () => {
    const controller = new AbortController();
    await cloneInClient.init(controller.signal, PAGE, 'clone-in-client', detectCloudPage);
    const host = document.querySelector('.repos-files-header-commandbar > [data-ado-companion-feature="clone-in-client"]');
    expect(host?.shadowRoot?.querySelector('a')?.textContent).toBe('Clone in GitKraken Desktop');
    controller.abort();
    expect(document.querySelectorAll('[data-ado-companion-feature]')).toHaveLength(0);
  });
});
