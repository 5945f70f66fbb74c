// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createRepositoryCache } from '@/lib/repositories/repository-cache';
import type { FakeAdo } from '../../../fake-ado/server';
import { useFakeAdo } from '../../support/use-fake-ado';
import { basic } from '../../../fake-ado/fixtures/basic';
import { CONTOSO, holdRequests, key, startSession } from '../auth/session-harness';


let fake: FakeAdo;
useFakeAdo((started) => (fake = started));

const contosoRepositories = () =>
  (fake.control.state.data.organizations.find((o) => o.name === 'contoso')?.projects ?? []).flatMap((p) => p.repositories.map((r) => r.name));

describe('lib/repositories/repository-cache', () => {
  it('lists every repository of a connected organization after a refresh, in canonical clone forms', async () => {
    const started = startSession(fake);
    await started.session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    const cache = createRepositoryCache({ db: started.db, session: started.session, now: () => started.clock.now });

    expect(await cache.list()).toEqual({ repositories: [], organizations: [{ key: key(CONTOSO), name: 'contoso', refreshedAt: null }], failures: [] });
    const { repositories, organizations, failures } = await cache.refresh();

    expect(failures).toEqual([]);
    expect(repositories.map((r) => r.name).sort()).toEqual([...contosoRepositories()].sort());
    expect(organizations).toEqual([{ key: key(CONTOSO), name: 'contoso', refreshedAt: started.clock.now }]);
    const ios = repositories.find((r) => r.name === 'ios-app')!;
    expect(ios).toMatchObject({ httpsUrl: 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app', sshUrl: 'git@ssh.dev.azure.com:v3/contoso/Mobile%20App/ios-app' });
  });

  it('lists rows an older version cached, without their canonical URLs, in canonical clone forms too', async () => {
    const started = startSession(fake);
    await started.session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    const cache = createRepositoryCache({ db: started.db, session: started.session, now: () => started.clock.now });
    const fresh = (await cache.refresh()).repositories;
    await started.db.repositories.toCollection().modify((row) => {
      delete row.canonical;
      row.remoteUrl = row.remoteUrl.replace('https://dev.azure.com/contoso/', 'https://contoso.visualstudio.com/DefaultCollection/');
    });

    expect((await cache.list()).repositories).toEqual(fresh);
  });

  it('a listing never outlives a change: a repository removed, an organization unselected', async () => {
    const started = startSession(fake);
    await started.session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    const cache = createRepositoryCache({ db: started.db, session: started.session, now: () => started.clock.now });
    const all = (await cache.refresh()).repositories;
    expect((await cache.list()).repositories).toHaveLength(all.length);

    await started.db.repositories.delete(all[0]!.id);
    expect((await cache.list()).repositories.map((r) => r.id)).toEqual(all.slice(1).map((r) => r.id));
    await started.db.organizations.update(key(CONTOSO), { selected: false });
    expect(await cache.list()).toMatchObject({ repositories: [], organizations: [] });
  });

  it('learns when a repository last changed for the ones asked, once, and forgets it at the next refresh', async () => {
    const started = startSession(fake);
    await started.session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    const cache = createRepositoryCache({ db: started.db, session: started.session, now: () => started.clock.now });
    const all = (await cache.refresh()).repositories;
    const ios = all.find((r) => r.name === 'ios-app')!;
    const empty = all.find((r) => r.name === 'empty-repo')!;
    expect(ios.updatedAt).toBeUndefined();
    fake.control.clearRequests();

    // The head of main in the fixture is dated 2026-01-05 09:00 UTC; an empty repository has no date and costs no request.
    expect(await cache.updatedAt([ios.id, empty.id])).toEqual({ [ios.id]: '2026-01-05T09:00:00.000Z', [empty.id]: null });
    expect(fake.control.requests().map((r) => `${r.method} ${r.path.replace(/^.*\/_apis\//, '')}`)).toEqual([`GET git/repositories/${ios.id}/commits`]);
    fake.control.clearRequests();
    expect(await cache.updatedAt([ios.id])).toEqual({ [ios.id]: '2026-01-05T09:00:00.000Z' });
    expect(fake.control.requests()).toEqual([]);
    expect((await cache.list()).repositories.find((r) => r.id === ios.id)?.updatedAt).toBe('2026-01-05T09:00:00.000Z');

    expect((await cache.refresh()).repositories.find((r) => r.id === ios.id)?.updatedAt).toBeUndefined();
  });

  it('leaves out what cannot be learnt now, and asks again later', async () => {
    const started = startSession(fake);
    await started.session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    const cache = createRepositoryCache({ db: started.db, session: started.session, now: () => started.clock.now });
    const ios = (await cache.refresh()).repositories.find((r) => r.name === 'ios-app')!;
    fake.control.setFailures({ offline: true });
    expect(await cache.updatedAt([ios.id, '00000000-0000-0000-0000-000000000000'])).toEqual({});
    fake.control.setFailures({ offline: false });
    expect(await cache.updatedAt([ios.id])).toEqual({ [ios.id]: '2026-01-05T09:00:00.000Z' });
  });

  it('paints from the cache with no network request, and keeps the cache when a refresh fails', async () => {
    const started = startSession(fake);
    await started.session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    const cache = createRepositoryCache({ db: started.db, session: started.session, now: () => started.clock.now });
    const before = (await cache.refresh()).repositories;
    fake.control.clearRequests();

    expect((await cache.list()).repositories).toEqual(before);
    expect(fake.control.requests()).toEqual([]);

    fake.control.setFailures({ offline: true });
    const offline = await cache.refresh();
    expect(offline.repositories).toEqual(before);
    expect(offline.failures).toEqual([{ key: key(CONTOSO), name: 'contoso', error: expect.objectContaining({ kind: 'offline' }) }]);
  });

  it('remembers when an organization was fetched even when it has no repository, so reopening does not fetch it again', async () => {
    const started = startSession(fake);
    await started.session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    for (const project of fake.control.state.data.organizations.find((o) => o.name === 'contoso')!.projects) project.repositories = [];
    const cache = createRepositoryCache({ db: started.db, session: started.session, now: () => started.clock.now });

    await cache.refresh();
    expect(await cache.list()).toEqual({ repositories: [], organizations: [{ key: key(CONTOSO), name: 'contoso', refreshedAt: started.clock.now }], failures: [] });
  });

  it('keeps the time of the last good fetch when a refresh fails', async () => {
    const started = startSession(fake);
    await started.session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    const cache = createRepositoryCache({ db: started.db, session: started.session, now: () => started.clock.now });
    await cache.refresh();
    const fetchedAt = started.clock.now;
    started.clock.now += 10 * 60_000;
    fake.control.setFailures({ offline: true });

    expect((await cache.refresh()).organizations).toEqual([{ key: key(CONTOSO), name: 'contoso', refreshedAt: fetchedAt }]);
  });

  it('stores nothing for an organization signed out while its list was loading', async () => {
    const holds: ReturnType<typeof holdRequests>[] = [];
    const started = startSession(fake, { holds });
    const { account } = await started.session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    const hold = holdRequests((url) => url.pathname.endsWith('/_apis/git/repositories'));
    holds.push(hold);
    const cache = createRepositoryCache({ db: started.db, session: started.session, now: () => started.clock.now });

    const refreshing = cache.refresh();
    await hold.arrived;
    await started.session.signOut({ accountId: account.id });
    hold.release();
    await refreshing;

    expect(await started.db.repositories.count()).toBe(0);
  });
});
