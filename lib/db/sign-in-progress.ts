import { browser } from 'wxt/browser';
import type { AppErrorValue } from '../errors/app-error';
import type { AvailableOrganization } from '../auth/account-views';
import type { CompanionDb } from './schema';

/**
 * Where the last OAuth sign-in stands, kept in the database because neither the popup that started
 * it (a toolbar popup closes when the Microsoft window takes focus) nor the service worker (which
 * may be stopped) outlives it. Token-free by construction.
 */
export type SignInProgress =
  | { status: 'running'; startedAt: number }
  | { status: 'choose-organizations'; accountId: string; available: AvailableOrganization[]; at: number }
  | { status: 'failed'; error: AppErrorValue; at: number };

/** A row of the key–value `settings` table, apart from the user's settings. */
const KEY = 'state:oauth-sign-in';

/**
 * A `storage.session` key that changes on every write of the progress, so an open popup hears of
 * it through `storage.onChanged` instead of asking again and again. It carries no data: the
 * popup asks the background for the progress itself.
 */
export const SIGN_IN_PROGRESS_CHANGED_KEY = 'sign-in-progress-changed';

export async function readSignInProgress(db: CompanionDb): Promise<SignInProgress | null> {
  const value = (await db.settings.get(KEY))?.value as SignInProgress | undefined;
  return value && typeof value === 'object' && 'status' in value ? value : null;
}

/** null clears it. */
export async function writeSignInProgress(db: CompanionDb, progress: SignInProgress | null): Promise<void> {
  if (progress) await db.settings.put({ key: KEY, value: progress });
  else await db.settings.delete(KEY);
  // A new value each time: onChanged fires only when the stored value differs.
  await browser.storage.session.set({ [SIGN_IN_PROGRESS_CHANGED_KEY]: crypto.randomUUID() });
}
