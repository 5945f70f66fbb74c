// @vitest-environment node
/**
 * Pull requests through the official client (docs/azure-devops-rest.md): search criteria,
 * create (TF401179 on duplicates), auto-complete/draft/status updates, reviewers, work items.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GitApi } from 'azure-devops-node-api/GitApi';
import { GitPullRequestMergeStrategy, PullRequestStatus } from 'azure-devops-node-api/interfaces/GitInterfaces';
import type { WorkItemTrackingApi } from 'azure-devops-node-api/WorkItemTrackingApi';
import { WorkItemErrorPolicy } from 'azure-devops-node-api/interfaces/WorkItemTrackingInterfaces';
import { startFakeAdo, type FakeAdo } from '../fake-ado/server';
import { basic } from '../fake-ado/fixtures/basic';
import { basicAuth, clientError, fakeFetch, patApi } from './helpers';

let fake: FakeAdo;
let git: GitApi;
let wit: WorkItemTrackingApi;
const { jane, sam, priya } = basic.users;
const portal = basic.repos.webPortal;

beforeAll(async () => {
  fake = await startFakeAdo({ port: 0 });
  const api = patApi(fake, 'contoso', basic.pats.janeContoso);
  [git, wit] = await Promise.all([api.getGitApi(), api.getWorkItemTrackingApi()]);
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

describe('listing', () => {
  it('lists active pull requests of a repository by default, newest first', async () => {
    const prs = await git.getPullRequests(portal.id, {}, 'Platform');
    expect(prs.map((p) => p.pullRequestId)).toEqual([basic.pullRequests.darkModeDraft, basic.pullRequests.login]);
    const login = prs.find((p) => p.pullRequestId === basic.pullRequests.login)!;
    expect(login.status).toBe(PullRequestStatus.Active);
    expect(login.creationDate).toBeInstanceOf(Date);
    expect(login.createdBy?.id).toBe(jane.id);
    expect(login.reviewers?.map((r) => [r.id, r.vote, r.isRequired])).toEqual([
      [sam.id, 0, true],
      [priya.id, 5, false],
    ]);
    expect(login.repository?.webUrl).toBe(`${fake.origin}/contoso/Platform/_git/web-portal`);
    expect(prs.find((p) => p.pullRequestId === basic.pullRequests.darkModeDraft)!.isDraft).toBe(true);
  });

  it('filters by status, creator, reviewer, source and target', async () => {
    const ids = async (criteria: Parameters<GitApi['getPullRequests']>[1]) =>
      (await git.getPullRequests(portal.id, criteria, 'Platform')).map((p) => p.pullRequestId).sort();
    expect(await ids({ status: PullRequestStatus.All })).toEqual([1, 2, 3, 4]);
    expect(await ids({ status: PullRequestStatus.Completed })).toEqual([2]);
    expect(await ids({ status: PullRequestStatus.All, creatorId: sam.id })).toEqual([2, 3]);
    expect(await ids({ status: PullRequestStatus.Active, reviewerId: jane.id })).toEqual([3]);
    expect(await ids({ sourceRefName: 'refs/heads/feature/1234-login', targetRefName: 'refs/heads/main' })).toEqual([1]);
  });

  it('pages with $top/$skip', async () => {
    const page = await git.getPullRequests(portal.id, { status: PullRequestStatus.All }, 'Platform', undefined, 1, 2);
    expect(page.map((p) => p.pullRequestId)).toEqual([1, 2]);
  });

  it('lists across a project and finds "mine" and "waiting for my review"', async () => {
    const mine = await git.getPullRequestsByProject('Platform', { creatorId: jane.id });
    expect(mine.map((p) => p.pullRequestId)).toEqual([1]);
    const toReview = await git.getPullRequestsByProject('Mobile App', { reviewerId: jane.id });
    expect(toReview.map((p) => [p.pullRequestId, p.repository?.name])).toEqual([[basic.pullRequests.iosCrash, 'ios-app']]);
  });

  it('gets one pull request by id, with or without the repository', async () => {
    expect((await git.getPullRequest(portal.id, 2, 'Platform')).title).toBe('Update README');
    const byId = await git.getPullRequestById(basic.pullRequests.iosCrash);
    expect(byId.repository?.id).toBe(basic.repos.iosApp.id);
    expect(byId.artifactId).toBe(`vstfs:///Git/PullRequestId/${basic.projects.mobileApp.id}%2f${basic.repos.iosApp.id}%2f5`);
  });
});

describe('create and update', () => {
  it('creates a draft with reviewers and work items, then sets auto-complete and publishes it', async () => {
    const created = await git.createPullRequest(
      {
        sourceRefName: 'refs/heads/develop',
        targetRefName: 'refs/heads/main',
        title: 'Release 1.2',
        description: 'Ships it.',
        isDraft: true,
        reviewers: [{ id: sam.id, isRequired: true }, { id: priya.id }],
        workItemRefs: [{ id: String(basic.workItems.login) }],
      },
      portal.id,
      'Platform',
    );
    expect(created.pullRequestId).toBe(6); // ids are unique per organization
    expect(created.status).toBe(PullRequestStatus.Active);
    expect(created.isDraft).toBe(true);
    expect(created.createdBy?.id).toBe(jane.id);
    expect(created.reviewers?.map((r) => [r.id, r.isRequired])).toEqual([
      [sam.id, true],
      [priya.id, false],
    ]);
    const links = await git.getPullRequestWorkItemRefs(portal.id, created.pullRequestId!, 'Platform');
    expect(links.map((l) => l.id)).toEqual(['1234']);

    const updated = await git.updatePullRequest(
      {
        autoCompleteSetBy: { id: jane.id },
        completionOptions: { mergeStrategy: GitPullRequestMergeStrategy.Squash, deleteSourceBranch: true, transitionWorkItems: true },
      },
      portal.id,
      created.pullRequestId!,
      'Platform',
    );
    expect(updated.autoCompleteSetBy?.id).toBe(jane.id);
    expect(updated.completionOptions?.mergeStrategy).toBe(GitPullRequestMergeStrategy.Squash);
    expect(updated.completionOptions?.deleteSourceBranch).toBe(true);

    const published = await git.updatePullRequest({ isDraft: false }, portal.id, created.pullRequestId!, 'Platform');
    expect(published.isDraft).toBe(false);
    const cancelled = await git.updatePullRequest({ autoCompleteSetBy: { id: '00000000-0000-0000-0000-000000000000' } }, portal.id, created.pullRequestId!, 'Platform');
    expect(cancelled.autoCompleteSetBy).toBeUndefined();
  });

  it('accepts groups and teams as reviewers, and a branch policy adds its required reviewers', async () => {
    const ios = basic.repos.iosApp;
    const { mobileTeam, securityReviewers } = basic.groups;
    const created = await git.createPullRequest(
      { sourceRefName: 'refs/heads/develop', targetRefName: 'refs/heads/main', title: 'Release', reviewers: [{ id: mobileTeam.id }, { id: sam.id }] },
      ios.id,
      'Mobile App',
    );
    expect(created.reviewers?.map((r) => [r.id, r.isRequired, r.isContainer ?? false])).toEqual([
      [mobileTeam.id, false, true],
      [sam.id, false, false],
      [securityReviewers.id, true, true], // "Automatically included reviewers" on main
    ]);
    expect(created.reviewers?.[2]?.displayName).toBe('[Mobile App]\\Security Reviewers');
    const listed = await git.getPullRequestReviewers(ios.id, created.pullRequestId!, 'Mobile App');
    expect(listed.filter((r) => r.isRequired).map((r) => r.id)).toEqual([securityReviewers.id]);
    // Into a branch without the policy, nobody is added.
    const toDevelop = await git.createPullRequest(
      { sourceRefName: 'refs/heads/main', targetRefName: 'refs/heads/develop', title: 'Back-merge' },
      ios.id,
      'Mobile App',
    );
    expect(toDevelop.reviewers).toEqual([]);
    // Listing the policy's group as optional still makes it required.
    await git.updatePullRequest({ status: PullRequestStatus.Abandoned }, ios.id, created.pullRequestId!, 'Mobile App');
    const again = await git.createPullRequest(
      { sourceRefName: 'refs/heads/develop', targetRefName: 'refs/heads/main', title: 'Release', reviewers: [{ id: securityReviewers.id, isRequired: false }] },
      ios.id,
      'Mobile App',
    );
    expect(again.reviewers?.map((r) => [r.id, r.isRequired])).toEqual([[securityReviewers.id, true]]);
  });

  it('refuses a second active PR for the same source and target with TF401179', async () => {
    const error = await clientError(
      git.createPullRequest({ sourceRefName: 'refs/heads/feature/1234-login', targetRefName: 'refs/heads/main', title: 'Again' }, portal.id, 'Platform'),
    );
    expect(error.statusCode).toBe(409);
    expect(error.result?.typeKey).toBe('GitPullRequestExistsException');
    expect(error.message).toBe('TF401179: An active pull request for the source and target branch already exists.');
  });

  it('refuses unknown reviewers and missing branches', async () => {
    const reviewer = await clientError(
      git.createPullRequest({ sourceRefName: 'refs/heads/develop', targetRefName: 'refs/heads/main', title: 'x', reviewers: [{ id: '11111111-2222-3333-4444-555555555555' }] }, portal.id, 'Platform'),
    );
    expect(reviewer.statusCode).toBe(400);
    expect(reviewer.result?.typeKey).toBe('InvalidArgumentValueException');
    const branch = await clientError(
      git.createPullRequest({ sourceRefName: 'refs/heads/nope', targetRefName: 'refs/heads/main', title: 'x' }, portal.id, 'Platform'),
    );
    expect(branch.statusCode).toBe(400);
  });

  it('creates a PR from a fork into its parent (forkSource)', async () => {
    const created = await git.createPullRequest(
      {
        sourceRefName: 'refs/heads/feature/fork-only',
        targetRefName: 'refs/heads/main',
        title: 'From my fork',
        forkSource: { repository: { id: basic.repos.webPortalFork.id } },
      },
      portal.id,
      'Platform',
    );
    expect(created.forkSource?.repository?.id).toBe(basic.repos.webPortalFork.id);
    const found = await git.getPullRequests(portal.id, { sourceRepositoryId: basic.repos.webPortalFork.id }, 'Platform');
    expect(found.map((p) => p.pullRequestId)).toEqual([created.pullRequestId]);
  });

  it('abandons and completes', async () => {
    const abandoned = await git.updatePullRequest({ status: PullRequestStatus.Abandoned }, portal.id, basic.pullRequests.darkModeDraft, 'Platform');
    expect(abandoned.status).toBe(PullRequestStatus.Abandoned);
    expect(abandoned.closedDate).toBeInstanceOf(Date);
    const completed = await git.updatePullRequest({ status: PullRequestStatus.Completed }, portal.id, basic.pullRequests.login, 'Platform');
    expect(completed.status).toBe(PullRequestStatus.Completed);
  });
});

describe('reviewers', () => {
  it('adds, votes, lists and removes reviewers', async () => {
    const id = basic.pullRequests.login;
    const added = await git.createPullRequestReviewer({ vote: 0, isRequired: true }, portal.id, id, jane.id, 'Platform');
    expect(added).toMatchObject({ id: jane.id, isRequired: true, vote: 0 });
    await git.createPullRequestReviewer({ vote: 10 }, portal.id, id, jane.id, 'Platform');
    const reviewers = await git.getPullRequestReviewers(portal.id, id, 'Platform');
    expect(reviewers.find((r) => r.id === jane.id)).toMatchObject({ vote: 10, isRequired: true });
    await git.deletePullRequestReviewer(portal.id, id, priya.id, 'Platform');
    expect((await git.getPullRequestReviewers(portal.id, id, 'Platform')).map((r) => r.id).sort()).toEqual([jane.id, sam.id].sort());
  });
});

describe('work items', () => {
  it('reads work items by id; errorPolicy omit answers null for missing ones', async () => {
    const items = await wit.getWorkItems([1234, 999999, 1235], ['System.Title', 'System.State'], undefined, undefined, WorkItemErrorPolicy.Omit);
    expect(items.map((w) => w?.fields?.['System.Title'] ?? null)).toEqual(['Login page', null, 'Crash on launch']);
    expect(items[0]!.fields).toEqual({ 'System.Title': 'Login page', 'System.State': 'Active' });
    // Without omit a missing id fails the call: 404, which the node client turns into null.
    expect(await wit.getWorkItems([999999])).toBeNull();
    const raw = await fakeFetch(fake, 'https://dev.azure.com/contoso/Platform/_apis/wit/workitems?ids=1235&api-version=7.1-preview.3', {
      headers: { Authorization: basicAuth(basic.pats.janeContoso), 'X-TFS-FedAuthRedirect': 'Suppress' },
    });
    expect(raw.status).toBe(404); // 1235 belongs to another project
  });

  it('links a work item to a pull request after the fact with a json-patch relation', async () => {
    const res = await fakeFetch(fake, `https://dev.azure.com/contoso/_apis/wit/workitems/${basic.workItems.crash}?api-version=7.1-preview.3`, {
      method: 'PATCH',
      headers: { Authorization: basicAuth(basic.pats.janeContoso), 'Content-Type': 'application/json-patch+json', 'X-TFS-FedAuthRedirect': 'Suppress' },
      body: JSON.stringify([
        {
          op: 'add',
          path: '/relations/-',
          value: { rel: 'ArtifactLink', url: `vstfs:///Git/PullRequestId/${portal.projectId}%2F${portal.id}%2F3`, attributes: { name: 'Pull Request' } },
        },
      ]),
    });
    expect(res.status).toBe(200);
    const links = await git.getPullRequestWorkItemRefs(portal.id, 3, 'Platform');
    expect(links.map((l) => l.id)).toEqual(['1235']);
  });
});

describe('branch policies', () => {
  it('serves the "Required reviewers" policy configurations the official client reads', async () => {
    const policy = await patApi(fake, 'contoso', basic.pats.janeContoso).getPolicyApi();
    const configurations = await policy.getPolicyConfigurations('Mobile App', undefined, 'fd2167ab-b0be-447a-8ec8-39368250530e');
    expect(configurations).toHaveLength(1);
    expect(configurations[0]).toMatchObject({
      isEnabled: true,
      isBlocking: true,
      type: { id: 'fd2167ab-b0be-447a-8ec8-39368250530e' },
      settings: { requiredReviewerIds: ['c7a9e2d4-3b5f-4e61-8a70-9b1c2d3e4f52'], scope: [{ refName: 'refs/heads/main', matchKind: 'Exact', repositoryId: basic.repos.iosApp.id }] },
    });
    expect(await policy.getPolicyConfigurations('Mobile App', undefined, '00000000-0000-0000-0000-000000000001')).toEqual([]);
  });
});

describe('teams of the caller (the pull request inbox)', () => {
  it('lists only the teams the caller belongs to with $mine, each with the identity id pull requests name as reviewer', async () => {
    const core = await patApi(fake, 'contoso', basic.pats.janeContoso).getCoreApi();
    const mine = await core.getAllTeams(true);
    expect(mine.map((t) => [t.id, t.name, t.projectName])).toEqual([[basic.groups.mobileTeam.id, 'Mobile Team', 'Mobile App']]);
    // Security groups are not teams.
    expect((await core.getAllTeams(false)).map((t) => t.name)).toEqual(['Mobile Team']);
  });
});
