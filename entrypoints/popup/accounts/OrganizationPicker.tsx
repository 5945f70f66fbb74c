import { useSignal, useComputed } from '@preact/signals';
import type { AccountView, AvailableOrganization } from '@/lib/auth/account-views';
import type { OrganizationSelection } from '@/lib/auth/oauth-sign-in';
import { sendMessage } from '@/lib/messaging/send-message';
import { appErrors } from '@/lib/errors/error-messages';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { usePopupState } from '../state';
import { useAction } from '../use-action';
import { useEffect } from 'preact/hooks';

/** After an OAuth sign-in: which of the user's organizations ADO Companion should use. */
export function OrganizationPicker({ account, available }: { account: AccountView; available: AvailableOrganization[] }) {
  const state = usePopupState();
  // First sign-in: everything ticked that no other account serves; later: what the user chose before.
  // An organization another account serves is never ticked for the user: ticking it moves it here.
  const anySelected = available.some((o) => o.selected);
  const chosen = useSignal(new Set(available.filter((o) => o.selected || (!anySelected && !o.servedBy)).map((o) => o.baseUrl)));
  const filter = useSignal('');
  const { busy, error, run } = useAction();
  const results = useSignal<OrganizationSelection[] | null>(null);
  const visible = useComputed(() =>
    available.filter((o) => o.name.toLowerCase().includes(filter.value.trim().toLowerCase())),
  );

  function toggle(baseUrl: string, on: boolean) {
    const next = new Set(chosen.value);
    if (on) next.add(baseUrl);
    else next.delete(baseUrl);
    chosen.value = next;
  }

  // The results replace the list on the same screen: their heading takes the focus.
  useEffect(() => {
    if (results.value) document.getElementById('org-results-title')?.focus();
  }, [results.value]);

  async function signInToDirectory(tenantId: string) {
    const data = await run(() => sendMessage('accounts.signInOAuth', { tenantId }));
    if (!data) return;
    await state.reload();
    state.go({ name: 'pick-organizations', account: data.account, available: data.available });
  }

  function leave() {
    void sendMessage('accounts.dismissSignIn', {});
    state.goHome();
  }

  async function save() {
    const baseUrls = [...chosen.value];
    const takeOver = available.filter((o) => o.servedBy && chosen.value.has(o.baseUrl)).map((o) => o.baseUrl);
    const data = await run(() => sendMessage('accounts.selectOrganizations', { accountId: account.id, baseUrls, takeOver }));
    if (!data) return;
    await state.reload();
    if (data.results.every((r) => r.status === 'connected')) {
      state.announce(`Using ${data.results.length} organization${data.results.length === 1 ? '' : 's'}.`);
      state.go({ name: 'accounts' });
    } else results.value = data.results;
  }

  if (results.value) {
    return (
      <section class="stack" aria-labelledby="org-results-title">
        <h2 tabIndex={-1} id="org-results-title">Some organizations need attention</h2>
        <ul class="org-results">
          {results.value.map((r) => (
            <li key={r.baseUrl} data-status={r.status}>
              <strong>{r.name}</strong>
              {r.status === 'connected' && <span class="ok"> connected</span>}
              {r.status !== 'connected' && <p class="notice notice-error" role="alert">{r.message}</p>}
              {r.status === 'other-tenant' && (
                <button class="secondary" type="button" disabled={busy.value} onClick={() => signInToDirectory(r.tenantId)}>
                  Sign in to {r.name}’s directory
                </button>
              )}
              {(r.status === 'blocked' || r.status === 'other-tenant') && (
                <button
                  class="secondary"
                  type="button"
                  onClick={() => state.go({ name: 'pat', host: r.patHost, notice: appErrors.patInsteadOfOAuth(r.name) })}
                >
                  Use a Personal Access Token for {r.name}
                </button>
              )}
            </li>
          ))}
        </ul>
        <ErrorNotice error={error.value} />
        <button class="primary" type="button" onClick={leave}>
          Done
        </button>
      </section>
    );
  }

  const limitedByPolicy = state.policy.value?.organizationsLimited === true;

  return (
    <section class="stack" aria-labelledby="pick-title">
      <h2 tabIndex={-1} id="pick-title">Choose organizations</h2>
      <p class="muted">
        Signed in as {account.displayName}
        {account.email && ` (${account.email})`}.
      </p>
      {available.length === 0 && (
        <p class="notice notice-info">
          {limitedByPolicy
            ? "None of this account's organizations is one your organization's policy allows in ADO Companion."
            : 'This account is not a member of any Azure DevOps organization. Use a Personal Access Token, or ask to be added.'}
        </p>
      )}
      {limitedByPolicy && available.length > 0 && <p class="muted small">Only the organizations your organization's policy allows are listed.</p>}
      {available.length > 8 && (
        <input
          type="search"
          placeholder="Filter organizations"
          aria-label="Filter organizations"
          value={filter.value}
          onInput={(event) => (filter.value = event.currentTarget.value)}
        />
      )}
      <fieldset class="org-choice">
      <legend>Organizations to use with this sign-in</legend>
      <ul class="org-list">
        {visible.value.map((o) => (
          <li key={o.baseUrl}>
            <label>
              <input
                type="checkbox"
                aria-describedby={o.servedBy ? `served-${o.name}` : undefined}
                checked={chosen.value.has(o.baseUrl)}
                onChange={(event) => toggle(o.baseUrl, event.currentTarget.checked)}
              />
              {o.name}
            </label>
            {o.servedBy && (
              <p class="muted small" id={`served-${o.name}`}>
                Used through {o.servedBy.displayName}’s {o.servedBy.kind === 'pat' ? 'Personal Access Token' : 'other Microsoft sign-in'}.
                Tick it to move it to this sign-in; that account stays connected.
              </p>
            )}
          </li>
        ))}
      </ul>
      </fieldset>
      <ErrorNotice error={error.value} />
      <button class="primary" type="button" disabled={busy.value || chosen.value.size === 0} onClick={save}>
        {busy.value ? 'Checking organizations…' : `Use ${chosen.value.size} organization${chosen.value.size === 1 ? '' : 's'}`}
      </button>
      <button class="link" type="button" disabled={busy.value} onClick={leave}>
        Not now
      </button>
    </section>
  );
}
