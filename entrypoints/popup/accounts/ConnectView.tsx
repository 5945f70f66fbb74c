import { sendMessage } from '@/lib/messaging/send-message';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { appErrors } from '@/lib/errors/error-messages';
import { usePopupState } from '../state';
import { useAction } from '../use-action';
import { PageSessionLine } from './PageSessionLine';
import { ServerPageOfferSlot } from './ServerPageOfferSlot';

/** The two ways in: Microsoft Entra OAuth, or a Personal Access Token. */
export function ConnectView() {
  const state = usePopupState();
  const { busy, error, run } = useAction();
  // A sign-in that ended while the popup was closed shows its outcome here once.
  if (state.signInError.peek()) {
    error.value = state.signInError.peek();
    state.signInError.value = null;
  }

  const patAllowed = state.policy.value?.patSignIn !== false;

  async function connectWithOAuth() {
    const data = await run(() => sendMessage('accounts.signInOAuth', {}));
    if (!data) return;
    await state.reload();
    state.go({ name: 'pick-organizations', account: data.account, available: data.available });
  }

  return (
    <section class="stack" aria-labelledby="connect-title">
      <h2 tabIndex={-1} id="connect-title">Connect to Azure DevOps</h2>
      <PageSessionLine />
      <ServerPageOfferSlot />
      <p class="muted">
        {patAllowed
          ? 'Sign in with your work account, or use a Personal Access Token for one organization or an Azure DevOps Server.'
          : 'Sign in with your work account.'}
      </p>
      <button class="primary" type="button" disabled={busy.value} onClick={connectWithOAuth}>
        {busy.value ? 'Waiting for Microsoft sign-in…' : 'Connect to Azure DevOps'}
      </button>
      <ErrorNotice error={error.value} />
      {patAllowed ? (
        <button class="secondary" type="button" onClick={() => state.go({ name: 'pat' })}>
          Use a Personal Access Token
        </button>
      ) : (
        <p class="muted small">{appErrors.patSignInNotAllowedByPolicy().message}</p>
      )}
      <button class="link" type="button" onClick={() => state.go({ name: 'remote-helper' })}>
        Remote URL helper (no account needed)
      </button>
      {state.accounts.value.length > 0 && (
        <button class="link" type="button" onClick={() => state.go({ name: 'accounts' })}>
          Back to accounts
        </button>
      )}
    </section>
  );
}
