import { describe, it, expect } from 'vitest';
import Dexie from 'dexie';
import {
  COMPANION_SCHEMA_V1,
  type AccountRecord,
  type OrganizationRecordV1,
  type RepositoryRecord,
} from '@/lib/db/schema';
import { fakeIndexedDb, openTestDb } from './test-db';

const account: AccountRecord = {
  id: 'acc-1',
  kind: 'pat',
  displayName: 'Ada',
  email: 'ada@contoso.test',
  userId: 'vss-ada',
  host: 'dev.azure.com',
  tenantId: null,
  scopes: [],
  features: null,
  tokenExpiresAt: null,
  refreshExpiresAt: null,
  needsReauth: false,
  createdAt: 1,
};

function v1Org(baseUrl: string, name: string): OrganizationRecordV1 {
  return { key: baseUrl.toLowerCase(), name, baseUrl, accountId: 'acc-1', selected: true, instanceId: null };
}

const cloudOrg = v1Org('https://dev.azure.com/Contoso', 'Contoso');
const legacyOrg = v1Org('https://fabrikam.visualstudio.com', 'fabrikam');
const serverOrg = v1Org('https://tfs.contoso.test/tfs/DefaultCollection', 'DefaultCollection');
const brokenOrg = v1Org('not a url', 'broken');

/** Writes v1-shaped data with plain Dexie, the way the released version 1 did. */
async function createV1Database(options: ReturnType<typeof fakeIndexedDb>): Promise<void> {
  const v1 = new Dexie('ado-companion', options);
  v1.version(1).stores(COMPANION_SCHEMA_V1);
  await v1.open();
  await v1.table('accounts').add(account);
  await v1.table('organizations').bulkAdd([cloudOrg, legacyOrg, serverOrg, brokenOrg]);
  await v1.table('settings').put({ key: 'cloneProtocol', value: 'ssh' });
  v1.close();
}

describe('lib/db/schema', () => {
  it('keeps v1 data and fills organization kinds when a v1 database is opened', async () => {
    const options = fakeIndexedDb();
    await createV1Database(options);

    const db = openTestDb(options);
    await db.open();

    expect(db.verno).toBe(3);
    expect(await db.accounts.toArray()).toEqual([account]);
    expect(await db.settings.get('cloneProtocol')).toEqual({ key: 'cloneProtocol', value: 'ssh' });
    const orgs = new Map((await db.organizations.toArray()).map((org) => [org.key, org]));
    expect(orgs.get(cloudOrg.key)).toEqual({ ...cloudOrg, kind: 'cloud', apiVersion: null });
    expect(orgs.get(legacyOrg.key)).toEqual({ ...legacyOrg, kind: 'cloud', apiVersion: null });
    expect(orgs.get(serverOrg.key)).toEqual({ ...serverOrg, kind: 'server', apiVersion: null });
    // An unparsable URL must not abort the upgrade (that would lock the user out of the DB).
    expect(orgs.get(brokenOrg.key)).toEqual({ ...brokenOrg, kind: 'server', apiVersion: null });
    db.close();
  });

  it('makes the version 2 tables usable with their indexes, and drops the projects table, when a v1 database is upgraded', async () => {
    const options = fakeIndexedDb();
    await createV1Database(options);
    const db = openTestDb(options);

    const repo: RepositoryRecord = {
      id: 'r1',
      orgKey: cloudOrg.key,
      projectId: 'p1',
      projectName: 'Web',
      name: 'site',
      defaultBranch: 'refs/heads/main',
      webUrl: 'https://dev.azure.com/Contoso/Web/_git/site',
      remoteUrl: 'https://contoso@dev.azure.com/Contoso/Web/_git/site',
      sshUrl: 'git@ssh.dev.azure.com:v3/Contoso/Web/site',
      isFork: false,
      size: 1024,
      cachedAt: 5,
    };
    await db.repositories.add(repo);
    await db.reviewers.bulkAdd([
      { key: `${cloudOrg.key}|id-1`, orgKey: cloudOrg.key, identityId: 'id-1', displayName: 'Bo', mail: null, lastUsedAt: 10 },
      { key: `${cloudOrg.key}|id-2`, orgKey: cloudOrg.key, identityId: 'id-2', displayName: 'Cy', mail: null, lastUsedAt: 20 },
    ]);

    expect(db.tables.map((table) => table.name)).not.toContain('projects');
    expect(await db.repositories.where('projectId').equals('p1').toArray()).toEqual([repo]);
    expect((await db.reviewers.orderBy('lastUsedAt').reverse().first())?.identityId).toBe('id-2');
    db.close();
  });
});
