import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { signal } from '@preact/signals';
import type { AccountView, AvailableOrganization, OrganizationView, SignInProgressView } from '@/lib/messaging/protocol';
import { sendMessage } from '@/lib/messaging/send-message';
import type { AppErrorValue } from '@/lib/errors/app-error';

export type Screen =
  | { name: 'loading' }
  | { name: 'accounts' }
  | { name: 'connect' }
  | { name: 'signing-in' }
  | { name: 'pat'; host?: string; notice?: string }
  | { name: 'pick-organizations'; account: AccountView; available: AvailableOrganization[] };

/** State shared by the popup's screens; each screen keeps its own form state locally. */
export function createPopupState() {
  const screen = signal<Screen>({ name: 'loading' });
  const accounts = signal<AccountView[]>([]);
  const organizations = signal<OrganizationView[]>([]);
  const loadError = signal<AppErrorValue | null>(null);
  /** How the last OAuth sign-in ended, when this popup was not open to see it. */
  const signInError = signal<AppErrorValue | null>(null);
  const signIn = signal<SignInProgressView | null>(null);

  async function reload(): Promise<void> {
    const result = await sendMessage('accounts.list', {});
    if (!result.ok) {
      loadError.value = result.error;
      return;
    }
    loadError.value = null;
    accounts.value = result.data.accounts;
    organizations.value = result.data.organizations;
    signIn.value = result.data.signIn;
    // A toolbar popup closes when the Microsoft window takes focus: opened again, it resumes the sign-in.
    if (screen.value.name === 'loading' || screen.value.name === 'signing-in') screen.value = resumeScreen(result.data.signIn);
  }

  function resumeScreen(progress: SignInProgressView | null): Screen {
    switch (progress?.status) {
      case 'running':
        return { name: 'signing-in' };
      case 'choose-organizations':
        return { name: 'pick-organizations', account: progress.account, available: progress.available };
      case 'failed':
        signInError.value = progress.error;
        void sendMessage('accounts.dismissSignIn', {});
        return { name: 'connect' };
      default:
        return accounts.value.length ? { name: 'accounts' } : { name: 'connect' };
    }
  }

  return { screen, accounts, organizations, loadError, signInError, signIn, reload };
}

export type PopupState = ReturnType<typeof createPopupState>;
export const PopupStateContext = createContext<PopupState | null>(null);

export function usePopupState(): PopupState {
  const state = useContext(PopupStateContext);
  if (!state) throw new Error('PopupStateContext is missing');
  return state;
}
