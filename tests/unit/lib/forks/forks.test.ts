// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createForks } from '@/lib/forks/forks';
import { createRepositoryCache } from '@/lib/repositories/repository-cache';
import type { FakeAdo } from '../../../fake-ado/server';
import { useFakeAdo } from '../../support/use-fake-ado';
import { basic } from '../../../fake-ado/fixtures/basic';
import { CONTOSO, SERVER, key, startSession } from '../auth/session-harness';

let fake: FakeAdo;
useFakeAdo((started) => (fake = started));

async function connected(token: string = basic.pats.janeContoso) {
  const { session, db } = startSession(fake);
  await session.connectPat({ host: CONTOSO, token });
  await createRepositoryCache({ db, session, now: () => Date.now() }).refresh();
  return createForks({ db, session, now: () => Date.now() });
}

describe('lib/forks', () => {
  it('lists the forks of a repository in its organization', async () => {
    const forks = await connected();
    const { forks: list } = await forks.list({ orgKey: key(CONTOSO), repositoryId: basic.repos.webPortal.id });
    expect(list.map((f) => `${f.projectName}/${f.name}`)).toEqual(['Platform/web-portal-fork']);
    expect(list[0]!.httpsUrl).toBe('https://dev.azure.com/contoso/Platform/_git/web-portal-fork');
  });

  it('creates a fork that is empty until its copy completes, then offers it as a repository', async () => {
    const forks = await connected();
    const created = await forks.create({ orgKey: key(CONTOSO), repositoryId: basic.repos.iosApp.id, projectId: basic.projects.platform.id, name: 'ios-app' });
    expect(created.status).toBe('queued');
    const first = await forks.copyStatus({ orgKey: key(CONTOSO), forkId: created.forkId, operationId: created.operationId });
    expect(first).toEqual({ status: 'inProgress', repository: null });
    const second = await forks.copyStatus({ orgKey: key(CONTOSO), forkId: created.forkId, operationId: created.operationId });
    expect(second.status).toBe('completed');
    expect(second.repository).toMatchObject({ name: 'ios-app', projectName: 'Platform', isFork: true, defaultBranch: 'main' });
  });

  it('names each refusal: name taken, name invalid, forks off by policy, no permission', async () => {
    const forks = await connected();
    const input = { orgKey: key(CONTOSO), repositoryId: basic.repos.iosApp.id, projectId: basic.projects.mobileApp.id };
    await expect(forks.create({ ...input, name: 'ios-app' })).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('already exists') });
    await expect(forks.create({ ...input, name: 'bad/name' })).rejects.toMatchObject({ kind: 'invalid-name' });
    fake.control.setFailures({ forksDisabledIn: ['contoso'] });
    await expect(forks.create({ ...input, name: 'ios-app-2' })).rejects.toMatchObject({ message: expect.stringContaining('Forks are disabled') });
    fake.control.setFailures({ forksDisabledIn: [] });

    const sam = await connected(basic.pats.samContoso);
    await expect(sam.create({ ...input, name: 'ios-app-sam' })).rejects.toMatchObject({ message: expect.stringContaining('CreateRepository') });
  });

  it('on a server older than forks (REST API 4.0) says which version they need, and makes no plain repository instead', async () => {
    fake.control.setServerApiVersion('4.0');
    const { session, db } = startSession(fake);
    await session.connectPat({ host: SERVER, token: basic.pats.janeServer });
    await createRepositoryCache({ db, session, now: () => Date.now() }).refresh();
    const forks = createForks({ db, session, now: () => Date.now() });
    const legacyApp = basic.repos.legacyApp;
    const sentence = 'Forks need REST API version 4.1, and tfs.contoso.test supports 4.0. Ask your administrator to update Azure DevOps Server.';
    await expect(forks.list({ orgKey: key(SERVER), repositoryId: legacyApp.id })).rejects.toMatchObject({ kind: 'server-version', message: sentence });
    fake.control.clearRequests();
    await expect(forks.create({ orgKey: key(SERVER), repositoryId: legacyApp.id, projectId: basic.projects.legacy.id, name: 'legacy-app-fork' })).rejects.toMatchObject({ message: sentence });
    expect(fake.control.requests({ method: 'POST' })).toEqual([]);
  });
});

