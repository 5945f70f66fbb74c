import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { appErrors } from '@/lib/errors/error-messages';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';

/**
 * A screen whose code is not part of the popup's first download (tests/bench/budgets.ts), so the
 * first screen paints sooner. `prefetch()` loads it while the popup is idle: once loaded it renders in
 * the same frame as any other screen, with no "Loading…" in between. When it shows, its heading gets
 * focus, as `go()` promises for every screen.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const fetch = () => (loading ??= load().then((Component) => (loaded = Component)));

  function Screen(props: P) {
    const ready = useSignal(Boolean(loaded));
    const failed = useSignal(false);
    // Loaded after the first render: App's focus move found no heading then.
    const late = useRef(!loaded);
    useEffect(() => {
      if (ready.value) return;
      fetch().then(
        () => (ready.value = true),
        // The extension was updated or reloaded while this popup was open.
        () => (failed.value = true),
      );
    }, []);
    useEffect(() => {
      if (ready.value && late.current) document.querySelector<HTMLElement>('main h2')?.focus();
    }, [ready.value]);

    if (failed.value) return <ErrorNotice error={appErrors.internal()} />;
    if (!ready.value || !loaded) return <p class="muted">Loading…</p>;
    const Component = loaded;
    return <Component {...props} />;
  }

  return { Screen, prefetch: () => void fetch().catch(() => undefined) };
}
