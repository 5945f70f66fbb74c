import { clipboardRefusedSentence } from '@/lib/errors/clipboard-refused';
import { copyText } from '@/lib/ui/copy-text';
import { defineFeature } from '../define-feature';
import { PAGES_WITH_HEADER, mountHeaderButtons } from '../mount-header-buttons';
import { onTrustedClick } from '../on-trusted-click';
import { withPageMenus } from '../with-page-menus';

/**
 * "Copy clone URL": the HTTPS URL in one click, SSH and `git clone` in its menu (loaded on demand),
 * in the canonical dev.azure.com form even on a legacy visualstudio.com page. Computed from the page
 * URL alone.
 */
export default defineFeature({
  include: PAGES_WITH_HEADER,
  init(signal, page, id) {
    const { repo } = page;
    mountHeaderButtons(
      signal,
      page,
      id,
      '<button class="copy" type="button">Copy clone URL</button><button class="more" type="button" aria-haspopup="menu" aria-expanded="false" aria-label="More ways to copy the clone URL">▾</button>',
      (shadow, status) => {
        const [main, more] = shadow.querySelectorAll('button');
        let clear: ReturnType<typeof setTimeout> | undefined;
        const copy = async (text: string, what: string) => {
          status.textContent = (await copyText(text)) ? `Copied the ${what}.` : clipboardRefusedSentence(what, text);
          clearTimeout(clear);
          clear = setTimeout(() => (status.textContent = ''), 2500);
        };
        onTrustedClick(main!, () => copy(repo.httpsUrl, 'HTTPS clone URL'));
        onTrustedClick(more!, () => withPageMenus(() => status, (menus) => menus.copyMenu(more!, repo, copy)));
      },
    );
  },
});
