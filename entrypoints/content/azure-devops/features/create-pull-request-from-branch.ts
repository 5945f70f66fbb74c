import { BRANCH_ROW_LINKS } from '@/lib/azure/selectors';
import { defineFeature } from '../define-feature';
import { featureHost, whileRendered } from '../mount-in-anchor';
import { onTrustedClick } from '../on-trusted-click';
import { openPullRequestDialog } from './create-pull-request';

/**
 * On the Branches page, a "Create PR" button after each branch's link. No public source describes
 * that page's rows: the search keeps to the rows of a table (lib/azure/selectors.ts BRANCH_ROW_LINKS),
 * and takes only what every Azure DevOps branch link is (the href shape of the pull request page's
 * branch links): a link to this repository's files at `version=GB{branch}`.
 */
export default defineFeature({
  include: [(page) => page.type === 'branches'],
  init(signal, page, id, detect) {
    whileRendered(signal, () => {
      const links = BRANCH_ROW_LINKS.map((selector) => document.querySelectorAll<HTMLAnchorElement>(selector)).find((found) => found.length) ?? [];
      for (const link of links) {
        const target = detect(link.href);
        const branch = target?.branch;
        if (!branch || target.type !== 'files' || target.repo.httpsUrl !== page.repo.httpsUrl) continue;
        if ((link.nextElementSibling as HTMLElement | null)?.dataset.adoCompanionFeature === id) continue;
        link.after(
          featureHost(signal, id, (shadow) => {
            // Text, not markup: branch names come from the page.
            shadow.innerHTML = `<style>button{margin-left:8px;padding:0 6px;border:0;font:inherit;font-size:12px;cursor:pointer;background:none;color:var(--communication-foreground,#0078d4)}button:hover{text-decoration:underline}</style><button type="button">Create PR</button><span role="status"></span>`;
            const button = shadow.querySelector('button')!;
            button.setAttribute('aria-label', `Create PR from ${branch}`);
            onTrustedClick(button, () => openPullRequestDialog(page, branch, button, shadow.querySelector('span')!));
          }),
        );
      }
    });
  },
});
