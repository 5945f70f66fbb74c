import { h, render } from 'preact';
import { PullRequestDialog, type DialogRequest } from './PullRequestDialog';
import { DIALOG_CSS } from './dialog-css';
import { OPEN_DIALOG_GLOBAL } from '@/lib/pull-requests/dialog-global';

/**
 * The quick "Create pull request" dialog. Injected by the background into the content script's
 * world only when a user first asks for it, so pages that never open it never load it (nor Preact).
 * The page's own scripts cannot see it: it lives in the extension's isolated world.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    let host: HTMLElement | null = null;
    (globalThis as Record<string, unknown>)[OPEN_DIALOG_GLOBAL] = (request: DialogRequest) => {
      host?.remove();
      host = document.createElement('div');
      host.dataset.adoCompanionFeature = 'pull-request-dialog';
      const shadow = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = DIALOG_CSS;
      shadow.append(style);
      document.body.append(host);
      const close = () => {
        render(null, shadow);
        host?.remove();
        host = null;
        request.returnFocus?.()?.focus();
      };
      render(h(PullRequestDialog, { request, onClose: close }), shadow);
    };
  },
});
