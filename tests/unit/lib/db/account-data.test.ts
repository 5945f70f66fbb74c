import { describe, it, expect } from 'vitest';
import { deleteAccountData } from '@/lib/db/account-data';
import type { AccountRecord, CompanionDb, OrganizationRecord } from '@/lib/db/schema';
import { openTestDb } from './test-db';

function account(id: string): AccountRecord {
  return {
    id,
    kind: 'oauth',
    displayName: id,
    email: `${id}@contoso.test`,
    userId: `vss-${id}`,
    host: 'dev.azure.com',
    tenantId: 'tenant',
    scopes: ['vso.code'],
    features: null,
    tokenExpiresAt: 1,
    refreshExpiresAt: 2,
    needsReauth: false,
    createdAt: 0,
  };
}

function organization(name: string, accountId: string): OrganizationRecord {
  const baseUrl = `https://dev.azure.com/${name}`;
  return { key: baseUrl.toLowerCase(), name, kind: 'cloud', baseUrl, accountId, selected: true, instanceId: null, apiVersion: null };
}

/** An account with one org per name, each with a repository and a reviewer, plus two secrets. */
async function seedAccount(db: CompanionDb, accountId: string, orgNames: string[]): Promise<void> {
  await db.accounts.add(account(accountId));
  for (const name of orgNames) {
    const org = organization(name, accountId);
    await db.organizations.add(org);
    await db.repositories.add({
      id: `${name}-r`,
      orgKey: org.key,
      projectId: `${name}-p`,
      projectName: 'P',
      name: 'R',
      defaultBranch: null,
      webUrl: `${org.baseUrl}/P/_git/R`,
      remoteUrl: `${org.baseUrl}/P/_git/R`,
      sshUrl: null,
      isFork: false,
      size: 0,
      cachedAt: 0,
    });
    await db.reviewers.add({ key: `${org.key}|rev`, orgKey: org.key, identityId: 'rev', displayName: 'Rev', mail: null, lastUsedAt: 0 });
  }
  for (const kind of ['access-token', 'refresh-token'] as const) {
    await db.secrets.add({ key: `${accountId}|${kind}`, accountId, kind, iv: new Uint8Array(12), ciphertext: new ArrayBuffer(16) });
  }
}

async function snapshot(db: CompanionDb): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

describe('lib/db/account-data', () => {
  it('removes exactly that account’s data and keeps another account’s when an account is deleted', async () => {
    const db = openTestDb();
    await seedAccount(db, 'keep', ['fabrikam']);
    const kept = await snapshot(db);
    await seedAccount(db, 'gone', ['contoso', 'northwind']);
    await db.settings.put({ key: 'cloneProtocol', value: 'ssh' });
    await db.cryptoKeys.put({ id: 'tokens', key: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']) });

    const removed = await deleteAccountData(db, 'gone');

    expect(removed.sort()).toEqual(['https://dev.azure.com/contoso', 'https://dev.azure.com/northwind']);
    const after = await snapshot(db);
    for (const table of ['accounts', 'organizations', 'repositories', 'reviewers', 'secrets']) {
      expect(after[table], table).toEqual(kept[table]);
    }
    // Shared rows are not the account's: settings and the vault key stay.
    expect(await db.settings.count()).toBe(1);
    expect(await db.cryptoKeys.count()).toBe(1);
  });

  it('deletes the account and its secrets when it serves no organization', async () => {
    const db = openTestDb();
    await seedAccount(db, 'keep', ['fabrikam']);
    await seedAccount(db, 'lonely', []);

    expect(await deleteAccountData(db, 'lonely')).toEqual([]);
    expect(await db.accounts.toCollection().primaryKeys()).toEqual(['keep']);
    expect(await db.secrets.where('accountId').equals('lonely').count()).toBe(0);
    expect(await db.secrets.count()).toBe(2);
  });

  it('changes nothing when one of the deletions fails part-way', async () => {
    const db = openTestDb();
    await seedAccount(db, 'gone', ['contoso']);
    const before = await snapshot(db);
    // A failure in the last step must roll back the steps before it (one transaction).
    db.accounts.hook('deleting', () => {
      throw new Error('disk full');
    });

    await expect(deleteAccountData(db, 'gone')).rejects.toThrow('disk full');
    expect(await snapshot(db)).toEqual(before);
  });
});
