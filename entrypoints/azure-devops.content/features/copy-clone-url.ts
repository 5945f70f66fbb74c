import { COMMIT_HEADER_COMMANDBAR, FILES_HEADER_COMMANDBAR, PR_HEADER_COMMANDS } from '@/lib/azure/selectors';
import { isCommitPage, isFilesPage, isPullRequestPage, type AzurePage } from '@/lib/azure/page-parts';
import { defineFeature } from '../define-feature';
import { BUTTON_STYLE, mountInAnchor, wireMenu } from '../mount-in-anchor';

/** The header command bar of each page that has one we can anchor on (lib/azure/selectors.ts). */
export const headerAnchorsOf = (page: AzurePage): readonly string[] =>
  page.type === 'pull-request' ? PR_HEADER_COMMANDS : [...FILES_HEADER_COMMANDBAR, ...COMMIT_HEADER_COMMANDBAR];

/** The pages whose header gets the buttons. */
export const PAGES_WITH_HEADER = [isFilesPage, (page: AzurePage) => page.type === 'history', isCommitPage, isPullRequestPage];

/**
 * "Copy clone URL": the HTTPS URL in one click, SSH and `git clone` in its menu, in the canonical
 * dev.azure.com form even on a legacy visualstudio.com page. Computed from the page URL alone.
 */
export default defineFeature({
  include: PAGES_WITH_HEADER,
  init(signal, page) {
    mountInAnchor(signal, headerAnchorsOf(page), 'copy-clone-url', (shadow) => render(signal, shadow, page));
  },
});

function render(signal: AbortSignal, shadow: ShadowRoot, { repo }: AzurePage) {
  shadow.innerHTML = `<style>${BUTTON_STYLE}</style><button class="copy" type="button">Copy clone URL</button><button class="more" type="button" aria-haspopup="menu" aria-label="More ways to copy the clone URL">▾</button><ul role="menu" aria-label="Copy clone URL"><li><button role="menuitem" type="button" data-copy="https">Copy HTTPS URL</button></li><li><button role="menuitem" type="button" data-copy="ssh">Copy SSH URL</button></li><li><button role="menuitem" type="button" data-copy="git">Copy git clone command</button></li></ul><p role="status"></p>`;
  const status = shadow.querySelector('p')!;
  const texts: Record<string, [string, string]> = {
    https: [repo.httpsUrl, 'HTTPS clone URL'],
    ssh: [repo.sshUrl ?? repo.httpsUrl, 'SSH clone URL'],
    git: [`git clone ${repo.httpsUrl}`, 'git clone command'],
  };
  let clear: ReturnType<typeof setTimeout> | undefined;
  const copy = async (kind: string) => {
    const [text, what] = texts[kind]!;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = `Copied the ${what}.`;
    } catch {
      status.textContent = `Could not copy. The ${what} is ${text}`;
    }
    clearTimeout(clear);
    clear = setTimeout(() => (status.textContent = ''), 2500);
  };
  shadow.querySelector('.copy')!.addEventListener('click', () => copy('https'));
  shadow.querySelector('[role=menu]')!.addEventListener('click', (event) => {
    const kind = (event.target as HTMLElement).closest<HTMLElement>('[data-copy]')?.dataset.copy;
    if (kind) void copy(kind);
  });
  wireMenu(signal, shadow, shadow.querySelector('.more')!, shadow.querySelector('[role=menu]')!);
}
