import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { appErrors } from '@/lib/errors/error-messages';
import { sendMessage } from '@/lib/messaging/send-message';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { usePopupState } from '../state';
import { useAction } from '../use-action';

/**
 * Over a page that looks like an Azure DevOps Server's, whose host has no page actions yet: one click
 * asks for that host and turns them on, with the page's own sign-in and no token
 * (docs/azure-devops-hosts.md#server-page-offer).
 */
export function ServerPageOffer({ origin: server }: { origin: string }) {
  const state = usePopupState();
  const enabled = useSignal(false);
  const { busy, error, run } = useAction();
  const host = new URL(server).host;

  async function enable() {
    // Asked first, while the click still counts as the user's.
    const granted = await browser.permissions.request({ origins: [`${server}/*`] }).catch(() => false);
    if (!granted) {
      error.value = appErrors.serverPageActionsPermissionNeeded(host);
      return;
    }
    const answer = await run(() => sendMessage('serverPages.enable', { origin: server }));
    if (!answer) return;
    enabled.value = answer.enabled;
    state.announce(`Page actions are on for ${host}.`);
  }

  if (enabled.value) {
    return (
      <p class="muted small" data-server-page-offer="enabled">
        Page actions are on for {host}. Reload the page to see them.
      </p>
    );
  }
  return (
    <div class="stack" data-server-page-offer="offered">
      <p class="muted small">
        This looks like a page of the Azure DevOps Server at {host}. ADO Companion can add its buttons (Clone in, Copy clone URL, Create
        pull request) to that server’s pages. They use the sign-in you already have there: no token needed. Your browser will ask to let
        ADO Companion read and change data on {host}.
      </p>
      <button class="secondary" type="button" disabled={busy.value} onClick={enable}>
        Enable page actions on {host}
      </button>
      <ErrorNotice error={error.value} />
    </div>
  );
}
