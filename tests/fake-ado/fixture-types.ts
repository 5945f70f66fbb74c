/**
 * The data a fake Azure DevOps is seeded with. A fixture is plain JSON (tests/fake-ado/fixtures/*.json)
 * or generated (the demo); the server deep-clones it into mutable state (state.ts, `state.data` keeps
 * this exact shape) and answers the REST shapes of docs/azure-devops-rest.md from it.
 *
 * Conventions:
 * - Ids are GUIDs (lower case) except pull requests and work items (numbers, as in the service).
 * - Names are compared case-insensitively, as Azure DevOps does.
 * - Everything optional can be left out of a JSON fixture; the server fills sensible defaults.
 */
export interface Fixture {
  users: FixtureUser[];
  organizations: FixtureOrganization[];
  /** Personal access tokens, each bound to one organization (global PATs are gone since 2026-12-01). */
  pats: FixturePat[];
}

export interface FixtureUser {
  /** VSS identity id (connectionData.authenticatedUser.id, reviewer ids, createdBy.id). */
  id: string;
  /** Profile member id (profiles/me id, accounts?memberId=). */
  memberId: string;
  displayName: string;
  /** Sign-in address, e.g. jane@contoso.com (uniqueName in identity refs). */
  email: string;
  /** Entra tenant the user signs in with; all-zero GUID for a Microsoft account. */
  tenantId: string;
}

export interface FixtureOrganization {
  /** Organization (collection) id, connectionData.instanceId. */
  id: string;
  /** Cloud: organization name. Server: collection name (e.g. DefaultCollection). */
  name: string;
  kind: 'cloud' | 'server';
  /** Server only: host[:port] and virtual directory, e.g. "tfs.contoso.test" and "tfs". */
  serverHost?: string;
  virtualDirectory?: string;
  /** Server only: the newest api-version it accepts, e.g. "6.0". Cloud accepts up to 7.2-preview. */
  maxApiVersion?: string;
  /**
   * Server only: SSH turned off by its administrator; repository answers then carry no `sshUrl`
   * (our assumption: the web UI's clone dialog offers no SSH then, docs/azure-devops-hosts.md#server-ssh-url).
   */
  sshDisabled?: boolean;
  /** Entra tenant backing the org; all-zero GUID for an MSA-backed org. */
  tenantId: string;
  /** Organization policy "Third-party application access via OAuth". */
  oauthAllowed: boolean;
  /** User ids of members; only members may call the org's APIs. */
  members: string[];
  projects: FixtureProject[];
  workItems: FixtureWorkItem[];
  /** Groups and teams (identities that contain users); reviewers and the identity picker know them. */
  groups?: FixtureGroup[];
  /** SSH public keys already registered (SessionTokens with isPublic true). */
  sshKeys?: FixtureSshKey[];
}

export interface FixtureGroup {
  /** VSS identity id (a reviewer id, IdentityPicker localId). */
  id: string;
  /** Name without scope, e.g. "Mobile Team"; shown as `[{project}]\\{name}`. */
  name: string;
  /** A project's team, or a security group. */
  kind: 'team' | 'group';
  /** Project name the group belongs to; absent for an organization-level group. */
  project?: string;
  description?: string;
  /** User ids. */
  members: string[];
}

export interface FixtureProject {
  id: string;
  name: string;
  description?: string;
  visibility: 'private' | 'public';
  repositories: FixtureRepository[];
  /** User ids denied the Git permission "Create repository" in this project: creating answers 403 TF401027. */
  createRepositoryDenied?: string[];
}

export interface FixtureRepository {
  id: string;
  name: string;
  /** Absent for an empty repository (no commits yet). */
  defaultBranch?: string;
  size: number;
  isDisabled?: boolean;
  /** Set on forks: the id of the repository this one was forked from (same org). */
  parentRepositoryId?: string;
  /** Branch names (without refs/heads/) and their head commit ids. */
  branches: { name: string; objectId: string }[];
  pullRequests: FixturePullRequest[];
  /** Branch policies "Automatically included reviewers" (required) on target branches. */
  policies?: FixtureReviewerPolicy[];
  /**
   * Commit history (optional): each commit with its parents, oldest first. Branch heads not listed get
   * a commit whose parent is the default branch's head (one commit ahead of it); the default branch's
   * head, when not listed, is a root commit.
   */
  commits?: FixtureCommit[];
  /**
   * Files at the head of the default branch (path starting with "/", UTF-8 text).
   * Optional; pushes through the API add to it. Used by the items API and the fake web pages.
   */
  files?: { path: string; content: string }[];
}

export interface FixtureReviewerPolicy {
  /** Full ref name of the protected branch, e.g. refs/heads/main. */
  refName: string;
  /** User or group ids added to every new pull request into that branch. */
  requiredReviewerIds: string[];
  /** Blocking (default): they are added as required; otherwise as optional. */
  isBlocking?: boolean;
}

export interface FixtureCommit {
  commitId: string;
  /** Parent commit ids (none for a root commit, two for a merge). */
  parents: string[];
  comment: string;
  /** Author user id; the first user of the fixture when absent. */
  authorId?: string;
  date?: string; // ISO
}

export interface FixturePullRequest {
  /** Unique across the organization. */
  pullRequestId: number;
  title: string;
  description?: string;
  sourceRefName: string;
  targetRefName: string;
  status: 'active' | 'completed' | 'abandoned';
  isDraft: boolean;
  createdBy: string; // user id
  creationDate: string; // ISO
  /** Set when the pull request was completed or abandoned (ISO). */
  closedDate?: string;
  reviewers: { userId: string; vote: -10 | -5 | 0 | 5 | 10; isRequired: boolean }[];
  /** What Azure DevOps' merge attempt found for an active pull request; default `succeeded`. */
  mergeStatus?: 'succeeded' | 'conflicts' | 'rejectedByPolicy' | 'failure';
  workItemIds?: number[];
  /** Only for pull requests from a fork: the fork repository id (the PR lives in the target repo). */
  forkSourceRepositoryId?: string;
  labels?: string[];
  /** Set through PATCH: who set auto-complete (user id) and the completion options as sent. */
  autoCompleteSetBy?: string;
  completionOptions?: {
    mergeStrategy?: 'noFastForward' | 'squash' | 'rebase' | 'rebaseMerge';
    deleteSourceBranch?: boolean;
    transitionWorkItems?: boolean;
    mergeCommitMessage?: string;
    bypassPolicy?: boolean;
    squashMerge?: boolean;
  };
}

export interface FixtureWorkItem {
  id: number;
  project: string; // project name
  type: 'Bug' | 'User Story' | 'Task' | 'Feature' | 'Epic';
  title: string;
  state: string;
  /** User id the item is assigned to. */
  assignedTo?: string;
}

export interface FixturePat {
  token: string;
  userId: string;
  /** Organization name this PAT is scoped to. */
  organization: string;
  /** Scope ids, e.g. ["vso.code_write", "vso.project"]; "app_token" means full access. */
  scopes: string[];
  validTo: string; // ISO
  displayName: string;
}

export interface FixtureSshKey {
  /** SessionToken authorizationId. */
  authorizationId: string;
  userId: string;
  displayName: string;
  /** "ssh-rsa AAAA... comment" */
  publicData: string;
  validFrom: string; // ISO
  validTo: string; // ISO
}
