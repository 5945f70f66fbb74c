import { usePopupState } from '../state';
import { AccountCard } from './AccountCard';
import { PageSessionLine } from './PageSessionLine';

export function AccountsView() {
  const state = usePopupState();
  return (
    <section class="stack" aria-labelledby="accounts-title">
      <div class="row row-between">
        <h2 tabIndex={-1} id="accounts-title">Accounts</h2>
        <div class="row">
          <button class="secondary small" type="button" onClick={() => state.go({ name: 'repositories' })}>
            Repositories
          </button>
          <button class="secondary small" type="button" onClick={() => state.go({ name: 'pull-requests' })}>
            Pull requests
          </button>
          <button class="secondary small" type="button" onClick={() => state.go({ name: 'remote-helper' })}>
            Remote URL helper
          </button>
          <button class="secondary small" type="button" onClick={() => state.go({ name: 'ssh-key' })}>
            SSH key
          </button>
          <button class="secondary small" type="button" onClick={() => state.go({ name: 'connect' })}>
            Add account
          </button>
        </div>
      </div>
      <PageSessionLine />
      {state.accounts.value.map((account) => (
        <AccountCard
          key={account.id}
          account={account}
          organizations={state.organizations.value.filter((o) => o.accountId === account.id)}
        />
      ))}
    </section>
  );
}
