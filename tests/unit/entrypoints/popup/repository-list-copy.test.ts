// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { keepRepositoryListCopy, readRepositoryListCopy } from '@/entrypoints/popup/repositories/repository-list-copy';
import { dropRepositoryListCopy, REPOSITORY_LIST_COPY_DATABASE } from '@/entrypoints/popup/repositories/drop-repository-list-copy';
import type { RepositoryListView } from '@/lib/repositories/repository-cache';
import { repo } from './repository-views';

const view = (names: string[]): RepositoryListView => ({
  repositories: names.map((name) => repo('c', 'Mobile App', name)),
  organizations: [{ key: 'c', name: 'contoso', refreshedAt: 1 }],
  failures: [],
});
/** The names in the kept copy, once its write (which the caller does not wait for) has landed. */
const keptNames = async () => (await readRepositoryListCopy())?.view.repositories.map((r) => r.name) ?? null;

describe('popup/repository-list-copy', () => {
  // Each test starts with no copy, whatever ran before it in this worker (the database is the module's).
  beforeEach(
    () => new Promise((resolve) => Object.assign(indexedDB.deleteDatabase(REPOSITORY_LIST_COPY_DATABASE), { onsuccess: resolve, onerror: resolve })),
  );

  it('gives back the list kept at the last opening, and nothing once signed out', async () => {
    expect(await readRepositoryListCopy()).toBeNull();
    expect(keepRepositoryListCopy(view(['android-app', 'ios-app']), null)).toBe(true);
    await expect.poll(keptNames).toEqual(['android-app', 'ios-app']);

    const copy = await readRepositoryListCopy();
    expect(copy?.view).toEqual(view(['android-app', 'ios-app']));

    dropRepositoryListCopy();
    expect(await readRepositoryListCopy()).toBeNull();
  });

  it('says whether an answer differs from the copy, and keeps only one that does', async () => {
    keepRepositoryListCopy(view(['ios-app']), null);
    await expect.poll(keptNames).toEqual(['ios-app']);
    const copy = await readRepositoryListCopy();

    expect(keepRepositoryListCopy(view(['ios-app']), copy)).toBe(false);
    expect(keepRepositoryListCopy(view(['ios-app', 'web']), copy)).toBe(true);
    await expect.poll(keptNames).toEqual(['ios-app', 'web']);
  });

  it('does not keep the failures of a refresh, which belong to that moment', async () => {
    const failed = { ...view(['ios-app']), failures: [{ key: 'c', name: 'contoso', error: { kind: 'offline' } }] } as RepositoryListView;
    keepRepositoryListCopy(failed, null);
    await expect.poll(keptNames).toEqual(['ios-app']);

    expect((await readRepositoryListCopy())?.view.failures).toEqual([]);
  });
});
