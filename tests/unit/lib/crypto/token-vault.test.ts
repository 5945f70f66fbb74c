import { describe, it, expect, vi, afterEach } from 'vitest';
import { createTokenVault, type SealedSecret } from '@/lib/crypto/token-vault';
import { fakeIndexedDb, openTestDb } from '../db/test-db';

afterEach(() => {
  vi.restoreAllMocks();
});

const TOKENS = [
  '',
  'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop',
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.ünïcødé.令牌🔑',
  'x'.repeat(10_000),
];

function flipFirstByte(buffer: ArrayBuffer): ArrayBuffer {
  const bytes = new Uint8Array(buffer.slice(0));
  bytes[0]! ^= 0x01;
  return bytes.buffer;
}

describe('lib/crypto/token-vault', () => {
  it('returns the original token when a sealed unicode token is unsealed', async () => {
    const vault = createTokenVault(openTestDb());
    for (const token of TOKENS) {
      expect(await vault.unseal(await vault.seal(token))).toBe(token);
    }
  });

  it('uses a fresh 12-byte IV when the same token is sealed twice', async () => {
    const vault = createTokenVault(openTestDb());
    const a = await vault.seal('same-token');
    const b = await vault.seal('same-token');
    expect(a.iv).toHaveLength(12);
    expect(b.iv).toHaveLength(12);
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
    expect(Buffer.from(a.ciphertext).equals(Buffer.from(b.ciphertext))).toBe(false);
  });

  it('stores a non-extractable AES-GCM CryptoKey object when it seals for the first time', async () => {
    const db = openTestDb();
    await createTokenVault(db).seal('token');

    const records = await db.cryptoKeys.toArray();
    expect(records).toHaveLength(1);
    const { id, key } = records[0]!;
    expect(id).toBe('tokens');
    expect(key).toBeInstanceOf(CryptoKey);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt']);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('jwk', key)).rejects.toThrow();
  });

  it('creates one key when a vault is first used by many concurrent callers', async () => {
    const generateKey = vi.spyOn(crypto.subtle, 'generateKey');
    const db = openTestDb();
    const vault = createTokenVault(db);

    const sealed = await Promise.all(Array.from({ length: 10 }, (_, i) => vault.seal(`token-${i}`)));

    expect(generateKey).toHaveBeenCalledTimes(1);
    expect(await db.cryptoKeys.count()).toBe(1);
    const later = createTokenVault(db);
    expect(await Promise.all(sealed.map((s) => later.unseal(s)))).toEqual(sealed.map((_, i) => `token-${i}`));
  });

  it('keeps one key when the service worker and the popup race to create it', async () => {
    // Hold every generateKey until both contexts have asked, so both have already seen an
    // empty table: only the re-read inside the write transaction can keep them consistent.
    const original = crypto.subtle.generateKey.bind(crypto.subtle);
    let release!: () => void;
    const bothAsked = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const generateKey = vi.spyOn(crypto.subtle, 'generateKey').mockImplementation((async (
      ...args: Parameters<typeof original>
    ) => {
      if (++calls === 2) release();
      await Promise.race([bothAsked, new Promise((resolve) => setTimeout(resolve, 1000))]);
      return original(...args);
    }) as typeof crypto.subtle.generateKey);

    const options = fakeIndexedDb();
    const workerDb = openTestDb(options);
    const popupDb = openTestDb(options);
    const [fromWorker, fromPopup] = await Promise.all([
      createTokenVault(workerDb).seal('worker-token'),
      createTokenVault(popupDb).seal('popup-token'),
    ]);

    expect(generateKey).toHaveBeenCalledTimes(2); // the race really happened
    expect(await workerDb.cryptoKeys.count()).toBe(1);
    const restarted = createTokenVault(openTestDb(options));
    expect(await restarted.unseal(fromWorker)).toBe('worker-token');
    expect(await restarted.unseal(fromPopup)).toBe('popup-token');
  });

  it('rejects without revealing the token when the ciphertext or IV was tampered with', async () => {
    const vault = createTokenVault(openTestDb());
    const token = 'secret-pat-value-123';
    const sealed = await vault.seal(token);
    const tampered: SealedSecret[] = [
      { iv: sealed.iv, ciphertext: flipFirstByte(sealed.ciphertext) },
      { iv: new Uint8Array(flipFirstByte(sealed.iv.slice().buffer)), ciphertext: sealed.ciphertext },
      { iv: sealed.iv, ciphertext: sealed.ciphertext.slice(0, -1) },
    ];

    for (const secret of tampered) {
      const error: unknown = await vault.unseal(secret).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ kind: 'reauth-required' });
      expect(String((error as Error).message)).not.toContain(token);
    }
    expect(await vault.unseal(sealed)).toBe(token); // the original still opens
  });

  it('unseals earlier secrets when a new vault opens the same database after a restart', async () => {
    const options = fakeIndexedDb();
    const before = openTestDb(options);
    const sealed = await createTokenVault(before).seal('survives-restart');
    before.close();

    const after = openTestDb(options);
    expect(await createTokenVault(after).unseal(sealed)).toBe('survives-restart');
    expect(await after.cryptoKeys.count()).toBe(1);
  });

  it('rejects when a secret was sealed under another database key', async () => {
    const sealed = await createTokenVault(openTestDb()).seal('elsewhere');
    await expect(createTokenVault(openTestDb()).unseal(sealed)).rejects.toMatchObject({ kind: 'reauth-required' });
  });
});
