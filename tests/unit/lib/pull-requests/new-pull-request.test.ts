// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  checkWorkItems,
  compareBranches,
  createPullRequest,
  defaultTitleAndDescription,
  loadNewPullRequestContext,
  searchReviewers,
  workItemIdsInBranch,
} from '@/lib/pull-requests/new-pull-request';
import type { FakeAdo } from '../../../fake-ado/server';
import { useFakeAdo } from '../../support/use-fake-ado';
import { basic, loadBasicFixture } from '../../../fake-ado/fixtures/basic';
import { CONTOSO, SERVER, startSession } from '../auth/session-harness';

let fake: FakeAdo;
useFakeAdo((started) => (fake = started));

const IOS = { baseUrl: 'https://dev.azure.com/contoso', project: 'Mobile App', repository: 'ios-app' };

async function client() {
  const { session, db } = startSession(fake);
  await session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
  const account = (await db.accounts.toArray())[0]!;
  return session.clientFor(account);
}

describe('lib/pull-requests/new-pull-request', () => {
  it('reads work item ids from the usual branch name shapes', () => {
    expect(workItemIdsInBranch('feature/1234-login')).toEqual([1234]);
    expect(workItemIdsInBranch('users/jane/1234')).toEqual([1234]);
    expect(workItemIdsInBranch('bug_77_and-78')).toEqual([77, 78]);
    expect(workItemIdsInBranch('release/v2')).toEqual([]);
    expect(workItemIdsInBranch('hotfix-0')).toEqual([]);
  });

  it('defaults the title and description from the commits, like the web UI', () => {
    expect(defaultTitleAndDescription([{ subject: 'Add login page', body: 'With remember-me.' }], 'feature/1234-login')).toEqual({
      title: 'Add login page',
      description: 'With remember-me.',
    });
    expect(
      defaultTitleAndDescription(
        [
          { subject: 'Second', body: '' },
          { subject: 'First', body: '' },
        ],
        'feature/1234-login-page',
      ),
    ).toEqual({ title: 'Login page', description: '- First\n- Second' });
  });


  it('keeps a default title within the 400 characters Azure DevOps accepts, from a long commit subject or branch name', () => {
    expect(defaultTitleAndDescription([{ subject: 'x'.repeat(450), body: '' }], 'feature/a').title).toHaveLength(400);
    expect(defaultTitleAndDescription([{ subject: 'a', body: '' }, { subject: 'b', body: '' }], `feature/${'y'.repeat(450)}`).title.length).toBeLessThanOrEqual(400);
  });
  it('loads the branches, the default branch and who I am', async () => {
    const context = await loadNewPullRequestContext(await client(), IOS);
    expect(context).toMatchObject({
      repositoryId: basic.repos.iosApp.id,
      projectId: basic.projects.mobileApp.id,
      defaultBranch: 'main',
      branches: ['develop', 'feature/1234-login', 'main'],
      me: { id: basic.users.jane.id, displayName: 'Jane Doe' },
    });
  });

  it('compares branches: commits ahead, the policy reviewers of the target, an existing PR', async () => {
    const c = await client();
    const intoMain = await compareBranches(c, IOS, { repositoryId: basic.repos.iosApp.id, sourceBranch: 'feature/1234-login', targetBranch: 'main' });
    expect(intoMain.commits.map((x) => x.subject)).toEqual(['Work on feature/1234-login']);
    expect(intoMain.policyReviewers).toEqual([
      { id: 'c7a9e2d4-3b5f-4e61-8a70-9b1c2d3e4f52', displayName: '[Mobile App]\\Security Reviewers', kind: 'group', detail: null, isRequired: true },
    ]);
    expect(intoMain.existing).toBeNull();

    const intoDevelop = await compareBranches(c, IOS, { repositoryId: basic.repos.iosApp.id, sourceBranch: 'feature/1234-login', targetBranch: 'develop' });
    expect(intoDevelop.policyReviewers).toEqual([]);
    expect(intoDevelop.existing).toEqual({ id: 5, title: 'Fix crash on launch', webUrl: `${IOS.baseUrl}/Mobile%20App/_git/ios-app/pullrequest/5` });
  });

  it('a non-blocking policy adds its reviewers as optional', async () => {
    const repo = fake.control.state.data.organizations[0]!.projects.flatMap((p) => p.repositories).find((r) => r.name === 'ios-app')!;
    repo.policies![0]!.isBlocking = false;
    const comparison = await compareBranches(await client(), IOS, { repositoryId: repo.id, sourceBranch: 'develop', targetBranch: 'main' });
    expect(comparison.policyReviewers.map((r) => r.isRequired)).toEqual([false]);
  });

  it('searches people and groups, leaving out directory users who cannot review here', async () => {
    const c = await client();
    expect((await searchReviewers(c, IOS.baseUrl, 'sam')).map((r) => [r.displayName, r.kind])).toEqual([['Sam Lee', 'user']]);
    expect((await searchReviewers(c, IOS.baseUrl, 'mobile')).map((r) => [r.displayName, r.kind])).toEqual([['[Mobile App]\\Mobile Team', 'group']]);
  });

  it('in a repository with more branches than one page, still offers the viewed branch and the default one', async () => {
    const fixture = loadBasicFixture();
    const ios = fixture.organizations.flatMap((o) => o.projects.flatMap((p) => p.repositories)).find((r) => r.id === basic.repos.iosApp.id)!;
    const head = ios.branches[0]!.objectId;
    // 1,600 branches that sort before `main`: the first page of 1,000 ends among them.
    for (let i = 0; i < 1600; i++) ios.branches.push({ name: `feature/bulk-${String(i).padStart(4, '0')}`, objectId: head });
    fake.control.reset(fixture);
    const context = await loadNewPullRequestContext(await client(), IOS, 'feature/bulk-1500');
    expect(context.defaultBranch).toBe('main');
    expect(context.branches).toContain('main');
    expect(context.branches).toContain('feature/bulk-1500');
    expect(context.branches).toContain('develop');
  });

  it('offers every branch of a repository with more branches than one page, through the continuation tokens', async () => {
    const bulk = Array.from({ length: 1600 }, (_, i) => `feature/bulk-${String(i).padStart(4, '0')}`);
    fake.control.addBranches({ org: 'contoso', repository: 'ios-app', names: [...bulk, 'zz-late-fix'] });
    const context = await loadNewPullRequestContext(await client(), IOS, 'develop');
    expect(context.branches).toHaveLength(1600 + 4);
    expect(context.branches).toContain('zz-late-fix');
    expect(context.branches).toContain('feature/bulk-1599');
    expect(context.branchesCapped).toBe(false);
    expect(fake.control.requests({ pathIncludes: '/refs' })).toHaveLength(2);
  });

  it('stops after 10,000 branches, says so, and still offers the viewed branch and the default one', async () => {
    const bulk = Array.from({ length: 10_050 }, (_, i) => `feature/bulk-${String(i).padStart(5, '0')}`);
    fake.control.addBranches({ org: 'contoso', repository: 'ios-app', names: [...bulk, 'zz-late-fix'] });
    const context = await loadNewPullRequestContext(await client(), IOS, 'zz-late-fix');
    expect(context.branchesCapped).toBe(true);
    expect(context.branches).toContain('main');
    expect(context.branches).toContain('zz-late-fix');
    expect(context.branches).not.toContain('feature/bulk-10049');
    expect(context.branches.length).toBeLessThanOrEqual(10_002);
  });

  it('checks work items across the organization and leaves out the missing ones', async () => {
    const items = await checkWorkItems(await client(), IOS, [1234, 1235, 99999]);
    expect(items.map((w) => w.id)).toEqual([1234, 1235]);
  });

  it('names the existing pull request when the POST finds one', async () => {
    const c = await client();
    const attempt = createPullRequest(
      c,
      IOS,
      {
        repositoryId: basic.repos.iosApp.id,
        sourceBranch: 'feature/1234-login',
        targetBranch: 'develop',
        title: 'Again',
        description: '',
        isDraft: false,
        reviewers: [],
        workItemIds: [],
        autoComplete: null,
      },
      basic.users.jane.id,
    );
    await expect(attempt).rejects.toMatchObject({ kind: 'conflict', details: { code: 'TF401179', existingId: 5 } });
  });

  describe('on an Azure DevOps Server older than drafts (REST API 4.1)', () => {
    const LEGACY = { baseUrl: SERVER, project: 'Legacy', repository: 'legacy-app' };
    const draft = (repositoryId: string) => ({
      repositoryId,
      sourceBranch: 'develop',
      targetBranch: 'main',
      title: 'Installer fix',
      description: '',
      isDraft: true,
      reviewers: [],
      workItemIds: [],
      autoComplete: null,
    });
    async function serverClient() {
      fake.control.setServerApiVersion('4.1');
      const { session, db } = startSession(fake);
      await session.connectPat({ host: SERVER, token: basic.pats.janeServer });
      return session.clientFor((await db.accounts.toArray())[0]!);
    }
    const sentence = 'Draft pull requests need REST API version 5.0 (Azure DevOps Server 2019 or later), and tfs.contoso.test supports 4.1. Ask your administrator to update Azure DevOps Server.';

    it('such a server ignores isDraft: the pull request is published (why the extension must not send one)', async () => {
      const c = await serverClient();
      const repositoryId = (await loadNewPullRequestContext(c, LEGACY)).repositoryId;
      // The fixture's develop → main pull request is done with, so the branch can have a new one.
      fake.control.changePullRequest({ org: 'DefaultCollection', pullRequestId: 1, status: 'abandoned' });
      const created = await c.request<{ isDraft?: boolean }>({
        method: 'POST',
        url: `${SERVER}/Legacy/_apis/git/repositories/${repositoryId}/pullrequests`,
        body: { sourceRefName: 'refs/heads/develop', targetRefName: 'refs/heads/main', title: 'x', isDraft: true },
      });
      expect(created.isDraft).toBe(false);
    });

    it('the dialog learns that the server has no drafts', async () => {
      const context = await loadNewPullRequestContext(await serverClient(), LEGACY);
      expect(context.draftsUnavailable?.message).toBe(sentence);
    });

    it('a draft is refused with that sentence and nothing is sent', async () => {
      const c = await serverClient();
      const { repositoryId } = await loadNewPullRequestContext(c, LEGACY);
      fake.control.clearRequests();
      await expect(createPullRequest(c, LEGACY, draft(repositoryId), '')).rejects.toMatchObject({ kind: 'server-version', message: sentence });
      expect(fake.control.requests({ method: 'POST' })).toEqual([]);
    });

    it('a Server with drafts (2020, REST API 6.0) is offered them', async () => {
      const { session, db } = startSession(fake);
      await session.connectPat({ host: SERVER, token: basic.pats.janeServer });
      const context = await loadNewPullRequestContext(session.clientFor((await db.accounts.toArray())[0]!), LEGACY);
      expect(context.draftsUnavailable).toBeNull();
    });
  });
});

