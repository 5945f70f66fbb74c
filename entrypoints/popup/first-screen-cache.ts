import type { AccountView, OrganizationView } from '@/lib/auth/account-views';
import { dropFirstScreenSnapshot } from './first-screen-snapshot';

/**
 * The accounts and organizations of the background's last answer, kept in the popup's own
 * localStorage: read synchronously, it paints the first screen before the background has answered
 * (or even started, when Chromium had stopped its service worker). No token is in it (an
 * AccountView has none); the answer that follows replaces it, and signing out removes it.
 */
const KEY = 'ado-companion:first-screen';

export interface FirstScreenCache {
  accounts: AccountView[];
  organizations: OrganizationView[];
}

export function readFirstScreenCache(): FirstScreenCache | null {
  try {
    const cached = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<FirstScreenCache> | null;
    return Array.isArray(cached?.accounts) && cached.accounts.length && Array.isArray(cached.organizations) ? (cached as FirstScreenCache) : null;
  } catch {
    return null;
  }
}

/** Keeps the answer for the next opening; with no account there is nothing to keep, nor a screen of them to draw. */
export function writeFirstScreenCache(answer: FirstScreenCache): void {
  if (!answer.accounts.length) dropFirstScreenSnapshot();
  try {
    if (answer.accounts.length) localStorage.setItem(KEY, JSON.stringify({ accounts: answer.accounts, organizations: answer.organizations }));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage full or disabled: the popup waits for the background, as without a cache.
  }
}
