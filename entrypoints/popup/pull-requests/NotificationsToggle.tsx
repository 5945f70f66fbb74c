import { useSignal, type Signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { InboxView } from '@/lib/inbox/inbox-view';
import { sendMessage } from '@/lib/messaging/send-message';
import { appErrors } from '@/lib/errors/error-messages';
import type { AppErrorValue } from '@/lib/errors/app-error';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { usePopupState } from '../state';

const NOTIFICATIONS_PERMISSION = { permissions: ['notifications' as const] };

/**
 * Notifications about pull requests, off until the user turns them on here
 * (docs/pull-request-inbox.md#notifications). The browser's permission is asked for in the click
 * itself (a later ask would have no user gesture), and given back when they are turned off.
 */
export function NotificationsToggle({ inbox }: { inbox: Signal<InboxView | null> }) {
  const state = usePopupState();
  // The choice being made, shown while the browser and the background take it.
  const pending = useSignal<boolean | null>(null);
  const error = useSignal<AppErrorValue | null>(null);
  if (!inbox.value) return null;

  async function toggle(on: boolean) {
    error.value = null;
    pending.value = on;
    try {
      if (on && !(await browser.permissions.request(NOTIFICATIONS_PERMISSION).catch(() => false))) {
        error.value = appErrors.notificationsNotAllowed();
        return;
      }
      const result = await sendMessage('inbox.setOptions', { notify: on });
      if (!result.ok) {
        error.value = result.error;
        return;
      }
      inbox.value = result.data;
      if (!on) await browser.permissions.remove(NOTIFICATIONS_PERMISSION).catch(() => false);
      state.announce(on ? 'Notifications are on.' : 'Notifications are off.');
    } finally {
      pending.value = null;
    }
  }

  return (
    <div class="stack">
      <label class="row small">
        <input
          type="checkbox"
          checked={pending.value ?? inbox.value.options.notify}
          disabled={pending.value !== null}
          onChange={(event) => void toggle(event.currentTarget.checked)}
        />
        Notify me of review requests, votes, conflicts and completions
      </label>
      <ErrorNotice error={error.value} />
    </div>
  );
}
