import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { signal } from '@preact/signals';
import type { AccountView, AvailableOrganization, OrganizationView } from '@/lib/messaging/protocol';
import { sendMessage } from '@/lib/messaging/send-message';
import type { AppErrorValue } from '@/lib/errors/app-error';

export type Screen =
  | { name: 'loading' }
  | { name: 'accounts' }
  | { name: 'connect' }
  | { name: 'pat'; host?: string; notice?: string }
  | { name: 'pick-organizations'; account: AccountView; available: AvailableOrganization[] };

/** State shared by the popup's screens; each screen keeps its own form state locally. */
export function createPopupState() {
  const screen = signal<Screen>({ name: 'loading' });
  const accounts = signal<AccountView[]>([]);
  const organizations = signal<OrganizationView[]>([]);
  const loadError = signal<AppErrorValue | null>(null);

  async function reload(): Promise<void> {
    const result = await sendMessage('accounts.list', {});
    if (!result.ok) {
      loadError.value = result.error;
      return;
    }
    loadError.value = null;
    accounts.value = result.data.accounts;
    organizations.value = result.data.organizations;
    if (screen.value.name === 'loading') screen.value = result.data.accounts.length ? { name: 'accounts' } : { name: 'connect' };
  }

  return { screen, accounts, organizations, loadError, reload };
}

export type PopupState = ReturnType<typeof createPopupState>;
export const PopupStateContext = createContext<PopupState | null>(null);

export function usePopupState(): PopupState {
  const state = useContext(PopupStateContext);
  if (!state) throw new Error('PopupStateContext is missing');
  return state;
}
