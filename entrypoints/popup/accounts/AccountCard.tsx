import { useSignal } from '@preact/signals';
import type { AccountView, OrganizationView } from '@/lib/messaging/protocol';
import { PAT_SCOPES_BY_FEATURE } from '@/lib/auth/pat-input';
import { sendMessage } from '@/lib/messaging/send-message';
import type { AppErrorValue } from '@/lib/errors/app-error';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { usePopupState } from '../state';

const KIND_LABEL = { oauth: 'Microsoft Entra', pat: 'Personal Access Token' } as const;

export function AccountCard({ account, organizations }: { account: AccountView; organizations: OrganizationView[] }) {
  const state = usePopupState();
  const confirmingSignOut = useSignal(false);
  const busy = useSignal(false);
  const error = useSignal<AppErrorValue | null>(null);
  const isServer = account.host !== 'dev.azure.com';

  async function run<T>(action: () => Promise<{ ok: true; data: T } | { ok: false; error: AppErrorValue }>) {
    busy.value = true;
    error.value = null;
    const result = await action();
    busy.value = false;
    if (!result.ok) error.value = result.error;
    return result.ok ? result.data : null;
  }

  async function signOut() {
    if (await run(() => sendMessage('accounts.signOut', { accountId: account.id }))) {
      await state.reload();
      if (state.accounts.value.length === 0) state.screen.value = { name: 'connect' };
    }
  }

  async function pickOrganizations(signInAgain: boolean) {
    const data = await run(() =>
      signInAgain
        ? sendMessage('accounts.signInOAuth', { accountId: account.id })
        : sendMessage('accounts.availableOrganizations', { accountId: account.id }),
    );
    if (data) {
      await state.reload();
      state.screen.value = { name: 'pick-organizations', account: data.account, available: data.available };
    }
  }

  return (
    <article class="card" aria-label={`${account.displayName} (${KIND_LABEL[account.kind]})`} data-account-id={account.id}>
      <header class="card-header">
        <div>
          <strong class="account-name">{account.displayName}</strong>
          {account.email && <div class="muted small">{account.email}</div>}
        </div>
        <span class="badge">{isServer ? 'Azure DevOps Server' : KIND_LABEL[account.kind]}</span>
      </header>

      {account.needsReauth && (
        <div class="notice notice-error" role="alert">
          {account.kind === 'oauth'
            ? 'Your sign-in has ended. Microsoft limits browser extensions to 24 hours between sign-ins.'
            : 'This token no longer works. Create a new one and connect again.'}
          <button
            class="primary small"
            type="button"
            disabled={busy.value}
            onClick={() =>
              account.kind === 'oauth'
                ? pickOrganizations(true)
                : (state.screen.value = { name: 'pat', host: organizations[0] ? hostInputOf(organizations[0]) : '' })
            }
          >
            {account.kind === 'oauth' ? 'Sign in again' : 'Enter a new token'}
          </button>
        </div>
      )}

      {account.kind === 'oauth' && account.refreshExpiresAt && !account.needsReauth && (
        <p class="muted small">Signed in until {new Date(account.refreshExpiresAt).toLocaleString()}</p>
      )}

      <ul class="org-rows" aria-label="Organizations">
        {organizations.filter((o) => o.selected).map((o) => (
          <OrganizationRow key={o.key} organization={o} />
        ))}
      </ul>

      {organizations.every((o) => !o.selected) && <p class="muted small">This account serves no organization now.</p>}

      {account.features && (
        <FeatureList
          features={account.features}
          busy={busy.value}
          onRecheck={() => run(() => sendMessage('accounts.recheckFeatures', { accountId: account.id })).then((data) => data && state.reload())}
        />
      )}

      <ErrorNotice error={error.value} />
      <div class="row">
        {account.kind === 'oauth' && !account.needsReauth && (
          <button class="secondary small" type="button" disabled={busy.value} onClick={() => pickOrganizations(false)}>
            Organizations
          </button>
        )}
        {confirmingSignOut.value ? (
          <span class="confirm" role="group" aria-label="Confirm sign out">
            <span class="small">Delete this account’s tokens and cached data?</span>
            <button class="danger small" type="button" disabled={busy.value} onClick={signOut}>
              Sign out
            </button>
            <button class="link small" type="button" onClick={() => (confirmingSignOut.value = false)}>
              Keep
            </button>
          </span>
        ) : (
          <button class="link small" type="button" onClick={() => (confirmingSignOut.value = true)}>
            Sign out…
          </button>
        )}
      </div>
    </article>
  );
}

function OrganizationRow({ organization }: { organization: OrganizationView }) {
  const state = usePopupState();
  const status = useSignal<{ ok: boolean; text: string } | null>(null);
  const busy = useSignal(false);

  async function check() {
    busy.value = true;
    const result = await sendMessage('organizations.check', { key: organization.key });
    busy.value = false;
    status.value = result.ok
      ? { ok: true, text: `Connected as ${result.data.displayName}` }
      : { ok: false, text: result.error.message };
    // A failure may have ended the account's sign-in; show that on its card.
    if (!result.ok) await state.reload();
  }

  return (
    <li class="org-row" data-organization={organization.name}>
      <span class="org-name">{organization.name}</span>
      <button class="link small" type="button" disabled={busy.value} onClick={check}>
        {busy.value ? 'Checking…' : 'Test connection'}
      </button>
      {status.value && (
        <div class={status.value.ok ? 'ok small' : 'notice notice-error'} role={status.value.ok ? 'status' : 'alert'}>
          {status.value.text}
        </div>
      )}
    </li>
  );
}

function FeatureList({
  features,
  busy,
  onRecheck,
}: {
  features: NonNullable<AccountView['features']>;
  busy: boolean;
  onRecheck: () => void;
}) {
  const rows = PAT_SCOPES_BY_FEATURE.filter((row) => row.key in features);
  const unchecked = rows.some((row) => features[row.key as keyof typeof features] === null);
  return (
    <>
      <ul class="features" aria-label="What this token allows">
        {rows.map((row) => {
          const allowed = features[row.key as keyof typeof features];
          const state = allowed === null ? 'unknown' : String(allowed);
          return (
            <li key={row.key} data-allowed={state}>
              <span aria-hidden="true">{allowed === null ? '?' : allowed ? '✓' : '✗'}</span> {row.feature}
              <span class="muted">
                {allowed === null ? ' — could not check' : allowed ? ' — allowed' : ` — not allowed: needs ${row.scope}`}
              </span>
            </li>
          );
        })}
      </ul>
      {unchecked && (
        <button class="link small" type="button" disabled={busy} onClick={onRecheck}>
          Check again
        </button>
      )}
    </>
  );
}

/** What to pre-fill in the PAT form's host field for an organization. */
function hostInputOf(organization: OrganizationView): string {
  return organization.kind === 'cloud' ? `dev.azure.com/${organization.name}` : organization.baseUrl;
}
