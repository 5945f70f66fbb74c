import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { signal } from '@preact/signals';
import type { RepositoryView } from '@/lib/repositories/repository-cache';
import type { AccountView, AvailableOrganization, OrganizationView } from '@/lib/auth/account-views';
import type { SignInProgressView } from '@/lib/auth/oauth-sign-in';
import { sendMessage } from '@/lib/messaging/send-message';
import type { AppErrorValue } from '@/lib/errors/app-error';
import { readFirstScreenCache, writeFirstScreenCache } from './first-screen-cache';
import type { AccountTrouble } from '@/lib/inbox/inbox-view';
import type { PolicyView } from '@/lib/policy/policy-rules';

export type Screen =
  | { name: 'loading' }
  | { name: 'accounts' }
  | { name: 'repositories' }
  | { name: 'new-repository' }
  | { name: 'forks'; repository: RepositoryView }
  | { name: 'remote-helper' }
  | { name: 'pull-requests' }
  | { name: 'ssh-key' }
  | { name: 'connect' }
  | { name: 'signing-in' }
  | { name: 'pat'; host?: string; notice?: string }
  | { name: 'pick-organizations'; account: AccountView; available: AvailableOrganization[] };

/** State shared by the popup's screens; each screen keeps its own form state locally. */
export function createPopupState() {
  const cached = readFirstScreenCache();
  // With accounts known from the last opening, their screen paints at once; the answer corrects it.
  const firstScreen: Screen = { name: cached ? 'accounts' : 'loading' };
  const screen = signal<Screen>(firstScreen);
  const accounts = signal<AccountView[]>(cached?.accounts ?? []);
  const organizations = signal<OrganizationView[]>(cached?.organizations ?? []);
  const loadError = signal<AppErrorValue | null>(null);
  /** How the last OAuth sign-in ended, when this popup was not open to see it. */
  const signInError = signal<AppErrorValue | null>(null);
  const signIn = signal<SignInProgressView | null>(null);

  /** The settings the organization's policy fixes; null until the background has said. */
  const policy = signal<PolicyView | null>(null);
  let policyAnswered = () => {};
  /** Settles once the background has said which settings the policy fixes (or could not say). */
  const policyKnown = new Promise<void>((resolve) => (policyAnswered = resolve));

  async function reload(): Promise<void> {
    void sendMessage('policy.view', {})
      .then((answer) => {
        if (answer.ok) policy.value = answer.data;
      })
      .finally(policyAnswered);
    const result = await sendMessage('accounts.list', {});
    if (!result.ok) {
      loadError.value = result.error;
      return;
    }
    loadError.value = null;
    accounts.value = result.data.accounts;
    organizations.value = result.data.organizations;
    signIn.value = result.data.signIn;
    writeFirstScreenCache(result.data);
    // The badge is read again whenever the popup opens or its accounts change (docs/pull-request-inbox.md#refresh).
    void refreshInbox();
    // A toolbar popup closes when the Microsoft window takes focus: opened again, it resumes the sign-in.
    if (screen.value === firstScreen || screen.value.name === 'signing-in') {
      const next = resumeScreen(result.data.signIn);
      if (next.name !== screen.value.name) go(next);
    }
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

  /** The one way screens change: the new screen's heading gets focus (App), so keyboard and screen-reader users land on it. */
  function go(next: Screen): void {
    // Where a screen's timings start (tests/bench/popup-timings.ts).
    performance.mark(`ado:go:${next.name}`);
    screen.value = next;
  }

  /** The accounts list, or the connect screen when there is none. */
  function goHome(): void {
    go(accounts.value.length ? { name: 'accounts' } : { name: 'connect' });
  }

  /** One polite live region for status messages ("Copied", "Connected as …"). */
  const status = signal('');
  function announce(text: string): void {
    status.value = '';
    // A change of text is what screen readers announce; clearing first repeats an equal message.
    queueMicrotask(() => (status.value = text));
  }

  /** Accounts the pull request inbox could not read for (docs/pull-request-inbox.md#account-trouble). */
  const inboxTrouble = signal<AccountTrouble[]>([]);
  /** Reads the inbox again (the badge follows) and learns which accounts need the user. */
  async function refreshInbox(): Promise<void> {
    const result = await sendMessage('inbox.refresh', {});
    if (result.ok) inboxTrouble.value = result.data.trouble;
  }

  return { screen, accounts, organizations, loadError, signInError, signIn, policy, policyKnown, status, inboxTrouble, reload, refreshInbox, go, goHome, announce };
}

export type PopupState = ReturnType<typeof createPopupState>;
export const PopupStateContext = createContext<PopupState | null>(null);

export function usePopupState(): PopupState {
  const state = useContext(PopupStateContext);
  if (!state) throw new Error('PopupStateContext is missing');
  return state;
}
