import type { Inbox } from '@/lib/inbox/refresh-inbox';
import { AppError } from '@/lib/errors/app-error';
import { appErrors } from '@/lib/errors/error-messages';
import type { Handler } from '../router';

type InboxMessage = 'inbox.view' | 'inbox.refresh' | 'inbox.setOptions';

/** The pull request inbox for the popup; extension pages only (the protocol says so). */
export function inboxHandlers(inbox: () => Inbox, onPeriodChange: (minutes: number) => Promise<void>, mayNotify: () => Promise<boolean>) {
  return {
    'inbox.view': () => inbox().view(),
    'inbox.refresh': () => inbox().refresh(),
    'inbox.setOptions': async (options) => {
      // The popup asks the browser first; without its yes, notifications stay off.
      if (options.notify && !(await mayNotify())) throw new AppError(appErrors.notificationsNotAllowed());
      const view = await inbox().setOptions(options);
      if (options.periodMinutes !== undefined) await onPeriodChange(options.periodMinutes);
      return view;
    },
  } satisfies { [K in InboxMessage]: Handler<K> };
}
