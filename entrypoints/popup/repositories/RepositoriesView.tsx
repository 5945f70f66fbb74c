import { useComputed, useSignal, useSignalEffect, type ReadonlySignal, type Signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { RepositoryListView, RepositoryView } from '@/lib/repositories/repository-cache';
import { sendMessage } from '@/lib/messaging/send-message';
import { DESKTOP_CLIENTS, clientLabel, clientPlatformNote, desktopClient } from '@/lib/clients/desktop-clients';
import { onWindows } from '@/lib/clients/desktop-platform';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { appErrors } from '@/lib/errors/error-messages';
import { useAction } from '../use-action';
import { createRepositoryMatcher, indexRepositories, inPlaceOrder, prepareRepositoryIndex } from '@/lib/repositories/match-repositories';
import { useClonePreferences } from './clone-preferences';
import { RepositoryList } from './RepositoryList';
import { groupRepositories, type RepositoryListItem } from './group-repositories';
import { DidNotOpen, useDidNotOpen } from './DidNotOpen';
import { needsRefresh } from './refresh-policy';
import { keepRepositoryListCopy, readRepositoryListCopy } from './repository-list-copy';
import { GoButton, ScreenSection } from '../ScreenSection';
import { CloneManyBar } from './CloneManyBar';

/** Every repository of every selected organization: from the cache at once, refreshed when old or asked. */
export function RepositoriesView() {
  const list = useSignal<RepositoryListView | null>(null);
  const filter = useSignal('');
  const onlyOrg = useSignal('');
  const refreshing = useAction();
  const preferences = useClonePreferences();
  const orgNames = useComputed(() => new Map((list.value?.organizations ?? []).map((o) => [o.key, o.name])));
  const index = useComputed(() => indexRepositories(list.value?.repositories ?? [], orgNames.value));
  const matcher = useComputed(() => createRepositoryMatcher(index.value));
  const matches = useComputed(() => matcher.value(filter.value, onlyOrg.value));
  // What the filter compares is worked out while the popup is idle, so the first key typed does not pay for it.
  useSignalEffect(() => {
    const entries = index.value;
    let from = 0;
    let pending = requestIdleCallback(function prepare(deadline) {
      while (from < entries.length && deadline.timeRemaining() > 1) from = prepareRepositoryIndex(entries, from, 200);
      if (from < entries.length) pending = requestIdleCallback(prepare);
    });
    return () => cancelIdleCallback(pending);
  });

  const grouped = useComputed(() => groupRepositories(matches.value, orgNames.value));

  // Repositories ticked for "Copy clone script"; a shift-click ticks the range from the last one clicked.
  const selectedIds = useSignal<ReadonlySet<string>>(new Set());
  const lastClicked = useRef<number | null>(null);
  const selected = useComputed(() => (list.value?.repositories ?? []).filter((r) => selectedIds.value.has(r.id)));
  function select(index: number, on: boolean, range: boolean) {
    const shown = grouped.value.flatMap((item) => (item.kind === 'repository' ? [item.repo.id] : []));
    const from = range && lastClicked.current !== null ? Math.min(lastClicked.current, index) : index;
    const to = range && lastClicked.current !== null ? Math.max(lastClicked.current, index) : index;
    const next = new Set(selectedIds.value);
    for (const id of shown.slice(from, to + 1)) on ? next.add(id) : next.delete(id);
    lastClicked.current = index;
    selectedIds.value = next;
  }
  const rows = useRef<{ enter: () => void } | null>(null);
  const filterBox = useRef<HTMLInputElement>(null);
  const didNotOpen = useDidNotOpen();

  // When the repositories in view last changed, asked once each while the popup is open (a request
  // per repository: only for those a user looks at, once scrolling has stopped).
  const updatedAt = useSignal<ReadonlyMap<string, string | null>>(new Map());
  const asked = useRef(new Set<string>());
  const askTimer = useRef<ReturnType<typeof setTimeout>>();
  // Called after every render (scrolling included): the cached times are indexed once per list.
  const cachedUpdatedAt = useComputed(() => new Map((list.value?.repositories ?? []).map((r) => [r.id, r.updatedAt])));
  function askUpdatedAt(ids: string[]) {
    const wanted = ids.filter((id) => cachedUpdatedAt.value.get(id) === undefined && !asked.current.has(id));
    clearTimeout(askTimer.current);
    // A refresh replaces the rows: asked once it has come.
    if (!wanted.length || refreshing.busy.value) return;
    askTimer.current = setTimeout(() => {
      if (refreshing.busy.value) return;
      wanted.forEach((id) => asked.current.add(id));
      void sendMessage('repositories.updatedAt', { ids: wanted.slice(0, 30) }).then((answer) => {
        if (answer.ok) updatedAt.value = new Map([...updatedAt.value, ...Object.entries(answer.data.updatedAt)]);
      });
    }, 200);
  }

  // Leaving the screen drops a question not asked yet.
  useEffect(() => () => clearTimeout(askTimer.current), []);

  async function refresh() {
    const fresh = await refreshing.run(() => sendMessage('repositories.refresh', {}));
    if (!fresh) return;
    // A refreshed list may have moved on: what changed when is asked again.
    updatedAt.value = new Map();
    asked.current.clear();
    list.value = inPlaceOrder(fresh);
    keepRepositoryListCopy(list.value, null);
  }

  useEffect(() => {
    // Rendered: the frame that paints the cached list (tests/bench/popup-timings.ts).
    const painted = () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          performance.mark('ado:repositories-shown');
          setTimeout(resolve);
        }),
      );
    void (async () => {
      // The popup's copy paints at once; the background's answer, asked once it has painted, replaces it
      // when the cache has moved on since.
      const copy = await readRepositoryListCopy();
      if (copy) {
        list.value = copy.view;
        await painted();
      }
      const cached = await sendMessage('repositories.list', {});
      if (cached.ok) {
        const view = inPlaceOrder(cached.data);
        if (keepRepositoryListCopy(view, copy)) list.value = view;
      }
      if (!copy) void painted();
      if (!cached.ok || needsRefresh(cached.data, Date.now())) await refresh();
    })();
  }, []);

  const view = list.value;
  const oldest = oldestRefresh(view);
  // Read in a computed, not here: a key typed in the filter updates this text and the list, not the whole screen.
  const countText = useComputed(() => {
    const shown = list.value;
    const refreshedAt = oldestRefresh(shown);
    return shown === null
      ? 'Loading…'
      : `${matches.value.length} of ${shown.repositories.length} repositories` +
          (refreshing.busy.value ? ' · updating…' : refreshedAt ? ` · updated ${new Date(refreshedAt).toLocaleString()}` : '');
  });
  const client = desktopClient(preferences.clientId.value);
  const windows = onWindows();
  const platformNote = clientPlatformNote(client, windows);
  const clientByPolicy = preferences.clientSetByPolicy.value;
  const protocolByPolicy = preferences.protocolSetByPolicy.value;

  return (
    <ScreenSection
      id="repositories-title"
      title="Repositories"
      actions={
        <div class="row">
          {/* aria-disabled, not disabled: a keyboard user who pressed it keeps the focus there. */}
          <button class="secondary small" type="button" aria-disabled={refreshing.busy.value} onClick={() => !refreshing.busy.value && void refresh()}>
            Refresh
          </button>
          <GoButton to={{ name: 'new-repository' }}>New repository</GoButton>
          <GoButton to={{ name: 'accounts' }}>Accounts</GoButton>
        </div>
      }
    >
      <input
        id="repository-filter"
        ref={filterBox}
        type="search"
        placeholder="Filter by name or project"
        aria-label="Filter repositories"
        aria-describedby="repositories-count"
        value={filter}
        onInput={(event) => (filter.value = event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown') return;
          event.preventDefault();
          rows.current?.enter();
        }}
      />
      <div class="row small">
        {(view?.organizations.length ?? 0) > 1 && (
          <label>
            Organization{' '}
            <select value={onlyOrg.value} onChange={(event) => (onlyOrg.value = event.currentTarget.value)}>
              <option value="">All</option>
              {view!.organizations.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Clone with{' '}
          <select
            value={client.id}
            disabled={clientByPolicy}
            onChange={(event) => preferences.setClient(event.currentTarget.value)}
            aria-describedby={[platformNote ? 'client-platform-note' : '', clientByPolicy ? 'client-set-by-policy' : ''].join(' ').trim() || undefined}
          >
            {DESKTOP_CLIENTS.map((c) => (
              <option key={c.id} value={c.id}>
                {clientLabel(c, windows)}
              </option>
            ))}
          </select>
          {clientByPolicy && <SetByPolicy id="client-set-by-policy" />}
        </label>
        <label>
          using{' '}
          <select
            value={preferences.protocol.value}
            disabled={protocolByPolicy}
            onChange={(event) => preferences.setProtocol(event.currentTarget.value === 'ssh' ? 'ssh' : 'https')}
            aria-describedby={protocolByPolicy ? 'protocol-set-by-policy' : undefined}
          >
            <option value="https">HTTPS</option>
            <option value="ssh">SSH</option>
          </select>
          {protocolByPolicy && <SetByPolicy id="protocol-set-by-policy" />}
        </label>
      </div>
      {platformNote && (
        <p id="client-platform-note" class="muted small">
          {platformNote}
        </p>
      )}
      <p id="repositories-count" class="muted small" role="status">
        {countText}
      </p>
      <SelectShown matches={matches} selectedIds={selectedIds} anySelected={selected.value.length > 0} />
      <CloneManyBar selected={selected.value} orgNames={orgNames.value} protocol={preferences.protocol.value} onClear={() => (selectedIds.value = new Set())} />
      {view?.failures.map((failure) => (
        <ErrorNotice key={failure.key} error={appErrors.refreshFailed(failure.name, failure.error, oldest ?? null)} />
      ))}
      <ErrorNotice error={refreshing.error.value} />
      {view && view.organizations.length === 0 && <p class="notice notice-info">No organization is selected. Choose some under Accounts.</p>}
      <DidNotOpen name={didNotOpen.name.value} client={client} />
      <FilteredList
        items={grouped}
        orgNames={orgNames.value}
        client={client}
        protocol={preferences.protocol.value}
        onClone={didNotOpen.cloned}
        onLeaveTop={() => filterBox.current?.focus()}
        onShown={askUpdatedAt}
        updatedAt={updatedAt.value}
        selected={selectedIds.value}
        onSelect={select}
        handle={rows}
      />
    </ScreenSection>
  );
}

/** Beside a setting the organization's managed policy fixes (docs/managed-configuration.md). */
function SetByPolicy({ id }: { id: string }) {
  return (
    <span id={id} class="muted small">
      {' '}
      Set by your organization
    </span>
  );
}

/** "Select all N shown" / "Unselect the N shown": follows the filter without the screen around it. */
function SelectShown({ matches, selectedIds, anySelected }: { matches: ReadonlySignal<RepositoryView[]>; selectedIds: Signal<ReadonlySet<string>>; anySelected: boolean }) {
  const shown = matches.value;
  if (shown.length === 0 && !anySelected) return null;
  const allShownSelected = shown.length > 0 && shown.every((r) => selectedIds.value.has(r.id));
  return (
    <div class="row small">
      <button
        class="link small"
        type="button"
        onClick={() => {
          const next = new Set(selectedIds.value);
          for (const repo of shown) allShownSelected ? next.delete(repo.id) : next.add(repo.id);
          selectedIds.value = next;
        }}
      >
        {allShownSelected ? `Unselect the ${shown.length} shown` : `Select all ${shown.length} shown`}
      </button>
    </div>
  );
}

/** The list, re-rendered on its own as the filter changes what it shows. */
function FilteredList({ items, ...props }: Omit<Parameters<typeof RepositoryList>[0], 'items'> & { items: ReadonlySignal<RepositoryListItem[]> }) {
  return <RepositoryList items={items.value} {...props} />;
}

/** When the least recently refreshed organization was refreshed. */
function oldestRefresh(view: RepositoryListView | null): number | null | undefined {
  return view?.organizations.reduce<number | null>((min, o) => (o.refreshedAt !== null && (min === null || o.refreshedAt < min) ? o.refreshedAt : min), null);
}
