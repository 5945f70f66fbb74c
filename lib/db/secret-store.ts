import type { TokenVault } from '../crypto/token-vault';
import type { CompanionDb, SecretKind, SecretRecord } from './schema';

/** Tokens per account and kind, sealed by the vault before they reach IndexedDB. */
export interface SecretStore {
  /**
   * The record to store, sealed. Seal first, then put it inside the transaction that checks its
   * account still exists: WebCrypto cannot run inside an IndexedDB transaction (it would commit).
   */
  seal(accountId: string, kind: SecretKind, token: string): Promise<SecretRecord>;
  /** null when none is stored; rejects (`reauth-required`) when the stored one cannot be unsealed. */
  get(accountId: string, kind: SecretKind): Promise<string | null>;
  deleteForAccount(accountId: string): Promise<void>;
}

/** The `secrets` primary key of an account's token of one kind. */
export function secretKey(accountId: string, kind: SecretKind): string {
  return `${accountId}|${kind}`;
}

export function createSecretStore(db: CompanionDb, vault: TokenVault): SecretStore {
  return {
    async seal(accountId, kind, token) {
      const { iv, ciphertext } = await vault.seal(token);
      return { key: secretKey(accountId, kind), accountId, kind, iv, ciphertext };
    },

    async get(accountId, kind) {
      const record = await db.secrets.get(secretKey(accountId, kind));
      return record ? vault.unseal(record) : null;
    },

    async deleteForAccount(accountId) {
      await db.secrets.where('accountId').equals(accountId).delete();
    },
  };
}
