// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createNewRepository } from '@/lib/new-repository/create-repository';
import { offlineError } from '@/lib/azure/azure-error';
import type { RestRequest } from '@/lib/azure/rest-client';
import type { FakeAdo } from '../../../fake-ado/server';
import { basic } from '../../../fake-ado/fixtures/basic';
import { useFakeAdo } from '../../support/use-fake-ado';
import { CONTOSO, key, signInJane, startSession } from '../auth/session-harness';

let fake: FakeAdo;
useFakeAdo((started) => (fake = started));

const PUBLIC = path.resolve(__dirname, '../../../../public');
const readTemplate = (file: string) => readFile(path.join(PUBLIC, file), 'utf8');
const NOW = Date.parse('2031-04-01T12:00:00Z');

async function connected(token: string = basic.pats.janeContoso) {
  const started = startSession(fake);
  await started.session.connectPat({ host: CONTOSO, token });
  const newRepository = createNewRepository({ db: started.db, session: started.session, now: () => NOW, readTemplate });
  return { started, newRepository };
}

const platform = () => fake.control.state.data.organizations.find((o) => o.name === 'contoso')!.projects.find((p) => p.name === 'Platform')!;
const base = { orgKey: key(CONTOSO), projectId: basic.projects.platform.id };

describe('lib/new-repository/create-repository', () => {
  it('lists the projects of an organization by name', async () => {
    const { newRepository } = await connected();
    const { projects } = await newRepository.projects({ orgKey: key(CONTOSO) });
    expect(projects.map((p) => p.name)).toEqual(['Automação', 'Mobile App', 'Platform']);
    expect(projects.find((p) => p.name === 'Platform')?.id).toBe(basic.projects.platform.id);
  });

  it('creates the repository and one commit on main with README, .gitignore and a license with year and holder filled in', async () => {
    const { started, newRepository } = await connected();
    const result = await newRepository.create({ ...base, name: 'billing', readme: true, gitignore: 'Node', license: 'MIT', holder: 'Contoso Ltd' });

    expect(result.files).toEqual(['README.md', '.gitignore', 'LICENSE']);
    expect(result.commitError).toBeUndefined();
    expect(result.repository).toMatchObject({ name: 'billing', projectName: 'Platform', defaultBranch: 'main', httpsUrl: 'https://dev.azure.com/contoso/Platform/_git/billing' });

    const repo = platform().repositories.find((r) => r.name === 'billing')!;
    const commits = fake.control.state.commitsOf(repo.id);
    expect(commits).toHaveLength(1);
    expect(commits[0]!.parents).toEqual([]);
    expect(commits[0]!.comment).toBe('Initial commit');
    expect(Object.keys(commits[0]!.tree).sort()).toEqual(['/.gitignore', '/LICENSE', '/README.md']);
    expect(commits[0]!.tree['/README.md']).toBe('# billing\n');
    expect(commits[0]!.tree['/.gitignore']).toBe(await readTemplate('templates/gitignore/Node.gitignore'));
    expect(commits[0]!.tree['/LICENSE']).toMatch(/^MIT License\n\nCopyright \(c\) 2031 Contoso Ltd\n/);
    expect(commits[0]!.tree['/LICENSE']).not.toMatch(/\[year\]|\[fullname\]/);
    expect(repo.defaultBranch).toBe('refs/heads/main');

    // The repository list shows it at once, from the cache.
    expect((await started.db.repositories.get(repo.id))?.name).toBe('billing');
  });

  it('names the account as copyright holder when none is typed, and leaves licenses without a copyright line as published', async () => {
    const { newRepository } = await connected();
    await newRepository.create({ ...base, name: 'bsd', readme: false, license: 'BSD-3-Clause', holder: '  ' });
    await newRepository.create({ ...base, name: 'apache', readme: false, license: 'Apache-2.0', holder: 'Ignored' });
    const tree = (name: string) => fake.control.state.commitsOf(platform().repositories.find((r) => r.name === name)!.id)[0]!.tree;
    expect(tree('bsd')['/LICENSE']).toContain('Copyright (c) 2031, Jane Doe');
    expect(tree('apache')['/LICENSE']).toBe(await readTemplate('templates/licenses/Apache-2.0.txt'));
  });

  it('pushes nothing when no file was chosen: the repository stays empty', async () => {
    const { newRepository } = await connected();
    const result = await newRepository.create({ ...base, name: 'bare', readme: false });
    expect(result.files).toEqual([]);
    expect(result.repository.defaultBranch).toBeNull();
    expect(fake.control.requests({ method: 'POST', pathIncludes: '/pushes' })).toEqual([]);
  });

  it('refuses a name Azure DevOps would refuse without sending anything', async () => {
    const { newRepository } = await connected();
    fake.control.clearRequests();
    await expect(newRepository.create({ ...base, name: 'bad#name', readme: true })).rejects.toMatchObject({ kind: 'invalid-name', message: expect.stringContaining('“#”') });
    expect(fake.control.requests()).toEqual([]);
  });

  it('explains a taken name, a missing permission and a missing scope', async () => {
    const jane = await connected();
    await expect(jane.newRepository.create({ ...base, name: 'WEB-PORTAL', readme: true })).rejects.toMatchObject({
      kind: 'conflict',
      message: 'A Git repository with the name WEB-PORTAL already exists. Choose another name.',
    });

    const sam = await connected(basic.pats.samContoso);
    await expect(sam.newRepository.create({ orgKey: key(CONTOSO), projectId: basic.projects.mobileApp.id, name: 'sams', readme: true })).rejects.toMatchObject({
      kind: 'auth-missing-scope',
      message: expect.stringMatching(/^Your account may not do this in contoso: it lacks the Git permission “CreateRepository”\./),
    });

    const codeWrite = await connected(basic.pats.codeWrite);
    await expect(codeWrite.newRepository.create({ ...base, name: 'scoped', readme: true })).rejects.toMatchObject({
      kind: 'auth-missing-scope',
      message: expect.stringContaining('“Code: Read, write & manage”'),
    });
    expect(fake.control.requests({ method: 'POST', pathIncludes: '/pushes' })).toEqual([]);
  });

  it('says the repository exists but is empty when its first commit fails, and still lists it', async () => {
    const started = startSession(fake);
    await started.session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    // The network drops during the push (the create went through).
    const session = {
      clientFor: (account: Parameters<typeof started.session.clientFor>[0]) => {
        const client = started.session.clientFor(account);
        return {
          ...client,
          request: <T>(req: RestRequest) =>
            req.url.endsWith('/pushes') ? Promise.reject(offlineError(req.url, { mayHaveRun: true })) : client.request<T>(req),
        };
      },
    };
    const newRepository = createNewRepository({ db: started.db, session, now: () => NOW, readTemplate });
    const result = await newRepository.create({ ...base, name: 'half', readme: true });
    expect(result.files).toEqual([]);
    expect(result.repository.defaultBranch).toBeNull();
    expect(result.commitError).toMatchObject({
      kind: 'offline',
      message: expect.stringMatching(/^half was created, but its first commit was not: Can't reach dev\.azure\.com\..*The repository is empty; add the files with your Git client\.$/),
    });
    expect((await started.db.repositories.filter((r) => r.name === 'half').toArray()).map((r) => r.defaultBranch)).toEqual([null]);
  });

  it('works with a Microsoft sign-in too', async () => {
    const started = startSession(fake);
    await signInJane(started);
    const newRepository = createNewRepository({ db: started.db, session: started.session, now: () => NOW, readTemplate });
    await expect(newRepository.create({ ...base, name: 'oauth-made', readme: true })).resolves.toMatchObject({ files: ['README.md'] });
  });

  it('says so when a template cannot be read, before creating anything', async () => {
    const started = startSession(fake);
    await started.session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    const newRepository = createNewRepository({ db: started.db, session: started.session, now: () => NOW, readTemplate: () => Promise.reject(new Error('404')) });
    await expect(newRepository.create({ ...base, name: 'no-template', readme: false, gitignore: 'Go' })).rejects.toMatchObject({ kind: 'internal' });
    expect(platform().repositories.map((r) => r.name)).not.toContain('no-template');
  });
});
