import { useSignal } from '@preact/signals';
import type { AccountView, OrganizationView } from '@/lib/auth/account-views';
import { PAT_SCOPES_BY_FEATURE } from '@/lib/auth/pat-scopes';
import { sendMessage } from '@/lib/messaging/send-message';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { usePopupState } from '../state';
import { useAction } from '../use-action';
import { dropRepositoryListCopy } from '../repositories/drop-repository-list-copy';
import { CLOUD_HOST } from '@/lib/azure/azure-hosts';

const KIND_LABEL = { oauth: 'Microsoft Entra', pat: 'Personal Access Token' } as const;

export function AccountCard({ account, organizations }: { account: AccountView; organizations: OrganizationView[] }) {
  const state = usePopupState();
  const confirmingSignOut = useSignal(false);
  const { busy, error, run } = useAction();
  const isServer = account.host !== CLOUD_HOST;

  async function signOut() {
    if (await run(() => sendMessage('accounts.signOut', { accountId: account.id }))) {
      dropRepositoryListCopy();
      await state.reload();
      state.announce(`Signed out ${account.displayName}.`);
      if (state.accounts.value.length === 0) state.go({ name: 'connect' });
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
      state.go({ name: 'pick-organizations', account: data.account, available: data.available });
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
                : state.go({ name: 'pat', host: organizations[0] ? hostInputOf(organizations[0]) : '' })
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
  const connectedAs = useSignal<string | null>(null);
  const { busy, error, run } = useAction();

  async function check() {
    connectedAs.value = null;
    const data = await run(() => sendMessage('organizations.check', { key: organization.key }));
    if (data) connectedAs.value = `Connected as ${data.displayName}`;
    // A failure may have ended the account's sign-in; show that on its card.
    else await state.reload();
  }

  return (
    <li class="org-row" data-organization={organization.name}>
      <span class="org-name">{organization.name}</span>
      <button class="link small" type="button" disabled={busy.value} onClick={check}>
        {busy.value ? 'Checking…' : 'Test connection'}
      </button>
      {connectedAs.value && (
        <div class="ok small" role="status">
          {connectedAs.value}
        </div>
      )}
      <ErrorNotice error={error.value} />
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
  return organization.kind === 'cloud' ? `${CLOUD_HOST}/${organization.name}` : organization.baseUrl;
}
