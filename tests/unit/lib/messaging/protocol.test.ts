import { describe, it, expect } from 'vitest';
import { protocol } from '@/lib/messaging/protocol';

const PUBLIC_KEY = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQC7 jane@contoso';
const AT = { project: 'Mobile App', repository: 'ios-app' };
const GUID = 'd3bbf1eb-bb33-42d6-a3d1-941684e85f04';
const NEW_PR = {
  repositoryId: 'r',
  sourceBranch: 'feature/1234-login',
  targetBranch: 'main',
  title: 'Login page',
  description: '',
  isDraft: false,
  reviewers: [{ id: '504eef78-6971-4cbb-b928-5998036a2a25', isRequired: true, displayName: 'Sam Lee', kind: 'user', detail: null }],
  workItemIds: [1234],
  autoComplete: null,
};
const CREATE = { orgKey: 'https://dev.azure.com/contoso', projectId: '054d4c5a-a768-4f86-85a2-3711d0f91d5a', name: 'billing', readme: true };

describe('lib/messaging/protocol', () => {
  // Exactly one kind of sender per message (an empty list would leave a message no one can send, two
  // would open an extension-page message to pages); ping alone answers both.
  it('names one kind of sender for every message, both only for ping', () => {
    for (const [type, rule] of Object.entries(protocol)) {
      const expected = type === 'ping' ? ['content-script', 'extension-page'] : [expect.stringMatching(/^(?:extension-page|content-script)$/)];
      expect([...rule.senders].sort(), type).toEqual(expected);
    }
  });

  // Widening this list is a security decision: content scripts run inside Azure DevOps pages.
  it('lets content scripts send only page-action messages, never account or token ones', () => {
    const forContentScripts = Object.entries(protocol)
      .filter(([, rule]) => rule.senders.includes('content-script'))
      .map(([type]) => type);
    expect(forContentScripts).toEqual([
      'ping',
      'pageUi.load',
      'newPullRequest.openConnect',
      'newPullRequest.context',
      'newPullRequest.compare',
      'newPullRequest.searchReviewers',
      'newPullRequest.checkWorkItems',
      'newPullRequest.create',
      'pullRequests.fromBranch',
    ]);
  });

  it('refuses unknown fields in every request', () => {
    const samples: Record<string, unknown> = {
      ping: {},
      'accounts.list': {},
      'accounts.connectPat': { host: 'dev.azure.com/contoso', token: 'x' },
      'accounts.signInOAuth': {},
      'accounts.availableOrganizations': { accountId: 'a' },
      'accounts.selectOrganizations': { accountId: 'a', baseUrls: [] },
      'accounts.signOut': { accountId: 'a' },
      'accounts.dismissSignIn': {},
      'accounts.recheckFeatures': { accountId: 'a' },
      'repositories.list': {},
      'pullRequests.mine': {},
      'forks.list': { orgKey: 'https://dev.azure.com/contoso', repositoryId: GUID },
      'forks.create': { orgKey: 'https://dev.azure.com/contoso', repositoryId: GUID, projectId: GUID, name: 'ios-app' },
      'forks.copyStatus': { orgKey: 'https://dev.azure.com/contoso', forkId: GUID, operationId: 3 },
      'repositories.refresh': {},
      'repositories.updatedAt': { ids: [GUID] },
      'organizations.check': { key: 'https://dev.azure.com/contoso' },
      'sshKeys.add': { orgKey: 'https://dev.azure.com/contoso', publicKey: PUBLIC_KEY, displayName: 'laptop' },
      'pageUi.load': { ui: 'page-menus' },
      'newPullRequest.openConnect': {},
      'newPullRequest.context': AT,
      'newPullRequest.compare': { ...AT, repositoryId: 'r', sourceBranch: 'feature/1234-login', targetBranch: 'main' },
      'newPullRequest.searchReviewers': { ...AT, query: 'sam' },
      'newPullRequest.checkWorkItems': { ...AT, ids: [1234] },
      'newPullRequest.create': { ...AT, pullRequest: NEW_PR },
      'pullRequests.fromBranch': { ...AT, branch: 'feature/1234-login' },
      'repositories.projects': { orgKey: 'https://dev.azure.com/contoso' },
      'repositories.create': CREATE,
      'inbox.view': {},
      'inbox.refresh': {},
      'inbox.setOptions': { periodMinutes: 5, includeDrafts: true },
      'policy.view': {},
      'serverPages.status': { origin: 'https://tfs.contoso.test' },
      'serverPages.enable': { origin: 'https://tfs.contoso.test:8443' },
    };
    expect(Object.keys(samples).sort()).toEqual(Object.keys(protocol).sort());
    for (const [type, rule] of Object.entries(protocol)) {
      expect(rule.request.safeParse(samples[type]).success, type).toBe(true);
      expect(rule.request.safeParse({ ...(samples[type] as object), extra: 1 }).success, type).toBe(false);
    }
  });

  it('lets a page ask only for the named on-demand scripts, never a file', () => {
    const load = (ui: unknown) => protocol['pageUi.load'].request.safeParse({ ui }).success;
    expect(load('page-menus')).toBe(true);
    expect(load('pull-request-dialog')).toBe(true);
    for (const ui of ['/background.js', 'background', 'popup', '../page-menus.js', '']) expect(load(ui), ui).toBe(false);
  });

  it('refuses oversized input', () => {
    const huge = 'x'.repeat(10_000);
    expect(protocol['accounts.connectPat'].request.safeParse({ host: huge, token: 'x' }).success).toBe(false);
    expect(protocol['accounts.connectPat'].request.safeParse({ host: 'a', token: huge }).success).toBe(false);
    // When repositories last changed: a screenful of repository ids, never the whole list.
    expect(protocol['repositories.updatedAt'].request.safeParse({ ids: Array(30).fill(GUID) }).success).toBe(true);
    expect(protocol['repositories.updatedAt'].request.safeParse({ ids: Array(31).fill(GUID) }).success).toBe(false);
    expect(protocol['repositories.updatedAt'].request.safeParse({ ids: ['../../x'] }).success).toBe(false);
  });

  it('refuses branch names and reviewer ids Azure DevOps could not have made', () => {
    const create = (change: object) =>
      protocol['newPullRequest.create'].request.safeParse({ ...AT, pullRequest: { ...NEW_PR, ...change } }).success;
    expect(create({})).toBe(true);
    expect(create({ sourceBranch: 'a b' })).toBe(false);
    expect(create({ sourceBranch: 'x\ny' })).toBe(false);
    expect(create({ reviewers: [{ ...NEW_PR.reviewers[0], id: '../../x' }] })).toBe(false);
    expect(create({ title: '' })).toBe(false);
    expect(create({ workItemIds: [0] })).toBe(false);
  });

  it('takes only choices for a new repository: known template ids and a one-line holder, never file contents', () => {
    const create = (extra: object) => protocol['repositories.create'].request.safeParse({ ...CREATE, ...extra }).success;
    expect(create({ gitignore: 'VisualStudio', license: 'Apache-2.0', holder: 'Contoso Ltd' })).toBe(true);
    expect(create({ gitignore: '../../background.js' })).toBe(false);
    expect(create({ license: 'Proprietary' })).toBe(false);
    expect(create({ holder: 'Jane\n[year]' })).toBe(false);
    expect(create({ holder: 'x'.repeat(201) })).toBe(false);
    expect(create({ files: [{ path: '/README.md', content: 'x' }] })).toBe(false);
    expect(create({ projectId: 'Platform' })).toBe(false);
    expect(create({ name: 'x'.repeat(65) })).toBe(false);
  });

  it('takes one ssh-rsa public key line for an SSH key, never a private key or several lines', () => {
    const add = (publicKey: string) => protocol['sshKeys.add'].request.safeParse({ orgKey: 'k', publicKey, displayName: 'laptop' }).success;
    expect(add(PUBLIC_KEY)).toBe(true);
    expect(add('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQC7')).toBe(true);
    expect(add('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----\n')).toBe(false);
    expect(add(`${PUBLIC_KEY}\n-----BEGIN OPENSSH PRIVATE KEY-----`)).toBe(false);
    expect(add('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA jane')).toBe(false);
  });
});
