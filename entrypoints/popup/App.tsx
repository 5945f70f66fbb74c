import { useEffect, useMemo } from 'preact/hooks';
import { createPopupState, PopupStateContext } from './state';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { AccountsView } from './accounts/AccountsView';
import { RepositoriesView } from './repositories/RepositoriesView';
import { RemoteHelperView } from './remote-helper/RemoteHelperView';
import { PullRequestsView } from './pull-requests/PullRequestsView';
import { ConnectView } from './accounts/ConnectView';
import { PatForm } from './accounts/PatForm';
import { OrganizationPicker } from './accounts/OrganizationPicker';
import { SigningInView } from './accounts/SigningInView';
import { LazyScreen } from './lazy-screen';

/** Rarely opened: their code is not part of the popup's first download. */
const loadNewRepositoryView = () => import('./new-repository/NewRepositoryView').then((m) => m.NewRepositoryView);
const loadForksView = () => import('./forks/ForksView').then((m) => m.ForksView);
// Used once per machine or so; it brings RSA generation and the OpenSSH encodings.
const loadSshKeyView = () => import('./ssh-key/SshKeyView').then((m) => m.SshKeyView);

export function App() {
  const state = useMemo(createPopupState, []);
  useEffect(() => {
    void state.reload();
  }, []);
  const screen = state.screen.value;
  // Every screen change moves focus to the new screen's heading.
  useEffect(() => {
    document.querySelector<HTMLElement>('main h2')?.focus();
    // The first screen with data has painted (figures of tests/bench/popup-timings.ts).
    if (screen.name !== 'loading' && !performance.getEntriesByName('ado:first-screen').length) performance.mark('ado:first-screen');
  }, [screen]);

  return (
    <PopupStateContext.Provider value={state}>
      <header class="popup-header">
        <img src="/icon/32.png" alt="" />
        <h1>ADO Companion</h1>
      </header>
      <main class="popup-body">
        <ErrorNotice error={state.loadError.value} />
        {screen.name === 'loading' && !state.loadError.value && <p class="muted">Loading…</p>}
        {screen.name === 'accounts' && <AccountsView />}
        {screen.name === 'repositories' && <RepositoriesView />}
        {screen.name === 'new-repository' && <LazyScreen load={loadNewRepositoryView} />}
        {screen.name === 'forks' && <LazyScreen load={loadForksView} props={{ repository: screen.repository }} />}
        {screen.name === 'remote-helper' && <RemoteHelperView />}
        {screen.name === 'pull-requests' && <PullRequestsView />}
        {screen.name === 'ssh-key' && <LazyScreen load={loadSshKeyView} />}
        {screen.name === 'connect' && <ConnectView />}
        {screen.name === 'signing-in' && <SigningInView />}
        {screen.name === 'pat' && <PatForm initialHost={screen.host} notice={screen.notice} />}
        {screen.name === 'pick-organizations' && (
          <OrganizationPicker key={screen.account.id} account={screen.account} available={screen.available} />
        )}
      </main>
      <p class="sr-only" role="status" aria-live="polite">
        {state.status.value}
      </p>
    </PopupStateContext.Provider>
  );
}
