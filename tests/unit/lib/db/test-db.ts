import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DexieOptions } from 'dexie';
import { openCompanionDb, type CompanionDb } from '@/lib/db/schema';

/**
 * A fresh in-memory IndexedDB. Passing it to Dexie (instead of `fake-indexeddb/auto`) keeps
 * every test's data apart; two connections over one factory act like the service worker and
 * the popup sharing the extension's database.
 */
export function fakeIndexedDb(): DexieOptions {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function openTestDb(options: DexieOptions = fakeIndexedDb()): CompanionDb {
  return openCompanionDb('ado-companion', options);
}
