import type { AppErrorValue } from '../errors/app-error';
import type { AvailableOrganization } from '../messaging/protocol';
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

export async function readSignInProgress(db: CompanionDb): Promise<SignInProgress | null> {
  const value = (await db.settings.get(KEY))?.value as SignInProgress | undefined;
  return value && typeof value === 'object' && 'status' in value ? value : null;
}

/** null clears it. */
export async function writeSignInProgress(db: CompanionDb, progress: SignInProgress | null): Promise<void> {
  if (progress) await db.settings.put({ key: KEY, value: progress });
  else await db.settings.delete(KEY);
}
