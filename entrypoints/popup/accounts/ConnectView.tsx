import { useSignal } from '@preact/signals';
import { sendMessage } from '@/lib/messaging/send-message';
import type { AppErrorValue } from '@/lib/errors/app-error';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { usePopupState } from '../state';

/** The two ways in: Microsoft Entra OAuth, or a Personal Access Token. */
export function ConnectView() {
  const state = usePopupState();
  const busy = useSignal(false);
  // A sign-in that ended while the popup was closed shows its outcome here once.
  const error = useSignal<AppErrorValue | null>(state.signInError.peek());
  state.signInError.value = null;

  async function connectWithOAuth() {
    busy.value = true;
    error.value = null;
    const result = await sendMessage('accounts.signInOAuth', {});
    busy.value = false;
    if (!result.ok) {
      error.value = result.error;
      return;
    }
    await state.reload();
    state.screen.value = { name: 'pick-organizations', account: result.data.account, available: result.data.available };
  }

  return (
    <section class="stack" aria-labelledby="connect-title">
      <h2 id="connect-title">Connect to Azure DevOps</h2>
      <p class="muted">Sign in with your work account, or use a Personal Access Token for one organization or an Azure DevOps Server.</p>
      <button class="primary" type="button" disabled={busy.value} onClick={connectWithOAuth}>
        {busy.value ? 'Waiting for Microsoft sign-in…' : 'Connect to Azure DevOps'}
      </button>
      <ErrorNotice error={error.value} />
      <button class="secondary" type="button" onClick={() => (state.screen.value = { name: 'pat' })}>
        Use a Personal Access Token
      </button>
      {state.accounts.value.length > 0 && (
        <button class="link" type="button" onClick={() => (state.screen.value = { name: 'accounts' })}>
          Back to accounts
        </button>
      )}
    </section>
  );
}
