import { describe, it, expect } from 'vitest';
import { createTokenVault } from '@/lib/crypto/token-vault';
import { createSecretStore } from '@/lib/db/secret-store';
import type { CompanionDb, SecretKind } from '@/lib/db/schema';
import { openTestDb } from './test-db';

const PAT = 'q7xk2m4n9p3r8s6t1v5w0y2z4a6b8c0d1e3f5g7h9j1k3l5m7n9o'; // PAT-shaped: 52 chars

function openStore(db: CompanionDb = openTestDb()) {
  const secrets = createSecretStore(db, createTokenVault(db));
  // The session seals first and stores inside its own transaction; here a plain put stands in for it.
  const store = { ...secrets, put: async (accountId: string, kind: SecretKind, token: string) => void (await db.secrets.put(await secrets.seal(accountId, kind, token))) };
  return { db, store };
}

/** Every table's rows as text; binary values are spelled out as UTF-8, Latin-1, hex and base64. */
async function dumpAllTables(db: CompanionDb): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const));
  return JSON.stringify(Object.fromEntries(tables), (_key, value: unknown) => {
    const bytes =
      value instanceof ArrayBuffer
        ? Buffer.from(value)
        : ArrayBuffer.isView(value)
          ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
          : null;
    if (!bytes) return value;
    return {
      utf8: bytes.toString('utf8'),
      latin1: bytes.toString('latin1'),
      hex: bytes.toString('hex'),
      base64: bytes.toString('base64'),
    };
  });
}

/** How a leaked token could appear in the dump: as text, base64 or hex of its UTF-8 bytes. */
function encodedForms(token: string): string[] {
  const bytes = Buffer.from(token, 'utf8');
  return [token, bytes.toString('base64'), bytes.toString('hex')];
}

/** Also the Basic auth header value a PAT is sent as (`base64(':' + pat)`). */
function forbiddenForms(token: string): string[] {
  return [...encodedForms(token), Buffer.from(`:${token}`).toString('base64')];
}

describe('lib/db/secret-store', () => {
  it('finds a token spelled out in binary when the dump helper is checked', async () => {
    // Guards the test below: the dump must be able to see plaintext hidden in a buffer.
    const db = openTestDb();
    await db.settings.put({ key: 'probe', value: new TextEncoder().encode(PAT).buffer });
    const dump = await dumpAllTables(db);
    for (const form of encodedForms(PAT)) expect(dump).toContain(form);
  });

  it('leaves no plaintext or base64 of the token in any table when a PAT is stored', async () => {
    const { db, store } = openStore();
    await store.put('acc-1', 'pat', PAT);
    await store.put('acc-1', 'refresh-token', `${PAT}-refresh`);

    const dump = await dumpAllTables(db);
    expect(await db.secrets.count()).toBe(2);
    for (const form of [...forbiddenForms(PAT), ...forbiddenForms(`${PAT}-refresh`)]) {
      expect(dump).not.toContain(form);
    }
  });

  it('returns the stored token when it is read back through a new store', async () => {
    const { db, store } = openStore();
    await store.put('acc-1', 'access-token', 'access-1');
    await store.put('acc-1', 'access-token', 'access-2');

    expect(await openStore(db).store.get('acc-1', 'access-token')).toBe('access-2');
    expect(await db.secrets.get('acc-1|access-token')).toMatchObject({ accountId: 'acc-1', kind: 'access-token' });
  });

  it('returns null when no token of that kind is stored', async () => {
    const { store } = openStore();
    await store.put('acc-1', 'pat', PAT);
    expect(await store.get('acc-1', 'refresh-token')).toBeNull();
    expect(await store.get('acc-2', 'pat')).toBeNull();
  });

  it('deletes only that account’s tokens when deleteForAccount is called', async () => {
    const { db, store } = openStore();
    await store.put('acc-1', 'access-token', 'a1');
    await store.put('acc-1', 'refresh-token', 'r1');
    await store.put('acc-2', 'pat', 'p2');

    await store.deleteForAccount('acc-1');

    expect(await db.secrets.toCollection().primaryKeys()).toEqual(['acc-2|pat']);
    expect(await store.get('acc-2', 'pat')).toBe('p2');
  });
});
