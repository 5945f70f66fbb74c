import { useEffect, useMemo } from 'preact/hooks';
import { createPopupState, PopupStateContext, usePopupState } from './state';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { AccountsView } from './accounts/AccountsView';
import { ConnectView } from './accounts/ConnectView';
import { lazyScreen } from './lazy-screen';
import { afterFirstPaint } from './after-first-paint';
import { keepFirstScreenSnapshot } from './first-screen-snapshot';

// Only the two screens a popup opens on are in its first download: accounts, or connect for a new
// user. The others load on demand; the ones opened most are fetched while the popup is idle.
const Repositories = lazyScreen(() => import('./repositories/RepositoriesView').then((m) => m.RepositoriesView));
const PullRequests = lazyScreen(() => import('./pull-requests/PullRequestsView').then((m) => m.PullRequestsView));
const RemoteHelper = lazyScreen(() => import('./remote-helper/RemoteHelperView').then((m) => m.RemoteHelperView));
const NewRepository = lazyScreen(() => import('./new-repository/NewRepositoryView').then((m) => m.NewRepositoryView));
const Forks = lazyScreen(() => import('./forks/ForksView').then((m) => m.ForksView));
// Used once per machine or so; it brings RSA generation and the OpenSSH encodings.
const SshKey = lazyScreen(() => import('./ssh-key/SshKeyView').then((m) => m.SshKeyView));
const PatForm = lazyScreen(() => import('./accounts/PatForm').then((m) => m.PatForm));
const OrganizationPicker = lazyScreen(() => import('./accounts/OrganizationPicker').then((m) => m.OrganizationPicker));
const SigningIn = lazyScreen(() => import('./accounts/SigningInView').then((m) => m.SigningInView));

export function App() {
  const state = useMemo(createPopupState, []);
  useEffect(() => {
    // Drawn from the cache, the first screen is on show before the answer that confirms it is asked
    // for; with nothing cached ("Loading…"), the answer is what the user waits for.
    void (state.screen.value.name === 'loading' ? Promise.resolve() : afterFirstPaint()).then(state.reload);
  }, []);
  const screen = state.screen.value;
  // The accounts screen, drawn with what the background last said, is kept for the next opening's
  // first frame (first-screen-snapshot.ts); effects run once it is on screen.
  useEffect(() => {
    if (screen.name === 'accounts' && !state.loadError.value) keepFirstScreenSnapshot(document.getElementById('app')!);
  }, [screen, state.accounts.value, state.organizations.value, state.loadError.value]);
  // Every screen change moves focus to the new screen's heading.
  useEffect(() => {
    document.querySelector<HTMLElement>('main h2')?.focus();
  }, [screen]);

  // The header is in index.html, its icon drawn there (assets/icon.svg): it paints in the first
  // frame, before this script has loaded, with no file to fetch.
  return (
    <PopupStateContext.Provider value={state}>
      <FirstScreenPainted loading={screen.name === 'loading'} />
      <main class="popup-body">
        <ErrorNotice error={state.loadError.value} />
        {screen.name === 'loading' && !state.loadError.value && <p class="muted">Loading…</p>}
        {screen.name === 'accounts' && <AccountsView />}
        {screen.name === 'repositories' && <Repositories.Screen />}
        {screen.name === 'new-repository' && <NewRepository.Screen />}
        {screen.name === 'forks' && <Forks.Screen repository={screen.repository} />}
        {screen.name === 'remote-helper' && <RemoteHelper.Screen />}
        {screen.name === 'pull-requests' && <PullRequests.Screen />}
        {screen.name === 'ssh-key' && <SshKey.Screen />}
        {screen.name === 'connect' && <ConnectView />}
        {screen.name === 'signing-in' && <SigningIn.Screen />}
        {screen.name === 'pat' && <PatForm.Screen initialHost={screen.host} notice={screen.notice} />}
        {screen.name === 'pick-organizations' && (
          <OrganizationPicker.Screen key={screen.account.id} account={screen.account} available={screen.available} />
        )}
      </main>
      <p class="sr-only" role="status" aria-live="polite">
        {state.status.value}
      </p>
    </PopupStateContext.Provider>
  );
}

/**
 * Marks the first screen with data once it has painted (`ado:first-screen`, read by
 * tests/bench/popup-timings.ts), then fetches the screens opened most while the popup is idle.
 * Rendered before the screens: Preact runs effects in the order their components finished
 * rendering, so this one runs first after that paint, not after the screens' own effects.
 */
function FirstScreenPainted({ loading }: { loading: boolean }) {
  const state = usePopupState();
  useEffect(() => {
    if (loading) return;
    // A screen drawn from the last opening's copy has set the mark already (first-screen.ts).
    if (!performance.getEntriesByName('ado:first-screen').length) performance.mark('ado:first-screen');
    requestIdleCallback(() => (state.accounts.value.length ? [Repositories, PullRequests] : [PatForm]).forEach((lazy) => lazy.prefetch()));
  }, [loading]);
  return null;
}
