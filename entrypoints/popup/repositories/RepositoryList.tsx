import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef, type MutableRef } from 'preact/hooks';
import type { RepositoryView } from '@/lib/repositories/repository-cache';
import type { DesktopClient } from '@/lib/clients/desktop-clients';
import type { RepositoryListItem } from './group-repositories';
import { RepositoryRow } from './RepositoryRow';

/** Heights in px, as popup.css gives them: the list is laid out without measuring. */
const HEIGHT = { organization: 28, project: 24, repository: 100 } as const;
const VIEWPORT = 380;
/** Rows rendered above and below the visible part, so fast scrolling shows no gap. */
const OVERSCAN = 2 * HEIGHT.repository;

/**
 * The grouped repositories, windowed: only the lines in view (and the current row) are in the
 * document, so thousands of repositories filter and scroll at the speed of a dozen. Arrow keys, Home
 * and End move between repositories; `handle.enter()` comes in from the filter box and ArrowUp on the
 * first repository goes back there (`onLeaveTop`). Each line says where it is in the whole list
 * (`aria-setsize`, `aria-posinset`), so a screen reader announces "12 of 5,120", not the few in the document.
 */
export function RepositoryList({
  items,
  orgNames,
  client,
  protocol,
  onClone,
  onLeaveTop,
  onShown,
  updatedAt,
  selected,
  onSelect,
  handle,
}: {
  items: readonly RepositoryListItem[];
  orgNames: ReadonlyMap<string, string>;
  client: DesktopClient;
  protocol: 'https' | 'ssh';
  onClone: (repo: RepositoryView) => void;
  onLeaveTop: () => void;
  /** After each render: the repositories in the document (those in view, and the current one). */
  onShown: (ids: string[]) => void;
  /** When repositories learnt after the list came last changed. */
  updatedAt: ReadonlyMap<string, string | null>;
  /** Ids of the repositories ticked for a clone script. */
  selected: ReadonlySet<string>;
  /** A repository's box ticked or unticked (`index` in list order); `range` with Shift held. */
  onSelect: (index: number, on: boolean, range: boolean) => void;
  handle: MutableRef<{ enter: () => void } | null>;
}) {
  const scrollTop = useSignal(0);
  /** The repository whose controls are in the tab order (roving tabindex). */
  const current = useSignal(0);
  const scroller = useRef<HTMLDivElement>(null);
  const focusAfterRender = useRef<number | null>(null);
  const { tops, rows, height } = useMemo(() => {
    const tops: number[] = [];
    const rows: number[] = [];
    let height = 0;
    items.forEach((item, at) => {
      tops.push(height);
      if (item.kind === 'repository') rows.push(at);
      height += HEIGHT[item.kind];
    });
    return { tops, rows, height };
  }, [items]);

  // A new filter starts again at the top, on the best match.
  useEffect(() => {
    // Only when scrolled: setting scrollTop lays the page out, on every key typed.
    if (scroller.current && scrollTop.peek() !== 0) scroller.current.scrollTop = 0;
    scrollTop.value = 0;
    current.value = 0;
  }, [items]);

  const primaryOf = (index: number) => scroller.current?.querySelector<HTMLElement>(`li[data-index="${index}"] [data-primary]`);
  // A row scrolled into view is in the document only after the next render.
  useEffect(() => {
    const index = focusAfterRender.current;
    if (index === null) return;
    focusAfterRender.current = null;
    primaryOf(index)?.focus();
  });

  function moveTo(index: number) {
    const top = tops[rows[index]!]!;
    const view = scroller.current!;
    if (top < view.scrollTop) view.scrollTop = top;
    else if (top + HEIGHT.repository > view.scrollTop + view.clientHeight) view.scrollTop = top + HEIGHT.repository - view.clientHeight;
    scrollTop.value = view.scrollTop;
    current.value = index;
    const primary = primaryOf(index);
    focusAfterRender.current = primary ? null : index;
    primary?.focus();
  }
  handle.current = { enter: () => rows.length && moveTo(current.value) };

  function onKeyDown(event: KeyboardEvent) {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : event.key === 'Home' ? -Infinity : event.key === 'End' ? Infinity : 0;
    if (!step) return;
    event.preventDefault();
    const next = current.value + step;
    if (next < 0 && step === -1) {
      focusAfterRender.current = null;
      onLeaveTop();
    }
    else if (rows.length) moveTo(Math.max(0, Math.min(rows.length - 1, next)));
  }

  // The lines in view: from the last one starting above the window to the first starting below it.
  const from = lastAtOrBefore(tops, scrollTop.value - OVERSCAN);
  const to = lastAtOrBefore(tops, scrollTop.value + VIEWPORT + OVERSCAN);
  const shown = new Set<number>();
  for (let at = from; at <= to && at < items.length; at++) shown.add(at);
  // The current row stays in the document, so the focus it may hold is not lost while scrolling.
  const currentAt = rows[current.value];
  if (currentAt !== undefined) shown.add(currentAt);
  useEffect(() => onShown([...shown].flatMap((at) => (items[at]?.kind === 'repository' ? [items[at].repo.id] : []))));

  return (
    <div class="repo-scroller" ref={scroller} style={{ maxHeight: `${VIEWPORT}px` }} onScroll={(event) => (scrollTop.value = event.currentTarget.scrollTop)}>
      <ul class="repo-list" aria-label="Repositories" style={{ height: `${height}px` }} onKeyDown={onKeyDown}>
        {[...shown]
          .sort((a, b) => a - b)
          .map((at) => {
            const item = items[at]!;
            const style = { top: `${tops[at]}px` };
            const place = { 'aria-setsize': items.length, 'aria-posinset': at + 1 };
            if (item.kind !== 'repository') {
              const Heading = item.kind === 'organization' ? 'h3' : 'h4';
              return (
                <li key={`${item.kind}:${item.key}`} class={`repo-heading repo-heading-${item.kind}`} style={style} {...place}>
                  <Heading>{item.name}</Heading>
                </li>
              );
            }
            return (
              <li key={item.key} class="repo-row" data-repository={item.repo.name} data-index={item.index} style={style} {...place} onFocusIn={() => (current.value = item.index)}>
                <RepositoryRow
                  repo={item.repo}
                  organization={orgNames.get(item.repo.orgKey) ?? ''}
                  client={client}
                  protocol={protocol}
                  current={item.index === current.value}
                  updatedAt={item.repo.updatedAt ?? updatedAt.get(item.repo.id)}
                  onClone={onClone}
                  selection={{ selected: selected.has(item.repo.id), onSelect: (on, range) => onSelect(item.index, on, range) }}
                />
              </li>
            );
          })}
      </ul>
    </div>
  );
}

/** The index of the last value ≤ `limit` in ascending `values` (0 when none). */
function lastAtOrBefore(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (values[middle]! <= limit) low = middle;
    else high = middle - 1;
  }
  return low;
}
