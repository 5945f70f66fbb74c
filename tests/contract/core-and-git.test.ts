// @vitest-environment node
/**
 * The official azure-devops-node-api client against the fake: connection data, projects,
 * repositories, refs, pushes, forks (docs/azure-devops-rest.md). If the client cannot read an
 * answer, the fake is wrong.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CoreApi } from 'azure-devops-node-api/CoreApi';
import type { GitApi } from 'azure-devops-node-api/GitApi';
import { GitAsyncOperationStatus, GitRefUpdateStatus, GitVersionType, VersionControlChangeType, ItemContentType } from 'azure-devops-node-api/interfaces/GitInterfaces';
import { startFakeAdo, type FakeAdo } from '../fake-ado/server';
import { basic } from '../fake-ado/fixtures/basic';
import { basicAuth, clientError, fakeFetch, patApi } from './helpers';

const ZERO = '0000000000000000000000000000000000000000';
let fake: FakeAdo;
let core: CoreApi;
let git: GitApi;

beforeAll(async () => {
  fake = await startFakeAdo({ port: 0 });
  const api = patApi(fake, 'contoso', basic.pats.janeContoso);
  [core, git] = await Promise.all([api.getCoreApi(), api.getGitApi()]);
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

describe('connectionData', () => {
  it('identifies the PAT owner and the organization', async () => {
    const data = await patApi(fake, 'contoso', basic.pats.janeContoso).connect();
    expect(data.authenticatedUser?.id).toBe(basic.users.jane.id);
    expect(data.authenticatedUser?.providerDisplayName).toBe('Jane Doe');
    expect(data.authenticatedUser?.properties?.Account?.$value).toBe('jane@contoso.com');
    expect(data.authorizedUser?.id).toBe(basic.users.jane.id);
    expect(data.instanceId).toBe(basic.orgs.contoso.id);
    expect(data.deploymentType).toBe('hosted'); // connect() returns the raw JSON
  });

  it('answers on the legacy {org}.visualstudio.com host too, with legacy URLs', async () => {
    const res = await fakeFetch(fake, 'https://contoso.visualstudio.com/DefaultCollection/_apis/git/repositories?api-version=7.1', {
      headers: { Authorization: basicAuth(basic.pats.janeContoso), 'X-TFS-FedAuthRedirect': 'Suppress' },
    });
    expect(res.status).toBe(200);
    const repos = (await res.json()) as { value: { name: string; remoteUrl: string; sshUrl: string }[] };
    const ios = repos.value.find((r) => r.name === 'ios-app')!;
    expect(ios.remoteUrl).toBe('https://contoso.visualstudio.com/DefaultCollection/Mobile%20App/_git/ios-app');
    expect(ios.sshUrl).toBe('contoso@vs-ssh.visualstudio.com:v3/contoso/Mobile%20App/ios-app');
  });

  it('uses dev.azure.com URLs when called on dev.azure.com', async () => {
    const res = await fakeFetch(fake, `https://dev.azure.com/contoso/Mobile%20App/_apis/git/repositories/ios-app?api-version=7.1`, {
      headers: { Authorization: basicAuth(basic.pats.janeContoso), 'X-TFS-FedAuthRedirect': 'Suppress' },
    });
    const repo = (await res.json()) as Record<string, string>;
    expect(repo.remoteUrl).toBe('https://contoso@dev.azure.com/contoso/Mobile%20App/_git/ios-app');
    expect(repo.sshUrl).toBe('git@ssh.dev.azure.com:v3/contoso/Mobile%20App/ios-app');
    expect(repo.webUrl).toBe('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app');
  });
});

describe('projects', () => {
  it('lists projects, including names with spaces and non-ASCII characters', async () => {
    const projects = await core.getProjects();
    expect(projects.map((p) => p.name)).toEqual(['Mobile App', 'Platform', 'Automação']);
  });

  it('pages with $top/$skip and announces the next page in x-ms-continuationtoken', async () => {
    const first = await core.getProjects(undefined, 2);
    expect(first.map((p) => p.name)).toEqual(['Mobile App', 'Platform']);
    const rest = await core.getProjects(undefined, 2, 2);
    expect(rest.map((p) => p.name)).toEqual(['Automação']);
    const raw = await fakeFetch(fake, 'https://dev.azure.com/contoso/_apis/projects?$top=1&api-version=7.1', {
      headers: { Authorization: basicAuth(basic.pats.janeContoso), 'X-TFS-FedAuthRedirect': 'Suppress' },
    });
    expect(raw.headers.get('x-ms-continuationtoken')).toBe('1');
  });

  it('gets one project by name or id', async () => {
    expect((await core.getProject('Automação')).id).toBe(basic.projects.automacao.id);
    expect((await core.getProject(basic.projects.platform.id)).name).toBe('Platform');
  });
});

describe('repositories', () => {
  it('lists every repository of the org and of one project', async () => {
    const all = await git.getRepositories();
    expect(all.map((r) => r.name)).toContain('Framework de Automação');
    const mobile = await git.getRepositories('Mobile App');
    expect(mobile.map((r) => r.name).sort()).toEqual(['Mobile App', 'android-app', 'ios-app']);
    const empty = all.find((r) => r.name === 'empty-repo')!;
    expect(empty.defaultBranch).toBeUndefined();
    const fork = all.find((r) => r.name === 'web-portal-fork')!;
    expect(fork.isFork).toBe(true);
  });

  it('gets a repository by id, or by name within its project', async () => {
    expect((await git.getRepository(basic.repos.iosApp.id)).name).toBe('ios-app');
    const byName = await git.getRepository('Framework de Automação', 'Automação');
    expect(byName.id).toBe(basic.repos.frameworkAutomacao.id);
    expect(byName.project?.name).toBe('Automação');
  });

  it('answers TF401019 for an unknown repository', async () => {
    const res = await fakeFetch(fake, 'https://dev.azure.com/contoso/Platform/_apis/git/repositories/nope?api-version=7.1', {
      headers: { Authorization: basicAuth(basic.pats.janeContoso), 'X-TFS-FedAuthRedirect': 'Suppress' },
    });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { message: string; typeKey: string };
    expect(body.typeKey).toBe('GitRepositoryNotFoundException');
    expect(body.message).toMatch(/^TF401019: The Git repository with name or identifier nope does not exist/);
    // The node client maps 404 to null.
    expect(await git.getRepository('nope', 'Platform')).toBeNull();
  });

  it('creates a repository, then pushes an initial commit that creates main', async () => {
    const created = await git.createRepository({ name: 'new-service', project: { id: basic.projects.platform.id } }, 'Platform');
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.defaultBranch).toBeUndefined();
    expect(created.remoteUrl).toBe(`${fake.origin}/contoso/Platform/_git/new-service`);

    const push = await git.createPush(
      {
        refUpdates: [{ name: 'refs/heads/main', oldObjectId: ZERO }],
        commits: [
          {
            comment: 'Initial commit',
            changes: [
              { changeType: VersionControlChangeType.Add, item: { path: '/README.md' }, newContent: { content: '# new-service\n', contentType: ItemContentType.RawText } },
              { changeType: VersionControlChangeType.Add, item: { path: '/.gitignore' }, newContent: { content: Buffer.from('node_modules/\n').toString('base64'), contentType: ItemContentType.Base64Encoded } },
            ],
          },
        ],
      },
      created.id!,
      'Platform',
    );
    expect(push.pushId).toBeGreaterThan(0);
    const commitId = push.commits![0]!.commitId!;
    expect(commitId).toMatch(/^[0-9a-f]{40}$/);
    expect(push.refUpdates![0]).toMatchObject({ name: 'refs/heads/main', oldObjectId: ZERO, newObjectId: commitId });

    const refs = await git.getRefs(created.id!, 'Platform', 'heads/');
    expect(refs.map((r) => [r.name, r.objectId])).toEqual([['refs/heads/main', commitId]]);
    expect((await git.getRepository(created.id!)).defaultBranch).toBe('refs/heads/main');
    const item = await git.getItem(created.id!, '/.gitignore', 'Platform', undefined, undefined, true, undefined, undefined, undefined, true);
    expect(item.content).toBe('node_modules/\n');
  });

  it('accepts the string enums of the REST examples too ("add", "rawtext")', async () => {
    const repo = await git.createRepository({ name: 'string-enums', project: { id: basic.projects.platform.id } });
    const res = await fakeFetch(fake, `https://dev.azure.com/contoso/_apis/git/repositories/${repo.id}/pushes?api-version=7.1`, {
      method: 'POST',
      headers: { Authorization: basicAuth(basic.pats.janeContoso), 'Content-Type': 'application/json', 'X-TFS-FedAuthRedirect': 'Suppress' },
      body: JSON.stringify({
        refUpdates: [{ name: 'refs/heads/main', oldObjectId: ZERO }],
        commits: [{ comment: 'Initial commit.', changes: [{ changeType: 'add', item: { path: '/readme.md' }, newContent: { content: 'My first file!', contentType: 'rawtext' } }] }],
      }),
    });
    expect(res.status).toBe(201);
  });

  it('rejects a push with a stale oldObjectId with TF401028', async () => {
    const error = await clientError(
      git.createPush(
        { refUpdates: [{ name: 'refs/heads/main', oldObjectId: ZERO }], commits: [{ comment: 'x', changes: [{ changeType: VersionControlChangeType.Add, item: { path: '/x.txt' }, newContent: { content: 'x', contentType: ItemContentType.RawText } }] }] },
        basic.repos.webPortal.id,
        'Platform',
      ),
    );
    expect(error.statusCode).toBe(409);
    expect(error.result?.typeKey).toBe('GitReferenceStaleException');
    expect(error.message).toMatch(/^TF401028: The reference 'refs\/heads\/main' has already been updated by another client/);
  });

  it('refuses a duplicate name (409) and invalid names (400) with clear messages', async () => {
    const duplicate = await clientError(git.createRepository({ name: 'WEB-PORTAL', project: { id: basic.projects.platform.id } }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.result?.typeKey).toBe('GitRepositoryNameAlreadyExistsException');
    expect(duplicate.message).toContain('WEB-PORTAL already exists');
    const invalidNames = ['has/slash', 'semi;colon', '.hidden', '_underscore', 'brackets[1]', 'plus+sign', 'trailing.', 'tilde~', 'and&', 'per%cent', 'at@', "quote'", 'x'.repeat(65), 'emoji😀', 'tab\there', 'DefaultCollection', 'COM1', 'web'];
    for (const name of invalidNames) {
      const invalid = await clientError(git.createRepository({ name, project: { id: basic.projects.platform.id } }));
      expect(invalid.statusCode, name).toBe(400);
      expect(invalid.message, name).toMatch(/^TF401025: '.*' is not a valid name/);
    }
    // What the rules allow: spaces, dashes, dots inside, non-ASCII letters, 64 characters.
    for (const name of ['my repo', 'a.b-c_d', 'Automação-2', 'y'.repeat(64), 'COM0']) {
      expect((await git.createRepository({ name, project: { id: basic.projects.platform.id } })).name, name).toBe(name);
    }
  });

  it('refuses a user without the CreateRepository permission in the project (403 TF401027), after the name check', async () => {
    const sam = await patApi(fake, 'contoso', basic.pats.samContoso).getGitApi();
    const denied = await clientError(sam.createRepository({ name: 'sams-repo', project: { id: basic.projects.mobileApp.id } }));
    expect(denied.statusCode).toBe(403);
    expect(denied.result?.typeKey).toBe('GitNeedsPermissionException');
    expect(denied.message).toMatch(/^TF401027: You need the Git 'CreateRepository' permission to perform this action\./);
    expect((await clientError(sam.createRepository({ name: 'bad/name', project: { id: basic.projects.mobileApp.id } }))).statusCode).toBe(400);
    // The permission is per project: Sam may create in Platform.
    expect((await sam.createRepository({ name: 'sams-repo', project: { id: basic.projects.platform.id } })).name).toBe('sams-repo');
    expect(fake.control.state.data.organizations[0]!.projects.find((p) => p.name === 'Mobile App')!.repositories.map((r) => r.name)).not.toContain('sams-repo');
  });

  it('lists branches with filter=heads/ sorted by name', async () => {
    const refs = await git.getRefs(basic.repos.webPortal.id, 'Platform', 'heads/');
    expect(refs.map((r) => r.name)).toEqual(['refs/heads/develop', 'refs/heads/feature/1234-login', 'refs/heads/feature/dark-mode', 'refs/heads/main']);
    const feature = await git.getRefs(basic.repos.webPortal.id, 'Platform', 'heads/feature/');
    expect(feature).toHaveLength(2);
  });

  it('pages branches with $top and continuationToken, the next token in x-ms-continuationtoken, as the official client routes them', async () => {
    // GitApi.getRefs takes neither parameter (azure-devops-node-api issue #634): the client's own routing and RestClient send them.
    const page = async (continuationToken?: string) => {
      const route = await git.vsoClient.getVersioningData('7.1', 'git', '2d874a60-a811-4f62-9c9f-963a6ea0a55b', { project: 'Platform', repositoryId: basic.repos.webPortal.id }, {
        filter: 'heads/',
        $top: 3,
        continuationToken,
      });
      const answer = await git.rest.get<{ value: { name: string }[] }>(route.requestUrl!, git.createRequestOptions('application/json', route.apiVersion));
      return { names: answer.result!.value.map((r) => r.name), next: (answer.headers as Record<string, string | undefined>)['x-ms-continuationtoken'] };
    };
    const first = await page();
    expect(first.names).toEqual(['refs/heads/develop', 'refs/heads/feature/1234-login', 'refs/heads/feature/dark-mode']);
    expect(first.next).toEqual(expect.any(String));
    expect(await page(first.next)).toEqual({ names: ['refs/heads/main'], next: undefined });
  });

  it('creates and deletes a branch through refs, reporting per-ref status', async () => {
    const main = (await git.getRefs(basic.repos.webPortal.id, 'Platform', 'heads/main'))[0]!;
    const [created] = await git.updateRefs([{ name: 'refs/heads/topic', oldObjectId: ZERO, newObjectId: main.objectId }], basic.repos.webPortal.id, 'Platform');
    expect(created).toMatchObject({ success: true, updateStatus: GitRefUpdateStatus.Succeeded });
    const [stale] = await git.updateRefs([{ name: 'refs/heads/topic', oldObjectId: ZERO, newObjectId: main.objectId }], basic.repos.webPortal.id, 'Platform');
    expect(stale).toMatchObject({ success: false, updateStatus: GitRefUpdateStatus.StaleOldObjectId });
  });
});

describe('commits ahead of a target (docs/azure-devops-rest.md#commits)', () => {
  const portal = basic.repos.webPortal;
  const LOGIN_HEAD = '8fc9799378b573da03853e8a325d21377761485e';
  const MAIN_HEAD = '91d131114be918845fdd502ebd8b855341a22ac7';
  const DEVELOP_HEAD = '60497e0d3b86bb22bf95d1f9927ecd1cbf8a3d39';

  it('walks history through parents', async () => {
    const commits = await git.getCommits(portal.id, { itemVersion: { version: 'feature/1234-login' } }, 'Platform');
    expect(commits.map((c) => c.comment)).toEqual(['Validate the login form\n\nChecks the e-mail address before sending.', 'Add the login form', 'Update the README', 'Initial commit']);
    expect(commits[0]!.parents).toEqual([commits[1]!.commitId]);
    expect(commits.at(-1)!.parents).toEqual([]);
  });

  it('getCommits with compareVersion lists only what the source has ahead of the target', async () => {
    const ahead = await git.getCommits(
      portal.id,
      { itemVersion: { version: 'main', versionType: GitVersionType.Branch }, compareVersion: { version: 'feature/1234-login', versionType: GitVersionType.Branch } },
      'Platform',
    );
    expect(ahead.map((c) => c.comment?.split('\n')[0])).toEqual(['Validate the login form', 'Add the login form']);
    expect(ahead[0]!.commitId).toBe(LOGIN_HEAD);
    const none = await git.getCommits(portal.id, { itemVersion: { version: 'feature/1234-login' }, compareVersion: { version: 'main' } }, 'Platform');
    expect(none).toEqual([]);
    const byCommit = await git.getCommits(
      portal.id,
      { itemVersion: { version: MAIN_HEAD, versionType: GitVersionType.Commit }, compareVersion: { version: DEVELOP_HEAD, versionType: GitVersionType.Commit } },
      'Platform',
    );
    expect(byCommit.map((c) => c.commitId)).toEqual([DEVELOP_HEAD]);
  });

  it('getCommits answers TF401175 for a branch that does not exist', async () => {
    // The official client turns a 404 on GET into null, so read the answer itself.
    expect(await git.getCommits(portal.id, { itemVersion: { version: 'main' }, compareVersion: { version: 'nope' } }, 'Platform')).toBeNull();
    const res = await fakeFetch(
      fake,
      `https://dev.azure.com/contoso/Platform/_apis/git/repositories/${portal.id}/commits?searchCriteria.itemVersion.version=main&searchCriteria.compareVersion.version=nope&api-version=7.1`,
      { headers: { Authorization: basicAuth(basic.pats.janeContoso) } },
    );
    expect(res.status).toBe(404);
    const body = (await res.json()) as { typeKey: string; message: string };
    expect(body.typeKey).toBe('GitUnresolvableToCommitException');
    expect(body.message).toMatch(/^TF401175: .*<Branch: nope>/);
  });

  it('getCommitDiffs counts ahead and behind and names the merge base', async () => {
    const login = await git.getCommitDiffs(portal.id, 'Platform', true, undefined, undefined, { version: 'main' }, { version: 'feature/1234-login' });
    expect([login.aheadCount, login.behindCount, login.commonCommit, login.targetCommit, login.baseCommit]).toEqual([2, 0, MAIN_HEAD, LOGIN_HEAD, MAIN_HEAD]);
    expect(login.allChangesIncluded).toBe(true);
    const develop = await git.getCommitDiffs(
      portal.id,
      'Platform',
      undefined,
      undefined,
      undefined,
      { version: 'main', versionType: GitVersionType.Branch },
      { version: 'develop', versionType: GitVersionType.Branch },
    );
    expect([develop.aheadCount, develop.behindCount]).toEqual([1, 1]);
    expect(develop.commonCommit).toBe('0c8e5b6a1f3d4e2a9b7c6d5e4f3a2b1c0d9e8f7a');
  });

  it('getCommitDiffs lists the files a pushed commit changed since the merge base', async () => {
    await git.createPush(
      {
        refUpdates: [{ name: 'refs/heads/feature/1234-login', oldObjectId: LOGIN_HEAD }],
        commits: [{ comment: 'Add login page', changes: [{ changeType: VersionControlChangeType.Add, item: { path: '/login.html' }, newContent: { content: '<form>', contentType: ItemContentType.RawText } }] }],
      },
      portal.id,
      'Platform',
    );
    const diff = await git.getCommitDiffs(portal.id, 'Platform', true, undefined, undefined, { version: 'main' }, { version: 'feature/1234-login' });
    expect(diff.aheadCount).toBe(3);
    expect(diff.changes?.map((c) => [c.item?.path, c.changeType])).toEqual([['/login.html', VersionControlChangeType.Add]]);
  });
});

describe('forks', () => {
  it('creates a fork with parentRepository and lists it under the parent', async () => {
    const fork = await git.createRepository({
      name: 'ios-app-jane',
      project: { id: basic.projects.mobileApp.id },
      parentRepository: { id: basic.repos.iosApp.id, project: { id: basic.projects.mobileApp.id } },
    });
    expect(fork.isFork).toBe(true);
    // Asynchronous, as on the service: the fork exists at once, empty, until its copy completes.
    expect(fork.defaultBranch).toBeUndefined();
    expect(await git.getRefs(fork.id!, 'Mobile App', 'heads/')).toEqual([]);
    const href = (fork as { _links?: { forkSyncOperation?: { href: string } } })._links?.forkSyncOperation?.href;
    expect(href).toMatch(/forkSyncRequests\/\d+$/);
    const operationId = Number(href!.split('/').pop());
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await git.getForkSyncRequest(fork.id!, operationId, 'Mobile App')).status);
    expect(statuses).toEqual([GitAsyncOperationStatus.InProgress, GitAsyncOperationStatus.Completed, GitAsyncOperationStatus.Completed]);
    expect((await git.getRepository(fork.id!, 'Mobile App')).defaultBranch).toBe('refs/heads/main');
    expect((await git.getRefs(fork.id!, 'Mobile App', 'heads/')).map((r) => r.name)).toContain('refs/heads/main');

    const forks = await git.getForks(basic.repos.iosApp.id, basic.orgs.contoso.id, 'Mobile App');
    expect(forks.map((f) => f.name)).toEqual(['ios-app-jane']);
    expect(forks[0]!.collection?.id).toBe(basic.orgs.contoso.id);
    expect((await git.getForks(basic.repos.webPortal.id, basic.orgs.contoso.id, 'Platform')).map((f) => f.name)).toEqual(['web-portal-fork']);

    const withParent = await git.getRepositoryWithParent(fork.id!, true, 'Mobile App');
    expect(withParent.parentRepository?.id).toBe(basic.repos.iosApp.id);
  });

  it('a held copy stays queued, a failed one says so and leaves the fork empty; a policy can turn forks off', async () => {
    fake.control.setFailures({ forkSync: 'fail' });
    const fork = await git.createRepository({
      name: 'ios-app-failed',
      project: { id: basic.projects.mobileApp.id },
      parentRepository: { id: basic.repos.iosApp.id, project: { id: basic.projects.mobileApp.id } },
    });
    const operationId = Number((fork as { _links?: { forkSyncOperation?: { href: string } } })._links!.forkSyncOperation!.href.split('/').pop());
    expect((await git.getForkSyncRequest(fork.id!, operationId, 'Mobile App')).status).toBe(GitAsyncOperationStatus.Failed);
    expect(await git.getRefs(fork.id!, 'Mobile App', 'heads/')).toEqual([]);

    fake.control.setFailures({ forksDisabledIn: ['contoso'] });
    const error = await clientError(
      git.createRepository({ name: 'no-forks', project: { id: basic.projects.mobileApp.id }, parentRepository: { id: basic.repos.iosApp.id } }),
    );
    expect(error.statusCode).toBe(403);
  });

  it('needs parentRepository.id (name only fails with Guid.Empty)', async () => {
    const error = await clientError(
      git.createRepository({ name: 'bad-fork', project: { id: basic.projects.mobileApp.id }, parentRepository: { name: 'ios-app' } }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe('The guid specified for parameter repositoryId must not be Guid.Empty.');
  });
});
