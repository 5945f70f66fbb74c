import type { CloudPage } from '@/lib/azure/cloud-page';
import { isCommitPage, isFilesPage, type PageKind } from '@/lib/azure/page-parts';
import { OPEN_DIALOG_GLOBAL } from '@/lib/pull-requests/dialog-global';
import { defineFeature } from '../define-feature';
import { loadPageUi } from '../load-page-ui';
import { mountHeaderButtons } from '../mount-header-buttons';
import { onTrustedClick } from '../on-trusted-click';

type OpenDialog = (request: { project: string; repository: string; organization: string; sourceBranch: string | null; returnFocus: () => HTMLElement | null }) => void;

/**
 * "Create pull request": a button in the header of repository pages. The dialog (and Preact) is
 * not part of this script: the background injects it on the first click, so pages load only this
 * button. The source branch is read when the button is clicked, so it follows in-app branch switches.
 */
export default defineFeature({
  include: [isFilesPage, (page: PageKind) => page.type === 'history', isCommitPage],
  init(signal, page, id, detect) {
    mountHeaderButtons(signal, page, id, '<button type="button">Create pull request</button>', (shadow, status) => {
      const button = shadow.querySelector('button')!;
      onTrustedClick(button, () => {
        const page = detect(location.href);
        if (page) void openPullRequestDialog(page, page.branch, button, status);
      });
    });
  },
});

/** Opens the dialog (injected on first use) for `page`'s repository with `sourceBranch`; problems go to `status`. */
export async function openPullRequestDialog(page: CloudPage, sourceBranch: string | null, button: HTMLButtonElement, status: HTMLElement) {
  const openDialog = await loadPageUi<OpenDialog>('pull-request-dialog', OPEN_DIALOG_GLOBAL, button);
  if (typeof openDialog === 'string') {
    status.textContent = openDialog;
    return;
  }
  status.textContent = '';
  openDialog({
    project: page.repo.project,
    repository: page.repo.repository,
    organization: page.repo.organization,
    sourceBranch,
    // The same button even if Azure DevOps re-rendered the header meanwhile: its host is moved, not replaced.
    returnFocus: () => button,
  });
}
