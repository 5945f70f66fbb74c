import type { CompanionDb } from './schema';

/**
 * Sign-out: delete the account, its organizations, their cached repositories and
 * recent reviewers, and its sealed tokens, in one transaction so that a service worker killed
 * half-way never leaves tokens behind an account that is gone. Resolves to the removed org keys.
 */
export async function deleteAccountData(db: CompanionDb, accountId: string): Promise<string[]> {
  const tables = [db.accounts, db.organizations, db.repositories, db.reviewers, db.secrets];
  return db.transaction('rw', tables, async () => {
    const orgKeys = await db.organizations.where('accountId').equals(accountId).primaryKeys();
    if (orgKeys.length > 0) {
      await db.repositories.where('orgKey').anyOf(orgKeys).delete();
      await db.reviewers.where('orgKey').anyOf(orgKeys).delete();
      await db.organizations.bulkDelete(orgKeys);
    }
    await db.secrets.where('accountId').equals(accountId).delete();
    await db.accounts.delete(accountId);
    return orgKeys;
  });
}
