/**
 * Mutable state of the fake: a deep clone of the fixture (`data`, same shape as fixture-types.ts,
 * mutated in place by the routes) plus everything the service keeps that a fixture does not
 * describe: commits made through pushes, Entra codes and tokens, failure modes, the request log.
 *
 * Routes read and write through this class and the fake web pages (pages/index.ts) get `data`;
 * nothing else holds state, so `reset()` really does bring the fake back to the fixture.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type {
  Fixture,
  FixtureGroup,
  FixtureOrganization,
  FixturePat,
  FixtureProject,
  FixturePullRequest,
  FixtureRepository,
  FixtureUser,
} from './fixture-types';

export const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
export const ZERO_OBJECT_ID = '0000000000000000000000000000000000000000';
/** Newest api-version a cloud organization serves (7.2 is still preview, docs/azure-devops-rest.md#versions-headers-errors). */
export const CLOUD_MAX_API_VERSION = '7.2';
export const CLOUD_RELEASED_API_VERSION = '7.1';

/** The newest api-version an organization serves: Services' newest, or the Server release's (Azure DevOps Server 2020, 6.0, unless the fixture says). */
export function newestApiVersionOf(org: Pick<FixtureOrganization, 'kind' | 'maxApiVersion'>): string {
  return org.kind === 'server' ? (org.maxApiVersion ?? '6.0') : CLOUD_MAX_API_VERSION;
}

/**
 * Whether the organization's release has what came with REST api-version `version`. An older one
 * knows nothing of it and ignores such a property in a body, as a real server does (an unknown
 * member of a JSON body is dropped when it is read).
 */
export function servesApiVersion(org: Pick<FixtureOrganization, 'kind' | 'maxApiVersion'>, version: string): boolean {
  return Number(newestApiVersionOf(org)) >= Number(version);
}

/** Failure modes switched by tests and the demo (control.ts, POST /_fake/failures). */
export interface FailureModes {
  /** Every authenticated API call answers 203 + HTML sign-in page (session lost, docs/azure-devops-rest.md#versions-headers-errors). */
  signInPage: boolean;
  /** The next `count` API calls get 429 TF400733 with Retry-After (docs/azure-devops-rest.md#throttling); null = off. */
  throttle: { count: number; retryAfterSeconds: number } | null;
  /** Sockets are destroyed without a response (network down). `/_fake/` keeps working. */
  offline: boolean;
  /** Delay before every answer (ms). */
  latencyMs: number;
  /** `expires_in` of Entra access tokens issued from now on (default 3600, docs/entra-oauth.md). */
  accessTokenLifetimeSeconds: number;
  /** Whether Entra still has a session cookie: `prompt=none` succeeds only when true. */
  entraSessionAlive: boolean;
  /** The tenant has not consented to the app: code redemption and refresh fail with AADSTS65001. */
  entraConsentRequired: boolean;
  /** A Conditional Access policy blocks the sign-in: the authorize redirect carries AADSTS53003. */
  entraConditionalAccessBlocked: boolean;
  /**
   * The SSH key API (routes/ssh-keys.ts) refuses what it would otherwise serve: 401 TF400813, 403, 404,
   * or an HTML page with status 200 — the ways an internal API may say no (docs/ssh-keys.md). null = off.
   */
  sshKeyRefusal: 401 | 403 | 404 | 'html' | null;
  /**
   * Fork copies (docs/azure-devops-rest.md#forks): 'advance' (default) moves each one a step
   * (queued → inProgress → completed) every time it is read; 'hold' keeps them where they are; 'fail'
   * ends the next one read as failed.
   */
  forkSync: 'advance' | 'hold' | 'fail';
  /** Organizations whose policy turns forks off (the refusal is our assumption, docs/azure-devops-rest.md#forks). */
  forksDisabledIn: string[];
}

/** An app registration in the fake Entra: only these client ids and exact redirect URIs are accepted. */
export interface EntraApp {
  clientId: string;
  /** 'spa' redeems codes cross-origin with PKCE; 'web' refuses that (AADSTS9002326). */
  platform: 'spa' | 'web';
  redirectUris: Set<string>;
}

/**
 * Registered at every reset: the test client (unit and contract tests) and the client id the
 * extension is built with by default (E2E and the demo add their own redirect URI once the browser
 * has told them the extension's id).
 */
export const TEST_CLIENT_ID = '5b0a9c2e-3d51-4f7a-9e0b-6c1d2e3f4a5b';
export const TEST_REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
export const BUILD_DEFAULT_CLIENT_ID = 'ado-companion-public-client';

function defaultEntraApps(): Map<string, EntraApp> {
  return new Map([
    [TEST_CLIENT_ID, { clientId: TEST_CLIENT_ID, platform: 'spa', redirectUris: new Set([TEST_REDIRECT_URI]) }],
    [BUILD_DEFAULT_CLIENT_ID, { clientId: BUILD_DEFAULT_CLIENT_ID, platform: 'spa', redirectUris: new Set<string>() }],
  ]);
}

export function defaultFailureModes(): FailureModes {
  return {
    signInPage: false,
    throttle: null,
    offline: false,
    latencyMs: 0,
    accessTokenLifetimeSeconds: 3600,
    entraSessionAlive: false,
    entraConsentRequired: false,
    entraConditionalAccessBlocked: false,
    sshKeyRefusal: null,
    forkSync: 'advance',
    forksDisabledIn: [],
  };
}

/** One line of the request log; never carries a secret (no headers, no bodies). */
export interface RequestLogEntry {
  /** Sequence number, increasing from 1 after each reset. */
  seq: number;
  at: string;
  method: string;
  /** Host header without port, lower case. */
  host: string;
  /** Path without query. */
  path: string;
  /** Query string without secrets (`code` is removed). */
  query: string;
  /** 0 when the connection was dropped (offline). */
  status: number;
  /** How the caller authenticated: none, pat, bearer, session (the web sign-in cookie), or invalid (a credential we did not accept). */
  auth: 'none' | 'pat' | 'bearer' | 'session' | 'invalid';
  /** Authenticated user id, when known. */
  userId?: string;
  /** Entra token endpoint only: the grant_type of the request. */
  grantType?: string;
}

export interface CommitRecord {
  commitId: string;
  treeId: string;
  parents: string[];
  comment: string;
  authorUserId: string;
  date: string;
  changes: { changeType: string; path: string }[];
  /** Full file tree at this commit: path → UTF-8 content. */
  tree: Record<string, string>;
}

export interface PushRecord {
  pushId: number;
  date: string;
  pushedBy: string;
  commits: string[];
  refUpdates: { name: string; oldObjectId: string; newObjectId: string }[];
}

/** A fork sync request (docs/azure-devops-rest.md#forks); the fake completes them at once. */
export interface ForkSyncRecord {
  operationId: number;
  forkRepositoryId: string;
  sourceRepositoryId: string;
  status: 'queued' | 'inProgress' | 'completed' | 'failed' | 'abandoned';
  sourceToTargetRefs: { sourceRef: string; targetRef: string }[];
  /** What the fork gets when the operation completes (a new fork is empty until then). */
  pending?: () => void;
}

export interface AuthCodeRecord {
  code: string;
  userId: string;
  tenant: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  nonce?: string;
  expiresAt: number;
}

export interface AccessTokenRecord {
  token: string;
  userId: string;
  /** Tenant the token was issued in (the user's home tenant). */
  tenantId: string;
  clientId: string;
  /** True when the scope asked for Azure DevOps (499b84ac-…/.default or …/user_impersonation). */
  azureDevOps: boolean;
  expiresAt: number;
}

export interface RefreshTokenRecord {
  token: string;
  userId: string;
  tenantId: string;
  clientId: string;
  scope: string;
  /** SPA refresh tokens die 24 h after the first sign-in of the chain (docs/entra-oauth.md), refreshes inherit it. */
  chainExpiresAt: number;
  chainStartedAt: number;
  revoked: boolean;
}

/**
 * A web sign-in to one Azure DevOps host (docs/page-session.md): the `UserAuthentication` cookie
 * carries its random id; the browser keeps one per host (dev.azure.com, each `{org}.visualstudio.com`,
 * each Server host).
 */
export interface WebSessionRecord {
  id: string;
  userId: string;
  /** Host name, lower case, without port. */
  host: string;
  startedAt: number;
}

export interface EntraSession {
  userId: string;
  signedInAt: number;
}

export interface RepoRef {
  org: FixtureOrganization;
  project: FixtureProject;
  repo: FixtureRepository;
}

export interface PullRequestRef extends RepoRef {
  pr: FixturePullRequest;
}

const lower = (s: string) => s.toLowerCase();
const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Stable GUID-shaped id derived from text (deploymentId, trace ids and the like). */
export function guidFrom(text: string): string {
  const h = sha1(text);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export class FakeState {
  /** Mutable copy of the fixture; routes change it in place. */
  data!: Fixture;
  failures!: FailureModes;
  /** Added to the wall clock (control.advanceClock) so tests can jump 24 h ahead. */
  clockOffsetMs = 0;
  requestLog: RequestLogEntry[] = [];
  private requestSeq = 0;
  commits = new Map<string, CommitRecord[]>(); // by repository id
  pushes = new Map<string, PushRecord[]>(); // by repository id
  forkSyncs: ForkSyncRecord[] = [];
  authCodes = new Map<string, AuthCodeRecord>();
  accessTokens = new Map<string, AccessTokenRecord>();
  refreshTokens = new Map<string, RefreshTokenRecord>();
  entraSession: EntraSession | null = null;
  entraApps = defaultEntraApps();
  webSessions = new Map<string, WebSessionRecord>();
  private pushSeq = 0;

  private fixture: Fixture;

  constructor(private readonly startFixture: Fixture) {
    this.fixture = startFixture;
    this.reset();
  }

  /**
   * Back to a fixture: data, failure modes, tokens, clock and request log. Without one, back to the
   * fixture the server started with — a test that loaded its own must not leak it into the next.
   */
  reset(fixture?: Fixture): void {
    this.fixture = fixture ?? this.startFixture;
    this.data = structuredClone(this.fixture);
    this.failures = defaultFailureModes();
    this.clockOffsetMs = 0;
    this.requestLog = [];
    this.requestSeq = 0;
    this.commits = new Map();
    this.pushes = new Map();
    this.forkSyncs = [];
    this.authCodes = new Map();
    this.accessTokens = new Map();
    this.refreshTokens = new Map();
    this.entraSession = null;
    this.entraApps = defaultEntraApps();
    this.webSessions = new Map();
    this.pushSeq = 0;
    for (const org of this.data.organizations) {
      org.sshKeys ??= [];
      for (const project of org.projects) for (const repo of project.repositories) this.seedCommits(repo);
    }
  }

  /** The fake's clock (ms since epoch). Everything time-based reads this, never Date.now(). */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  // --- users, organizations, PATs ---------------------------------------------------------------

  user(id: string): FixtureUser | undefined {
    return this.data.users.find((u) => lower(u.id) === lower(id));
  }

  userByMemberId(memberId: string): FixtureUser | undefined {
    return this.data.users.find((u) => lower(u.memberId) === lower(memberId));
  }

  org(name: string): FixtureOrganization | undefined {
    return this.data.organizations.find((o) => sameName(o.name, name));
  }

  cloudOrg(name: string): FixtureOrganization | undefined {
    return this.data.organizations.find((o) => o.kind === 'cloud' && sameName(o.name, name));
  }

  orgById(id: string): FixtureOrganization | undefined {
    return this.data.organizations.find((o) => lower(o.id) === lower(id));
  }

  /** Server collections served on `hostname` (port ignored). */
  serverCollections(hostname: string): FixtureOrganization[] {
    return this.data.organizations.filter(
      (o) => o.kind === 'server' && o.serverHost && lower(o.serverHost.split(':')[0]!) === lower(hostname),
    );
  }

  /** A group or team of the organization by id. */
  group(org: FixtureOrganization, id: string): FixtureGroup | undefined {
    return org.groups?.find((g) => lower(g.id) === lower(id));
  }

  isMember(org: FixtureOrganization, userId: string): boolean {
    return org.members.some((m) => lower(m) === lower(userId));
  }

  pat(token: string): FixturePat | undefined {
    return this.data.pats.find((p) => p.token === token);
  }

  // --- projects, repositories, pull requests ----------------------------------------------------

  project(org: FixtureOrganization, idOrName: string): FixtureProject | undefined {
    return org.projects.find((p) => lower(p.id) === lower(idOrName) || sameName(p.name, idOrName));
  }

  /** All repositories of an org, or of one project. */
  repos(org: FixtureOrganization, project?: FixtureProject): RepoRef[] {
    const projects = project ? [project] : org.projects;
    return projects.flatMap((p) => p.repositories.map((repo) => ({ org, project: p, repo })));
  }

  /**
   * A repository by id anywhere in the org, or by name inside `project`
   * (without a project, a name matches a repository named like its project, as the service does
   * for `dev.azure.com/{org}/_git/{repo}`, then any repository with that name).
   */
  repo(org: FixtureOrganization, project: FixtureProject | undefined, idOrName: string): RepoRef | undefined {
    const all = this.repos(org);
    const byId = all.find((r) => lower(r.repo.id) === lower(idOrName));
    if (byId) return project && byId.project !== project ? undefined : byId;
    if (project) return all.find((r) => r.project === project && sameName(r.repo.name, idOrName));
    return (
      all.find((r) => sameName(r.repo.name, idOrName) && sameName(r.project.name, idOrName)) ??
      all.find((r) => sameName(r.repo.name, idOrName))
    );
  }

  repoById(org: FixtureOrganization, id: string): RepoRef | undefined {
    return this.repos(org).find((r) => lower(r.repo.id) === lower(id));
  }

  pullRequests(org: FixtureOrganization, project?: FixtureProject): PullRequestRef[] {
    return this.repos(org, project).flatMap((r) => r.repo.pullRequests.map((pr) => ({ ...r, pr })));
  }

  pullRequest(org: FixtureOrganization, id: number): PullRequestRef | undefined {
    return this.pullRequests(org).find((r) => r.pr.pullRequestId === id);
  }

  /** Pull request ids are unique per organization. */
  nextPullRequestId(org: FixtureOrganization): number {
    return this.pullRequests(org).reduce((max, r) => Math.max(max, r.pr.pullRequestId), 0) + 1;
  }

  nextWorkItemId(org: FixtureOrganization): number {
    return org.workItems.reduce((max, w) => Math.max(max, w.id), 0) + 1;
  }

  // --- git objects ------------------------------------------------------------------------------

  commitsOf(repoId: string): CommitRecord[] {
    let list = this.commits.get(lower(repoId));
    if (!list) this.commits.set(lower(repoId), (list = []));
    return list;
  }

  pushesOf(repoId: string): PushRecord[] {
    let list = this.pushes.get(lower(repoId));
    if (!list) this.pushes.set(lower(repoId), (list = []));
    return list;
  }

  nextPushId(): number {
    return ++this.pushSeq;
  }

  /**
   * Commit records for the fixture: its `commits` (with their parents), then every branch head not
   * among them, as one commit on top of the default branch's head (a root commit for that head itself).
   */
  private seedCommits(repo: FixtureRepository): void {
    const list = this.commitsOf(repo.id);
    const tree = Object.fromEntries((repo.files ?? []).map((f) => [f.path, f.content]));
    const author = this.data.users[0]?.id ?? ZERO_GUID;
    const add = (commitId: string, parents: string[], comment: string, authorUserId = author, date = '2026-01-05T09:00:00Z') => {
      if (list.some((c) => c.commitId === commitId)) return;
      list.push({ commitId, treeId: sha1(`tree:${commitId}`), parents, comment, authorUserId, date, changes: [], tree });
    };
    for (const c of repo.commits ?? []) add(c.commitId.toLowerCase(), c.parents.map(lower), c.comment, c.authorId, c.date);
    const defaultName = (repo.defaultBranch ?? '').replace(/^refs\/heads\//, '');
    const defaultHead = repo.branches.find((b) => b.name === defaultName)?.objectId;
    if (defaultHead) add(defaultHead, [], 'Initial commit');
    for (const branch of repo.branches) {
      const parents = defaultHead && branch.objectId !== defaultHead ? [defaultHead] : [];
      add(branch.objectId, parents, `Work on ${branch.name}`);
    }
  }

  // --- request log ------------------------------------------------------------------------------

  logRequest(entry: Omit<RequestLogEntry, 'seq' | 'at'>): RequestLogEntry {
    const full: RequestLogEntry = { seq: ++this.requestSeq, at: this.nowIso(), ...entry };
    this.requestLog.push(full);
    if (this.requestLog.length > 5000) this.requestLog.splice(0, this.requestLog.length - 5000);
    return full;
  }

  // --- web sessions -----------------------------------------------------------------------------

  /** Signs `userId` in to the web UI of `host`; the id is random, like a real session cookie. */
  startWebSession(host: string, userId: string): WebSessionRecord {
    const session = { id: randomBytes(32).toString('base64url'), userId, host: lower(host.replace(/:\d+$/, '')), startedAt: this.now() };
    this.webSessions.set(session.id, session);
    return session;
  }

  /** The live session `id` names, only on the host it was made for (cookies are per host). */
  webSession(id: string, host: string): WebSessionRecord | undefined {
    const session = this.webSessions.get(id);
    return session && session.host === lower(host.replace(/:\d+$/, '')) ? session : undefined;
  }

  // --- misc -------------------------------------------------------------------------------------

  newGuid(): string {
    return randomUUID();
  }

  /** Counts for GET /_fake/state. */
  summary() {
    return {
      now: this.nowIso(),
      failures: this.failures,
      users: this.data.users.length,
      organizations: this.data.organizations.map((o) => ({
        name: o.name,
        kind: o.kind,
        oauthAllowed: o.oauthAllowed,
        projects: o.projects.length,
        repositories: o.projects.reduce((n, p) => n + p.repositories.length, 0),
        pullRequests: this.pullRequests(o).length,
        workItems: o.workItems.length,
        sshKeys: o.sshKeys?.length ?? 0,
      })),
      pats: this.data.pats.length,
      entra: {
        session: this.entraSession ? { userId: this.entraSession.userId } : null,
        accessTokens: this.accessTokens.size,
        refreshTokens: this.refreshTokens.size,
      },
      webSessions: this.webSessions.size,
      requests: this.requestLog.length,
    };
  }
}
