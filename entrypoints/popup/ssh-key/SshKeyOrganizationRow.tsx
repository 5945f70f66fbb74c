import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { AccountView, OrganizationView } from '@/lib/auth/account-views';
import { sendMessage } from '@/lib/messaging/send-message';
import { sshKeysSettingsUrl } from '@/lib/azure/ssh-public-keys';
import { appErrors } from '@/lib/errors/error-messages';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { usePopupState } from '../state';
import { useAction } from '../use-action';
import { copyText } from '@/lib/ui/copy-text';

/**
 * One organization: "Add to <org>" unless the `sshKeys` probe found that its account may not add keys
 * (docs/ssh-keys.md#adding-a-key; a Microsoft sign-in is not probed, so it tries), otherwise — or once
 * Azure DevOps refused — its SSH keys settings page.
 */
export function SshKeyOrganizationRow(props: { organization: OrganizationView; account: AccountView | undefined; publicKey: string; displayName: string }) {
  const { organization, publicKey, displayName } = props;
  const state = usePopupState();
  const action = useAction();
  const added = useSignal<string | null>(null);
  const canAdd = organization.kind === 'cloud' && props.account !== undefined && props.account.features?.sshKeys !== false;
  const showSettings = !canAdd || Boolean(action.error.value?.details?.settingsPage);

  async function add() {
    const result = await action.run(() => sendMessage('sshKeys.add', { orgKey: organization.key, publicKey, displayName }));
    if (!result) return;
    added.value = new Date(result.validTo).toLocaleDateString();
    state.announce(`Added the key to ${result.organization}.`);
  }

  async function openSettings() {
    // The key goes (back) on the clipboard: the settings page asks for it to be pasted.
    const copied = await copyText(publicKey);
    if (!copied) action.error.value = appErrors.clipboardRefused('public key');
    await browser.tabs.create({ url: sshKeysSettingsUrl(organization.baseUrl) });
    state.announce(`Opened the SSH keys settings of ${organization.name}. Choose New Key and paste the public key.`);
  }

  return (
    <li class="org-row" data-organization={organization.name}>
      <span class="org-name">{organization.name}</span>
      <div class="row">
        {canAdd && !added.value && (
          <button class="primary small" type="button" disabled={action.busy.value} onClick={add}>
            {action.busy.value ? 'Adding…' : `Add to ${organization.name}`}
          </button>
        )}
        {showSettings && (
          <button class="secondary small" type="button" onClick={openSettings}>
            Open SSH keys settings
          </button>
        )}
      </div>
      {added.value && (
        <p class="ok small" role="status">
          Added to {organization.name}. Azure DevOps accepts it until {added.value}; add it again after that.
        </p>
      )}
      {!canAdd && !action.error.value && (
        <p class="small muted">
          {organization.kind === 'cloud'
            ? 'This sign-in cannot add keys here: open the settings page, choose New Key and paste the key.'
            : 'Azure DevOps Server: open the settings page, choose New Key and paste the key.'}
        </p>
      )}
      <ErrorNotice error={action.error.value} />
    </li>
  );
}
