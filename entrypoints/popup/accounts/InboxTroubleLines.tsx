import { usePopupState } from '../state';

/**
 * A line per account the pull request inbox could not read for, naming it and the one action that
 * fixes it (docs/pull-request-inbox.md#account-trouble). An account whose token Azure DevOps refused
 * is left to its card, which already says so with the same action.
 */
export function InboxTroubleLines() {
  const state = usePopupState();
  const flagged = new Set(state.accounts.value.filter((a) => a.needsReauth).map((a) => a.id));
  return (
    <>
      {state.inboxTrouble.value
        .filter((t) => !flagged.has(t.accountId))
        .map((t) => (
          <div key={t.accountId} class="notice notice-error" role="alert" data-inbox-trouble={t.accountId}>
            {t.account}: {t.error.message}
            {t.fix === 'new-token' && (
              <button class="primary small" type="button" onClick={() => state.go({ name: 'pat', host: t.host })}>
                Enter a new token
              </button>
            )}
          </div>
        ))}
    </>
  );
}
