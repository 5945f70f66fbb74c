import { COMMIT_HEADER_COMMANDBAR, FILES_HEADER_COMMANDBAR, LIST_HEADER_COMMANDBAR, PR_HEADER_COMMANDS } from '@/lib/azure/selectors';
import { isCommitPage, isFilesPage, isPullRequestPage, type PageKind } from '@/lib/azure/page-parts';
import type { CloudPage } from '@/lib/azure/cloud-page';
import { mountInAnchor } from './mount-in-anchor';

/** The repository's list pages, whose header is azure-devops-ui's with a command bar (lib/azure/selectors.ts LIST_HEADER_COMMANDBAR). */
const LIST_PAGES = ['commits', 'pushes', 'pull-requests', 'branches'];

/** The pages whose header gets the buttons. */
export const PAGES_WITH_HEADER = [isFilesPage, (page: PageKind) => page.type === 'history' || LIST_PAGES.includes(page.type), isCommitPage, isPullRequestPage];

/**
 * Styles shared by the injected buttons: Azure DevOps' own colours (its CSS variables reach into
 * shadow roots), with fallbacks, in the page's own font. The menus bring their own (entrypoints/content/page-menus).
 */
const BUTTON_STYLE = `:host{display:inline-flex;position:relative;margin-right:8px;flex-shrink:0;white-space:nowrap}
a,button{display:inline-flex;align-items:center;height:32px;padding:0 12px;border:0;border-radius:2px;font:inherit;font-size:14px;font-weight:600;cursor:pointer;text-decoration:none;background:var(--communication-background,#0078d4);color:var(--text-on-communication-background,#fff)}
a:hover,button:hover{background:rgba(var(--palette-primary-darkened-6,0,103,181),1)}
:focus-visible{outline:2px solid var(--focus-border-color,#0078d4);outline-offset:1px}
.more{padding:0 8px;margin-left:1px}
p{position:absolute;top:34px;left:0;z-index:1000;margin:0;white-space:normal;padding:6px 10px;width:max-content;max-width:320px;background:var(--callout-background-color,#fff);color:var(--text-primary-color,rgba(0,0,0,.9));box-shadow:0 3px 8px var(--callout-shadow-color,rgba(0,0,0,.2));font-size:13px;border-radius:4px}
p:empty{display:none}`;

/**
 * Mounts a feature's buttons (`html`, with the shared styles and a status line) in the header command
 * bar of the page (lib/azure/selectors.ts), and again whenever Azure DevOps re-renders it; `wire`
 * gives each copy its behaviour.
 */
export function mountHeaderButtons(signal: AbortSignal, page: CloudPage, id: string, html: string, wire: (shadow: ShadowRoot, status: HTMLElement) => void): void {
  const anchors =
    page.type === 'pull-request' ? PR_HEADER_COMMANDS : LIST_PAGES.includes(page.type) ? LIST_HEADER_COMMANDBAR : [...FILES_HEADER_COMMANDBAR, ...COMMIT_HEADER_COMMANDBAR];
  mountInAnchor(signal, anchors, id, (shadow) => {
    shadow.innerHTML = `<style>${BUTTON_STYLE}</style>${html}<p role="status"></p>`;
    wire(shadow, shadow.querySelector('p')!);
  });
}
