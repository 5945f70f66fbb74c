import { browser } from 'wxt/browser';
import { isFilesPage, type PageKind } from '@/lib/azure/page-parts';
import { COMMIT_HEADER_COMMANDBAR, FILES_HEADER_COMMANDBAR } from '@/lib/azure/selectors';
import { BRANCH_PULL_REQUESTS_GLOBAL, type BranchPullRequestsFromPage } from '@/lib/pull-requests/branch-pull-requests-global';
import { defineFeature } from '../define-feature';
import { loadPageUi } from '../load-page-ui';
import { mountInAnchor } from '../mount-in-anchor';

interface BranchPullRequest {
  id: number;
  title: string;
  isDraft: boolean;
  targetBranch: string;
  webUrl: string;
}

/**
 * Next to the buttons, the viewed branch's active pull requests, each a link. Asked of the background
 * once per branch shown (through the account of the page's organization); with no account there, read
 * with the page's own sign-in by a script loaded on demand. Nothing shows when there is none or the
 * answer fails: it is a hint, never an error.
 */
export default defineFeature({
  include: [isFilesPage, (page: PageKind) => page.type === 'history'],
  async init(signal, page, id) {
    if (!page.branch) return;
    const at = { project: page.repo.project, repository: page.repo.repository, branch: page.branch };
    const answer = (await browser.runtime.sendMessage({ channel: 'ado-companion', type: 'pullRequests.fromBranch', data: at }).catch(() => null)) as {
      ok: boolean;
      data?: { pullRequests: BranchPullRequest[] | null };
    } | null;
    let pullRequests = answer?.ok ? answer.data?.pullRequests : null;
    if (answer?.ok && !pullRequests) {
      const fromPage = await loadPageUi<BranchPullRequestsFromPage>('branch-pull-requests', BRANCH_PULL_REQUESTS_GLOBAL);
      if (typeof fromPage === 'function') pullRequests = await fromPage(at);
    }
    if (signal.aborted || !pullRequests?.length) return;
    mountInAnchor(signal, [...FILES_HEADER_COMMANDBAR, ...COMMIT_HEADER_COMMANDBAR], id, (shadow) => {
      shadow.innerHTML = `<style>:host{display:inline-flex;align-items:center;gap:6px;margin-right:8px;font-size:13px;color:var(--text-secondary-color,rgba(0,0,0,.6))}a{color:var(--communication-foreground,#0078d4)}</style><span>Open pull requests:</span>`;
      for (const pr of pullRequests) {
        const link = document.createElement('a');
        link.href = pr.webUrl;
        link.textContent = `#${pr.id}`;
        // Text only: titles come from Azure DevOps.
        link.title = `${pr.isDraft ? 'Draft: ' : ''}${pr.title} → ${pr.targetBranch}`;
        link.setAttribute('aria-label', `Pull request ${pr.id}${pr.isDraft ? ' (draft)' : ''}: ${pr.title}, into ${pr.targetBranch}`);
        shadow.append(link);
      }
    });
  },
});
