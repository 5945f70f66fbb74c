import { usePopupState } from '../state';
import { AccountCard } from './AccountCard';
import { PageSessionLine } from './PageSessionLine';
import { ServerPageOfferSlot } from './ServerPageOfferSlot';
import { InboxTroubleLines } from './InboxTroubleLines';
import { GoButton, ScreenSection } from '../ScreenSection';

export function AccountsView() {
  const state = usePopupState();
  return (
    <ScreenSection
      id="accounts-title"
      title="Accounts"
      actions={
        <div class="row">
          <GoButton to={{ name: 'repositories' }}>Repositories</GoButton>
          <GoButton to={{ name: 'pull-requests' }}>Pull requests</GoButton>
          <GoButton to={{ name: 'remote-helper' }}>Remote URL helper</GoButton>
          <GoButton to={{ name: 'ssh-key' }}>SSH key</GoButton>
          <GoButton to={{ name: 'connect' }}>Add account</GoButton>
        </div>
      }
    >
      <InboxTroubleLines />
      <PageSessionLine />
      <ServerPageOfferSlot />
      {state.accounts.value.map((account) => (
        <AccountCard
          key={account.id}
          account={account}
          organizations={state.organizations.value.filter((o) => o.accountId === account.id)}
        />
      ))}
    </ScreenSection>
  );
}
