import type { ComponentChildren } from 'preact';
import { usePopupState, type Screen } from './state';

/**
 * A popup screen: its heading, which gets the focus when the screen opens (state.go), the ways on
 * beside it, then what the screen shows.
 */
export function ScreenSection({ id, title, actions, children }: { id: string; title: ComponentChildren; actions: ComponentChildren; children: ComponentChildren }) {
  return (
    <section class="stack" aria-labelledby={id}>
      <div class="row row-between">
        {/* elementtiming: the bench reads when the frame that shows the heading was presented. */}
        <h2 tabIndex={-1} id={id} elementtiming="screen-heading">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A button to another screen; `home` is the accounts screen, or connect when there is no account. */
export function GoButton({ to, children }: { to: Screen | 'home'; children: ComponentChildren }) {
  const state = usePopupState();
  return (
    <button class="secondary small" type="button" onClick={() => (to === 'home' ? state.goHome() : state.go(to))}>
      {children}
    </button>
  );
}
