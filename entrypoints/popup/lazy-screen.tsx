import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { appErrors } from '@/lib/errors/error-messages';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';

/**
 * A screen whose code loads when it is first opened, so the popup's first download stays small
 * (tests/bench/budgets.ts). Once it shows, its heading gets focus, as `go()` promises for every screen.
 */
export function LazyScreen<P extends object = Record<string, never>>({ load, props }: { load: () => Promise<ComponentType<P>>; props?: P }) {
  const screen = useSignal<{ Component: ComponentType<P> } | null>(null);
  const failed = useSignal(false);

  useEffect(() => {
    load().then(
      (Component) => (screen.value = { Component }),
      // The extension was updated or reloaded while this popup was open.
      () => (failed.value = true),
    );
  }, []);

  useEffect(() => {
    if (screen.value) document.querySelector<HTMLElement>('main h2')?.focus();
  }, [screen.value]);

  if (failed.value) return <ErrorNotice error={appErrors.internal()} />;
  if (!screen.value) return <p class="muted">Loading…</p>;
  const { Component } = screen.value;
  return <Component {...(props ?? ({} as P))} />;
}
