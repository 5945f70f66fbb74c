import { browser } from 'wxt/browser';
import { detectCloudPage } from '@/lib/azure/cloud-page';
import { isCommitPage, isFilesPage, type AzurePage } from '@/lib/azure/page-parts';
import { OPEN_DIALOG_GLOBAL } from '@/lib/pull-requests/dialog-global';
import { defineFeature } from '../define-feature';
import { BUTTON_STYLE, mountInAnchor } from '../mount-in-anchor';
import { headerAnchorsOf } from './copy-clone-url';

type OpenDialog = (request: { project: string; repository: string; organization: string; sourceBranch: string | null; returnFocus: () => HTMLElement | null }) => void;

/**
 * "Create pull request": a button in the header of repository pages. The dialog (and Preact) is
 * not part of this script: the background injects it on the first click, so pages load only this
 * button. The source branch is read when the button is clicked, so it follows in-app branch switches.
 */
export default defineFeature({
  include: [isFilesPage, (page: AzurePage) => page.type === 'history', isCommitPage],
  init(signal, page) {
    mountInAnchor(signal, headerAnchorsOf(page), 'create-pull-request', (shadow) => {
      shadow.innerHTML = `<style>${BUTTON_STYLE}</style><button type="button">Create pull request</button><p role="status"></p>`;
      const button = shadow.querySelector('button')!;
      button.addEventListener('click', () => void open(button, shadow.querySelector('p')!));
    });
  },
});

async function open(button: HTMLButtonElement, status: HTMLElement) {
  const page = detectCloudPage(location.href);
  if (!page) return;
  const world = globalThis as unknown as Record<string, OpenDialog | undefined>;
  if (!world[OPEN_DIALOG_GLOBAL]) {
    button.disabled = true;
    // The background's sentence when it cannot inject; a dead background (extension updated) gives none.
    const answer = (await browser.runtime
      .sendMessage({ channel: 'ado-companion', type: 'newPullRequest.openDialog', data: {} })
      .catch(() => null)) as { ok: boolean; error?: { message: string } } | null;
    button.disabled = false;
    if (!answer?.ok) {
      status.textContent = answer?.error?.message ?? 'ADO Companion was updated: reload the page to use it.';
      return;
    }
  }
  status.textContent = '';
  world[OPEN_DIALOG_GLOBAL]?.({
    project: page.repo.project,
    repository: page.repo.repository,
    organization: page.repo.organization,
    sourceBranch: page.branch,
    // Azure DevOps may have re-rendered the header meanwhile: focus the button that is there now.
    returnFocus: () => (button.isConnected ? button : (document.querySelector('[data-ado-companion-feature="create-pull-request"]')?.shadowRoot?.querySelector('button') ?? null)),
  });
}
