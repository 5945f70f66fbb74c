/**
 * The control surface tests and the demo use to steer the fake, in-process (`fakeAdo.control`) and
 * over HTTP (routes/control.ts, `/_fake/…` on any host). Both go through `applyChanges`, so they
 * cannot drift apart.
 */
import { z } from 'zod';
import type { Fixture } from './fixture-types';
import type { FailureModes, FakeState, RequestLogEntry } from './state';
import { WEB_SESSION_COOKIE, webHostsFor } from './web-session';
import { rollUpVote } from './routes/pull-requests';

const VOTE = z.union([z.literal(-10), z.literal(-5), z.literal(0), z.literal(5), z.literal(10)]);

const pullRequestChangeSchema = z
  .object({
    org: z.string(),
    pullRequestId: z.number().int(),
    /** A user or group/team id asked to review (vote 0). */
    addReviewer: z.string().optional(),
    vote: z.object({ reviewer: z.string(), vote: VOTE }).optional(),
    mergeStatus: z.enum(['succeeded', 'conflicts', 'rejectedByPolicy', 'failure']).optional(),
    status: z.enum(['active', 'completed', 'abandoned']).optional(),
    isDraft: z.boolean().optional(),
  })
  .strict();

const openPullRequestSchema = z
  .object({
    org: z.string(),
    repository: z.string(),
    createdBy: z.string(),
    title: z.string().default('A new pull request'),
    sourceRefName: z.string().default('refs/heads/feature/inbox'),
    targetRefName: z.string().default('refs/heads/main'),
    isDraft: z.boolean().default(false),
    reviewers: z.array(z.object({ id: z.string(), isRequired: z.boolean().default(false) })).default([]),
  })
  .strict();

const addBranchesSchema = z
  .object({
    org: z.string(),
    repository: z.string(),
    /** Branch names without `refs/heads/`. */
    names: z.array(z.string().min(1)).min(1),
    /** The existing branch whose commit the new ones point at (default: the repository's default branch). */
    from: z.string().optional(),
  })
  .strict();

export type PullRequestChange = z.input<typeof pullRequestChangeSchema>;
export type AddBranches = z.input<typeof addBranchesSchema>;
export type OpenPullRequest = z.input<typeof openPullRequestSchema>;

/** Everything POST /_fake/failures accepts; each key is optional. */
export const controlChangesSchema = z
  .object({
    signInPage: z.boolean(),
    throttle: z.object({ count: z.number().int().min(0), retryAfterSeconds: z.number().min(0).default(30) }).nullable(),
    offline: z.boolean(),
    latencyMs: z.number().int().min(0).max(60_000),
    accessTokenLifetimeSeconds: z.number().int().min(0),
    entraSessionAlive: z.boolean(),
    entraConsentRequired: z.boolean(),
    entraConditionalAccessBlocked: z.boolean(),
    /** Register an app (client id) or add redirect URIs to it; `platform` defaults to 'spa'. */
    entraApp: z.object({ clientId: z.string().min(1), redirectUris: z.array(z.string().url()).default([]), platform: z.enum(['spa', 'web']).optional() }),
    /** PAT tokens to expire now. */
    expirePat: z.union([z.string(), z.array(z.string())]),
    /** Organization policy "Third-party application access via OAuth", per org name. */
    oauthAllowed: z.record(z.string(), z.boolean()),
    revokeRefreshTokens: z.literal(true),
    expireAccessTokens: z.literal(true),
    /** The SSH key API refuses (401, 403, 404, an HTML page); null serves it again. */
    sshKeyRefusal: z.union([z.literal(401), z.literal(403), z.literal(404), z.literal('html')]).nullable(),
    /** How fork copies move on when read: one step per read, not at all, or to failed. */
    forkSync: z.enum(['advance', 'hold', 'fail']),
    /** Organizations (by name) whose policy turns forks off. */
    forksDisabledIn: z.array(z.string()),
    /** Move the fake's clock forward (e.g. 86400 to age SPA refresh tokens past 24 h). */
    advanceClockSeconds: z.number().min(0),
    /** Every web sign-in ends now (web-session.ts): "signed out in another tab". */
    endWebSessions: z.literal(true),
    /** A pull request changes as its people would change it: a review request, a vote, conflicts, completion. */
    changePullRequest: pullRequestChangeSchema,
    /** Someone opens a pull request (by default Sam's feature branch into main, no reviewers, not a draft). */
    openPullRequest: openPullRequestSchema,
    /** Someone pushes branches (e.g. hundreds, for a repository with more refs than one page). */
    addBranches: addBranchesSchema,
  })
  .partial()
  .strict();

export type ControlChanges = z.input<typeof controlChangesSchema>;

export interface RequestFilter {
  method?: string;
  host?: string;
  /** Substring of the path, case-insensitive. */
  pathIncludes?: string;
  auth?: RequestLogEntry['auth'];
  grantType?: string;
  status?: number;
  /** Only entries with seq greater than this. */
  since?: number;
}

export interface FakeAdoControl {
  /** The live state (read it in assertions; change it through the methods below). */
  readonly state: FakeState;
  /**
   * Back to the fixture the server started with (or to a new one, for this reset only): data, failure
   * modes, tokens, clock, request log.
   * `hosts` and the certificate were made at start: a new fixture should not add host names.
   */
  reset(fixture?: Fixture): void;
  readonly failures: Readonly<FailureModes>;
  /** Switch failure modes and trigger one-off changes; same keys as POST /_fake/failures. */
  setFailures(changes: ControlChanges): void;
  expirePat(token: string): void;
  setOAuthAllowed(org: string, allowed: boolean): void;
  /** Registers an Entra app's redirect URI (e.g. the extension's, once its id is known). */
  registerEntraRedirectUri(clientId: string, redirectUri: string): void;
  revokeRefreshTokens(): void;
  /** Every Entra access token issued so far expires now (forces a refresh). */
  expireAccessTokens(): void;
  advanceClock(seconds: number): void;
  /**
   * Web sign-ins (web-session.ts) of `user` (id or e-mail; default: the first member of the first
   * organization) on `hosts` (default: every web host of the fixture), as the cookies a browser
   * holds after signing in on each: set them through the browser's cookie API.
   */
  startWebSessions(options?: { user?: string; hosts?: string[] }): WebSessionCookie[];
  /** Every web sign-in ends now (pages redirect to the sign-in page, REST calls get 401/203). */
  endWebSessions(): void;
  /** A pull request changes as its people would change it (same as POST /_fake/failures `changePullRequest`). */
  changePullRequest(change: PullRequestChange): void;
  /** The Server collections' administrator turns SSH on or off (their repository answers carry `sshUrl` or not). */
  setServerSsh(options: { enabled: boolean }): void;
  /** The Server collections answer as a release whose newest REST api-version is this (Team Foundation Server 2018: 4.0). */
  setServerApiVersion(maxApiVersion: string): void;
  /** Someone opens a pull request; returns its id. */
  openPullRequest(pullRequest: OpenPullRequest): number;
  /** Someone pushes these branches, at an existing branch's commit (same as POST /_fake/failures `addBranches`). */
  addBranches(branches: AddBranches): void;
  /** The request log (never secrets), optionally filtered. */
  requests(filter?: RequestFilter): RequestLogEntry[];
  clearRequests(): void;
  summary(): ReturnType<FakeState['summary']>;
}

/** One session cookie, host-only, `HttpOnly; Secure; SameSite=None; Path=/` (web-session.ts). */
export interface WebSessionCookie {
  name: string;
  value: string;
  /** Host name without port. */
  host: string;
}

function startWebSessions(state: FakeState, options: { user?: string; hosts?: string[] } = {}): WebSessionCookie[] {
  const wanted = options.user?.toLowerCase();
  const user = wanted
    ? state.data.users.find((u) => u.id.toLowerCase() === wanted || u.email.toLowerCase() === wanted)
    : state.user(state.data.organizations[0]?.members[0] ?? '');
  if (!user) throw new Error(`startWebSessions: no user ${options.user ?? '(the fixture has no members)'}`);
  return (options.hosts ?? webHostsFor(state)).map((host) => {
    const session = state.startWebSession(host, user.id);
    return { name: WEB_SESSION_COOKIE, value: session.id, host: session.host };
  });
}

export function applyChanges(state: FakeState, input: ControlChanges): void {
  const changes = controlChangesSchema.parse(input);
  const f = state.failures;
  if (changes.signInPage !== undefined) f.signInPage = changes.signInPage;
  if (changes.throttle !== undefined) f.throttle = changes.throttle && changes.throttle.count > 0 ? changes.throttle : null;
  if (changes.offline !== undefined) f.offline = changes.offline;
  if (changes.latencyMs !== undefined) f.latencyMs = changes.latencyMs;
  if (changes.accessTokenLifetimeSeconds !== undefined) f.accessTokenLifetimeSeconds = changes.accessTokenLifetimeSeconds;
  if (changes.entraConsentRequired !== undefined) f.entraConsentRequired = changes.entraConsentRequired;
  if (changes.entraConditionalAccessBlocked !== undefined) f.entraConditionalAccessBlocked = changes.entraConditionalAccessBlocked;
  if (changes.sshKeyRefusal !== undefined) f.sshKeyRefusal = changes.sshKeyRefusal;
  if (changes.forkSync !== undefined) f.forkSync = changes.forkSync;
  if (changes.forksDisabledIn !== undefined) f.forksDisabledIn = changes.forksDisabledIn;
  if (changes.entraApp) {
    const { clientId, redirectUris, platform } = changes.entraApp;
    const app = state.entraApps.get(clientId) ?? { clientId, platform: 'spa' as const, redirectUris: new Set<string>() };
    for (const uri of redirectUris) app.redirectUris.add(uri);
    if (platform) app.platform = platform;
    state.entraApps.set(clientId, app);
  }
  if (changes.entraSessionAlive !== undefined) {
    f.entraSessionAlive = changes.entraSessionAlive;
    if (!changes.entraSessionAlive) state.entraSession = null;
  }
  for (const token of [changes.expirePat ?? []].flat()) {
    const pat = state.pat(token);
    if (!pat) throw new Error('expirePat: no such PAT in the fixture');
    pat.validTo = new Date(state.now() - 1000).toISOString();
  }
  for (const [name, allowed] of Object.entries(changes.oauthAllowed ?? {})) {
    const org = state.org(name);
    if (!org) throw new Error(`oauthAllowed: no organization named ${name}`);
    org.oauthAllowed = allowed;
  }
  if (changes.revokeRefreshTokens) for (const token of state.refreshTokens.values()) token.revoked = true;
  if (changes.expireAccessTokens) for (const token of state.accessTokens.values()) token.expiresAt = Math.min(token.expiresAt, state.now());
  if (changes.advanceClockSeconds) state.clockOffsetMs += changes.advanceClockSeconds * 1000;
  if (changes.endWebSessions) state.webSessions.clear();
  if (changes.changePullRequest) changePullRequest(state, changes.changePullRequest);
  if (changes.openPullRequest) openPullRequest(state, changes.openPullRequest);
  if (changes.addBranches) addBranches(state, changes.addBranches);
}

function addBranches(state: FakeState, input: z.output<typeof addBranchesSchema>): void {
  const org = state.org(input.org);
  const repo = org?.projects.flatMap((p) => p.repositories).find((r) => r.name.toLowerCase() === input.repository.toLowerCase());
  if (!org || !repo) throw new Error(`addBranches: no repository ${input.repository} in ${input.org}`);
  const from = input.from ?? repo.defaultBranch?.replace(/^refs\/heads\//, '');
  const objectId = repo.branches.find((b) => b.name === from)?.objectId;
  if (!objectId) throw new Error(`addBranches: no branch ${from ?? '(no default branch)'} in ${input.repository}`);
  for (const name of input.names) {
    if (repo.branches.some((b) => b.name === name)) throw new Error(`addBranches: ${name} exists already in ${input.repository}`);
    repo.branches.push({ name, objectId });
  }
}

function changePullRequest(state: FakeState, change: z.output<typeof pullRequestChangeSchema>): void {
  const org = state.org(change.org);
  const ref = org && state.pullRequest(org, change.pullRequestId);
  if (!ref) throw new Error(`changePullRequest: no pull request ${change.pullRequestId} in ${change.org}`);
  const { pr } = ref;
  const reviewer = (id: string) => {
    let found = pr.reviewers.find((r) => r.userId.toLowerCase() === id.toLowerCase());
    if (!found) pr.reviewers.push((found = { userId: id, vote: 0, isRequired: false }));
    return found;
  };
  if (change.addReviewer) reviewer(change.addReviewer);
  if (change.vote) {
    reviewer(change.vote.reviewer).vote = change.vote.vote;
    rollUpVote(org, pr, change.vote.reviewer, change.vote.vote);
  }
  if (change.mergeStatus) pr.mergeStatus = change.mergeStatus;
  if (change.isDraft !== undefined) pr.isDraft = change.isDraft;
  if (change.status && change.status !== pr.status) {
    pr.status = change.status;
    if (change.status === 'active') delete pr.closedDate;
    else pr.closedDate = state.nowIso();
  }
}

function openPullRequest(state: FakeState, input: z.output<typeof openPullRequestSchema>): void {
  const org = state.org(input.org);
  const repo = org?.projects.flatMap((p) => p.repositories).find((r) => r.name.toLowerCase() === input.repository.toLowerCase());
  if (!org || !repo) throw new Error(`openPullRequest: no repository ${input.repository} in ${input.org}`);
  repo.pullRequests.push({
    pullRequestId: state.nextPullRequestId(org),
    title: input.title,
    sourceRefName: input.sourceRefName,
    targetRefName: input.targetRefName,
    status: 'active',
    isDraft: input.isDraft,
    createdBy: input.createdBy,
    creationDate: state.nowIso(),
    reviewers: input.reviewers.map((r) => ({ userId: r.id, vote: 0, isRequired: r.isRequired })),
  });
}

export function filterRequests(state: FakeState, filter: RequestFilter = {}): RequestLogEntry[] {
  const path = filter.pathIncludes?.toLowerCase();
  return state.requestLog
    .filter(
      (r) =>
        (filter.method === undefined || r.method === filter.method.toUpperCase()) &&
        (filter.host === undefined || r.host === filter.host.toLowerCase()) &&
        (path === undefined || r.path.toLowerCase().includes(path)) &&
        (filter.auth === undefined || r.auth === filter.auth) &&
        (filter.grantType === undefined || r.grantType === filter.grantType) &&
        (filter.status === undefined || r.status === filter.status) &&
        (filter.since === undefined || r.seq > filter.since),
    )
    .map((r) => ({ ...r }));
}

export function createControl(state: FakeState): FakeAdoControl {
  return {
    state,
    reset: (fixture) => state.reset(fixture),
    get failures() {
      return state.failures;
    },
    setFailures: (changes) => applyChanges(state, changes),
    expirePat: (token) => applyChanges(state, { expirePat: token }),
    setOAuthAllowed: (org, allowed) => applyChanges(state, { oauthAllowed: { [org]: allowed } }),
    registerEntraRedirectUri: (clientId, redirectUri) => applyChanges(state, { entraApp: { clientId, redirectUris: [redirectUri] } }),
    revokeRefreshTokens: () => applyChanges(state, { revokeRefreshTokens: true }),
    expireAccessTokens: () => applyChanges(state, { expireAccessTokens: true }),
    advanceClock: (seconds) => applyChanges(state, { advanceClockSeconds: seconds }),
    startWebSessions: (options) => startWebSessions(state, options),
    endWebSessions: () => applyChanges(state, { endWebSessions: true }),
    changePullRequest: (change) => applyChanges(state, { changePullRequest: change }),
    setServerSsh: ({ enabled }) => {
      for (const org of state.data.organizations) if (org.kind === 'server') org.sshDisabled = !enabled;
    },
    setServerApiVersion: (maxApiVersion) => {
      for (const org of state.data.organizations) if (org.kind === 'server') org.maxApiVersion = maxApiVersion;
    },
    openPullRequest: (pullRequest) => {
      applyChanges(state, { openPullRequest: pullRequest });
      const org = state.org(pullRequest.org)!;
      return state.nextPullRequestId(org) - 1;
    },
    addBranches: (branches) => applyChanges(state, { addBranches: branches }),
    requests: (filter) => filterRequests(state, filter),
    clearRequests: () => {
      state.requestLog = [];
    },
    summary: () => state.summary(),
  };
}
