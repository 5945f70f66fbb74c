import { AppError } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import type { CompanionDb } from '../db/schema';

/** A token encrypted with AES-GCM: the IV (12 bytes, fresh per seal) and ciphertext + tag. */
export interface SealedSecret {
  iv: Uint8Array;
  ciphertext: ArrayBuffer;
}

/**
 * Encrypts tokens at rest under one non-extractable AES-GCM key kept in IndexedDB. The key sits in
 * the same profile as the ciphertext: this keeps tokens out of casual reads of storage and exports,
 * not away from someone who has the disk (docs/security.md).
 */
export interface TokenVault {
  seal(plaintext: string): Promise<SealedSecret>;
  /** Rejects with `reauth-required` when the secret was tampered with or sealed under another key. */
  unseal(sealed: SealedSecret): Promise<string>;
}

const KEY_ID = 'tokens';
const IV_BYTES = 12; // the size AES-GCM is specified and optimised for (NIST SP 800-38D)
const ALGORITHM = { name: 'AES-GCM', length: 256 } as const;

export function createTokenVault(db: CompanionDb): TokenVault {
  // Single-flight: every caller in this context waits for the same load-or-create.
  let keyPromise: Promise<CryptoKey> | null = null;
  const getKey = (): Promise<CryptoKey> => {
    keyPromise ??= loadOrCreateKey(db).catch((error: unknown) => {
      keyPromise = null; // a failed attempt (e.g. DB blocked) must not poison later calls
      throw error;
    });
    return keyPromise;
  };

  return {
    async seal(plaintext) {
      const key = await getKey();
      const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const data = new TextEncoder().encode(plaintext);
      const ciphertext = await globalThis.crypto.subtle.encrypt({ name: ALGORITHM.name, iv }, key, data);
      return { iv, ciphertext };
    },

    async unseal(sealed) {
      const key = await getKey();
      let data: ArrayBuffer;
      try {
        // The IV copy is ArrayBuffer-backed whatever view the record holds (WebCrypto's BufferSource).
        const iv = new Uint8Array(sealed.iv);
        data = await globalThis.crypto.subtle.decrypt({ name: ALGORITHM.name, iv }, key, sealed.ciphertext);
      } catch {
        // The cause (an OperationError) says nothing useful, and nothing about the secret may leak.
        throw new AppError(appErrors.unreadableSavedSignIn());
      }
      return new TextDecoder().decode(data);
    },
  };
}

async function loadOrCreateKey(db: CompanionDb): Promise<CryptoKey> {
  const existing = await db.cryptoKeys.get(KEY_ID);
  if (existing) return existing.key;
  // Generated outside the transaction: awaiting WebCrypto inside one would let IndexedDB
  // auto-commit it. The service worker and the popup may both get here; the transaction
  // below re-reads so the first writer wins and the other discards its candidate.
  const candidate = await globalThis.crypto.subtle.generateKey(ALGORITHM, false, ['encrypt', 'decrypt']);
  return db.transaction('rw', db.cryptoKeys, async () => {
    const winner = await db.cryptoKeys.get(KEY_ID);
    if (winner) return winner.key;
    await db.cryptoKeys.add({ id: KEY_ID, key: candidate });
    return candidate;
  });
}
