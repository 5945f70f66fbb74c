// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import cloneInClient from '@/entrypoints/content/azure-devops/features/clone-in-client';
import copyCloneUrl from '@/entrypoints/content/azure-devops/features/copy-clone-url';
import createPullRequest from '@/entrypoints/content/azure-devops/features/create-pull-request';
import { detectCloudPage } from '@/lib/azure/cloud-page';

const PAGE = detectCloudPage('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app')!;
const shadowOf = (id: string) => document.querySelector(`[data-ado-companion-feature="${id}"]`)!.shadowRoot!;

// A script of the page can reach our buttons (the shadow roots are open) and call `.click()`: such an
// event is not trusted, and must neither copy, nor open a client, nor load a menu or the dialog.
describe('page buttons act only on trusted events', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.innerHTML = '<div class="full-size"><main id="skip-to-main-content"><div class="repos-files-header-commandbar"></div></main></div>';
  });

  it('ignores a scripted click on every button and on the "Clone in" link', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const signal = new AbortController().signal;
    copyCloneUrl.init(signal, PAGE, 'copy-clone-url', detectCloudPage);
    createPullRequest.init(signal, PAGE, 'create-pull-request', detectCloudPage);
    await cloneInClient.init(signal, PAGE, 'clone-in-client', detectCloudPage);

    for (const button of shadowOf('copy-clone-url').querySelectorAll('button')) button.click();
    for (const button of shadowOf('create-pull-request').querySelectorAll('button')) button.click();
    shadowOf('clone-in-client').querySelector('button')!.click();
    const link = new MouseEvent('click', { bubbles: true, cancelable: true });
    shadowOf('clone-in-client').querySelector('a')!.dispatchEvent(link);
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(writeText).not.toHaveBeenCalled();
    expect(sendMessage).not.toHaveBeenCalled();
    expect(link.defaultPrevented).toBe(true);
    vi.unstubAllGlobals();
  });
});
