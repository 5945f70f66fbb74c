import type { RepositoryListView } from '@/lib/repositories/repository-cache';
import { REPOSITORY_LIST_COPY_DATABASE } from './drop-repository-list-copy';

/**
 * The popup's own copy of the last repository list the background gave it, as one record in a small
 * database of its own. It paints the list at once: one record reads in tens of milliseconds, where the
 * cache's thousands of rows take hundreds (IndexedDB reads each row apart) and a stopped service
 * worker must first start, read them and send them. The background's answer follows and replaces it
 * when they differ. No token is in it (a RepositoryListView has none); signing out deletes it
 * (drop-repository-list-copy.ts).
 */
const STORE = 'copies';
const KEY = 'repository-list';

/** The list as kept, with its text: an answer with the same text changes nothing. */
export interface RepositoryListCopy {
  view: RepositoryListView;
  text: string;
}

/** Fails with the event of the failure: callers only need to know that it failed. */
async function inStore<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const opening = indexedDB.open(REPOSITORY_LIST_COPY_DATABASE, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = reject;
  });
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = use(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onabort = reject;
    });
  } finally {
    db.close();
  }
}

/** The last list kept, or null (none, or unreadable: the popup waits for the background, as before it had a copy). */
export async function readRepositoryListCopy(): Promise<RepositoryListCopy | null> {
  try {
    const text = await inStore('readonly', (store) => store.get(KEY) as IDBRequest<unknown>);
    if (typeof text !== 'string') return null;
    const view = JSON.parse(text) as RepositoryListView;
    return Array.isArray(view.repositories) && Array.isArray(view.organizations) ? { view, text } : null;
  } catch {
    return null;
  }
}

/**
 * Keeps a list the background gave (without its refresh failures, which belong to that moment) unless
 * it is `copy` already; true when it differs from `copy`.
 */
export function keepRepositoryListCopy(view: RepositoryListView, copy: RepositoryListCopy | null): boolean {
  const text = JSON.stringify({ ...view, failures: [] });
  if (text === copy?.text) return false;
  // Not kept (storage full, disabled): the next opening waits for the background.
  inStore('readwrite', (store) => store.put(text, KEY)).catch(() => undefined);
  return true;
}
