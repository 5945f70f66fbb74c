/**
 * Git: repositories (docs/azure-devops-rest.md#repositories), create + initial push (docs/azure-devops-rest.md#repositories), refs (docs/azure-devops-rest.md#repositories), forks (docs/azure-devops-rest.md#forks), commits and items
 * (minimal, enough for clients that read back what they pushed).
 */
import {
  AdoError,
  badRequest,
  guidEmpty,
  invalidRepoName,
  forksDisabled,
  needsGitPermission,
  notFound,
  projectNotFound,
  refStale,
  repoNameTaken,
  repoNotFound,
  unresolvableVersion,
} from '../errors';
import { changeType, contentType, versionType as parseVersionType } from '../enums';
import type { FixtureProject, FixtureRepository } from '../fixture-types';
import { body, empty, intParam, json, list, me, org, queryParam, type Ctx } from '../http';
import type { Params, Route } from '../router';
import { commitRef, identityRef, repository, repositoryRef, repoApiUrl } from '../shapes';
import { ZERO_GUID, ZERO_OBJECT_ID, servesApiVersion, sha1, type CommitRecord, type PushRecord, type RepoRef } from '../state';

// --- lookups ----------------------------------------------------------------------------------

/** The `{project}` route value, resolved; 404 TF200016 when named but unknown. */
export function projectParam(ctx: Ctx, p: Params): FixtureProject | undefined {
  if (!p.project) return undefined;
  const project = ctx.state.project(org(ctx), p.project);
  if (!project) throw projectNotFound(p.project);
  return project;
}

/** A repository by id or name; 404 TF401019 otherwise (docs/azure-devops-rest.md#versions-headers-errors). */
export function repoParam(ctx: Ctx, p: Params, key = 'repositoryId'): RepoRef {
  const idOrName = p[key]!;
  const ref = ctx.state.repo(org(ctx), projectParam(ctx, p), idOrName);
  if (!ref) throw repoNotFound(idOrName);
  return ref;
}

const heads = (name: string) => (name.startsWith('refs/heads/') ? name.slice('refs/heads/'.length) : null);

export function branchObjectId(repo: FixtureRepository, refName: string): string | undefined {
  const name = heads(refName);
  return name === null ? undefined : repo.branches.find((b) => b.name === name)?.objectId;
}

// --- repositories -----------------------------------------------------------------------------

/** Azure Repos naming rules (docs/azure-devops-rest.md#create-repository, Learn "Naming restrictions": Azure Repos (Git)). */
const INVALID_NAME_CHARS = /[/:\\~&%;@'"?<>|#$*}{,+=[\]]/;
const RESERVED_NAMES = /^(aux|con|nul|prn|com[1-9]|com10|lpt[1-9]|defaultcollection|server|signalr|web)$/i;

function validateRepoName(name: unknown): string {
  if (typeof name !== 'string' || !name.trim()) throw badRequest('A repository name is required.', 'ArgumentNullException');
  if (name.length > 64) throw invalidRepoName(name, 'names may not be longer than 64 characters.');
  // Without the u flag a character outside the BMP is seen as its two surrogates, which are refused.
  if (/\p{Cc}/u.test(name) || /[\uD800-\uDFFF]/.test(name)) throw invalidRepoName(name, 'names may not contain control or surrogate characters.');
  if (INVALID_NAME_CHARS.test(name)) {
    throw invalidRepoName(name, `names may not contain any of the characters / : \\ ~ & % ; @ ' " ? < > | # $ * } { , + = [ ].`);
  }
  if (name.startsWith('_')) throw invalidRepoName(name, 'names may not start with an underscore (_).');
  if (/^\.|\.$/.test(name)) throw invalidRepoName(name, 'names may not start or end with a period (.).');
  if (RESERVED_NAMES.test(name)) throw invalidRepoName(name, 'this name is reserved by the system.');
  return name;
}

function listRepositories(ctx: Ctx, p: Params) {
  const project = projectParam(ctx, p);
  const includeParent = queryParam(ctx, 'includeParent') === 'true';
  return list(ctx.state.repos(org(ctx), project).map((r) => repository(ctx, r.project, r.repo, { includeParent })));
}

function getRepository(ctx: Ctx, p: Params) {
  const { project, repo } = repoParam(ctx, p);
  return json(200, repository(ctx, project, repo, { includeParent: queryParam(ctx, 'includeParent') === 'true' }));
}

interface CreateRepoBody {
  name?: unknown;
  project?: { id?: string; name?: string };
  parentRepository?: { id?: string; name?: string; project?: { id?: string; name?: string } };
}

function createRepository(ctx: Ctx, p: Params) {
  const o = org(ctx);
  const input = body<CreateRepoBody>(ctx);
  const name = validateRepoName(input.name);
  const projectKey = input.project?.id ?? input.project?.name ?? p.project;
  if (!projectKey) throw badRequest('The project must be specified to create a repository.', 'ArgumentNullException');
  const project = ctx.state.project(o, projectKey);
  if (!project) throw projectNotFound(projectKey);
  const user = me(ctx);
  if (project.createRepositoryDenied?.some((id) => id.toLowerCase() === user.id.toLowerCase())) {
    throw needsGitPermission('CreateRepository', user.displayName);
  }
  if (project.repositories.some((r) => r.name.toLowerCase() === name.toLowerCase())) throw repoNameTaken(name);

  const repo: FixtureRepository = { id: ctx.state.newGuid(), name, size: 0, branches: [], pullRequests: [] };
  let forkSyncId: number | undefined;
  // Forks came with REST API 4.1: an older server ignores `parentRepository` and makes a plain repository.
  if (input.parentRepository && servesApiVersion(o, '4.1')) {
    // Forks (docs/azure-devops-rest.md#forks): parentRepository.id is mandatory; a name alone fails like this.
    const parentId = input.parentRepository.id;
    if (!parentId || parentId === ZERO_GUID) throw guidEmpty('repositoryId');
    const parent = ctx.state.repoById(o, parentId);
    if (!parent) throw repoNotFound(parentId);
    if (ctx.state.failures.forksDisabledIn.some((name) => name.toLowerCase() === o.name.toLowerCase())) throw forksDisabled();
    const sourceRef = queryParam(ctx, 'sourceRef');
    const branches = parent.repo.branches.filter((b) => !sourceRef || `refs/heads/${b.name}` === sourceRef);
    repo.parentRepositoryId = parent.repo.id;
    // Forking is asynchronous: the fork exists at once, empty, and its refs arrive when the copy completes.
    const fill = () => {
      repo.branches = branches.map((b) => ({ ...b }));
      repo.size = parent.repo.size;
      repo.files = parent.repo.files?.map((f) => ({ ...f }));
      if (parent.repo.defaultBranch && branches.some((b) => `refs/heads/${b.name}` === parent.repo.defaultBranch)) {
        repo.defaultBranch = parent.repo.defaultBranch;
      } else if (branches[0]) {
        repo.defaultBranch = `refs/heads/${branches[0].name}`;
      }
      ctx.state.commitsOf(repo.id).push(...ctx.state.commitsOf(parent.repo.id).map((c) => ({ ...c })));
    };
    forkSyncId = ctx.state.forkSyncs.length + 1;
    ctx.state.forkSyncs.push({
      operationId: forkSyncId,
      forkRepositoryId: repo.id,
      sourceRepositoryId: parent.repo.id,
      status: 'queued',
      sourceToTargetRefs: branches.map((b) => ({ sourceRef: `refs/heads/${b.name}`, targetRef: `refs/heads/${b.name}` })),
      pending: fill,
    });
  }
  project.repositories.push(repo);
  const answer = repository(ctx, project, repo);
  const links =
    forkSyncId !== undefined
      ? { _links: { forkSyncOperation: { href: `${ctx.base}/_apis/git/repositories/${repo.id}/forkSyncRequests/${forkSyncId}` } } }
      : {};
  return json(201, { ...answer, ...links });
}

function updateRepository(ctx: Ctx, p: Params) {
  const { project, repo } = repoParam(ctx, p);
  const input = body<{ name?: unknown; defaultBranch?: string; isDisabled?: boolean }>(ctx);
  if (input.name !== undefined && input.name !== repo.name) {
    const name = validateRepoName(input.name);
    if (project.repositories.some((r) => r !== repo && r.name.toLowerCase() === name.toLowerCase())) throw repoNameTaken(name);
    repo.name = name;
  }
  if (input.defaultBranch !== undefined) {
    if (branchObjectId(repo, input.defaultBranch) === undefined) {
      throw badRequest(`TF401398: The branch ${input.defaultBranch} does not exist in the repository.`, 'GitRefNotFoundException');
    }
    repo.defaultBranch = input.defaultBranch;
  }
  if (typeof input.isDisabled === 'boolean') repo.isDisabled = input.isDisabled;
  return json(200, repository(ctx, project, repo));
}

function deleteRepository(ctx: Ctx, p: Params) {
  const { project, repo } = repoParam(ctx, p);
  project.repositories.splice(project.repositories.indexOf(repo), 1);
  return empty(204);
}

// --- refs (docs/azure-devops-rest.md#repositories) ----------------------------------------------------------------------------------

function refJson(ctx: Ctx, ref: RepoRef, name: string, objectId: string) {
  const creator = ctx.state.user(ref.org.members[0] ?? '');
  return {
    name,
    objectId,
    ...(creator ? { creator: identityRef(ctx, creator) } : {}),
    url: `${repoApiUrl(ctx, ref.project, ref.repo)}/refs?filter=${encodeURIComponent(name.replace(/^refs\//, ''))}`,
  };
}

function listRefs(ctx: Ctx, p: Params) {
  const ref = repoParam(ctx, p);
  // `filter` is a prefix without "refs/" (e.g. heads/); the route form refs/{*filter} works too.
  const filter = queryParam(ctx, 'filter') ?? p.filter ?? '';
  const contains = (queryParam(ctx, 'filterContains') ?? '').toLowerCase();
  const all = ref.repo.branches
    .map((b) => ({ name: `refs/heads/${b.name}`, objectId: b.objectId }))
    .filter((r) => r.name.slice('refs/'.length).startsWith(filter.replace(/^refs\//, '')))
    .filter((r) => !contains || r.name.toLowerCase().includes(contains))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Learn (Refs - List): `$top` at most 1,000, 100 when only `continuationToken` is given, everything when neither.
  // The token is opaque to clients; here it names the last ref sent, so a branch pushed meanwhile does not shift the pages.
  const token = queryParam(ctx, 'continuationToken');
  const after = token === undefined ? null : refsTokenName(token);
  const top = Math.min(intParam(ctx, '$top') ?? (token === undefined ? all.length : 100), 1000);
  const rest = after === null ? all : all.filter((r) => r.name > after);
  const page = rest.slice(0, top);
  const last = page.at(-1);
  const headers = last && page.length < rest.length ? { 'x-ms-continuationtoken': refsToken(last.name) } : undefined;
  return list(
    page.map((r) => refJson(ctx, ref, r.name, r.objectId)),
    headers,
  );
}

const refsToken = (lastName: string) => Buffer.from(`refs:${lastName}`).toString('base64url');

function refsTokenName(token: string): string {
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  if (!decoded.startsWith('refs:')) throw badRequest(`The continuation token '${token}' is not valid.`);
  return decoded.slice('refs:'.length);
}

/** POST refs: create/update/delete branches; HTTP 200 even when an update fails (docs/azure-devops-rest.md#repositories). */
function updateRefs(ctx: Ctx, p: Params) {
  const ref = repoParam(ctx, p);
  const updates = body<{ name: string; oldObjectId: string; newObjectId: string }[]>(ctx);
  if (!Array.isArray(updates)) throw badRequest('The body must be an array of ref updates.');
  const commits = ctx.state.commitsOf(ref.repo.id);
  const results = updates.map((u) => {
    const branch = heads(u.name ?? '');
    const current = branch === null ? undefined : ref.repo.branches.find((b) => b.name === branch);
    let updateStatus = 'succeeded';
    if (branch === null || !branch) updateStatus = 'invalidRefName';
    else if ((current?.objectId ?? ZERO_OBJECT_ID) !== u.oldObjectId) updateStatus = 'staleOldObjectId';
    else if (u.newObjectId !== ZERO_OBJECT_ID && !commits.some((c) => c.commitId === u.newObjectId)) updateStatus = 'unresolvableToCommit';
    if (updateStatus === 'succeeded') {
      if (u.newObjectId === ZERO_OBJECT_ID) ref.repo.branches = ref.repo.branches.filter((b) => b !== current);
      else if (current) current.objectId = u.newObjectId;
      else ref.repo.branches.push({ name: branch!, objectId: u.newObjectId });
    }
    return {
      repositoryId: ref.repo.id,
      name: u.name,
      oldObjectId: u.oldObjectId,
      newObjectId: u.newObjectId,
      isLocked: false,
      updateStatus,
      success: updateStatus === 'succeeded',
      rejectedBy: null,
      customMessage: null,
    };
  });
  return list(results);
}

// --- pushes (docs/azure-devops-rest.md#repositories) ----------------------------------------------------------------------------------

interface PushBody {
  refUpdates?: { name?: string; oldObjectId?: string }[];
  commits?: {
    comment?: string;
    parents?: string[];
    changes?: {
      changeType?: unknown;
      item?: { path?: string };
      sourceServerItem?: string;
      newContent?: { content?: string; contentType?: unknown };
    }[];
  }[];
}

function applyChanges(tree: Record<string, string>, changes: NonNullable<NonNullable<PushBody['commits']>[number]['changes']>) {
  const next = { ...tree };
  const applied: { changeType: string; path: string }[] = [];
  for (const change of changes) {
    const kind = changeType(change.changeType) ?? 'add';
    const path = change.item?.path;
    if (!path || !path.startsWith('/')) throw badRequest(`The path '${path ?? ''}' is not a valid item path; it must start with '/'.`);
    const raw = change.newContent?.content ?? '';
    const content = contentType(change.newContent?.contentType) === 'base64Encoded' ? Buffer.from(raw, 'base64').toString('utf8') : raw;
    if (kind === 'add') {
      if (path in next) throw badRequest(`TF401211: The item ${path} already exists.`, 'GitItemAlreadyExistsException');
      next[path] = content;
    } else if (kind === 'edit') {
      if (!(path in next)) throw notFound(`item ${path}`);
      next[path] = content;
    } else if (kind === 'delete') {
      if (!(path in next)) throw notFound(`item ${path}`);
      delete next[path];
    } else if (kind === 'rename') {
      const from = change.sourceServerItem;
      if (!from || !(from in next)) throw notFound(`item ${from ?? ''}`);
      next[path] = next[from]!;
      delete next[from];
    }
    applied.push({ changeType: kind, path });
  }
  return { tree: next, applied };
}

function createPush(ctx: Ctx, p: Params) {
  const ref = repoParam(ctx, p);
  const { repo, project } = ref;
  const input = body<PushBody>(ctx);
  const refUpdate = input.refUpdates?.[0];
  if (!refUpdate?.name || input.refUpdates!.length !== 1) throw badRequest('A push must contain exactly one ref update.');
  if (heads(refUpdate.name) === null) throw badRequest(`TF401024: The ref name ${refUpdate.name} is not valid; only refs/heads/ can be pushed here.`);
  if (!input.commits?.length) throw badRequest('A push must contain at least one commit.');

  const current = branchObjectId(repo, refUpdate.name) ?? ZERO_OBJECT_ID;
  if ((refUpdate.oldObjectId ?? '').toLowerCase() !== current) throw refStale(refUpdate.name);

  const user = me(ctx);
  const commits = ctx.state.commitsOf(repo.id);
  let parent = current === ZERO_OBJECT_ID ? undefined : commits.find((c) => c.commitId === current);
  const created: CommitRecord[] = [];
  for (const c of input.commits) {
    const parentIds = c.parents ?? (parent ? [parent.commitId] : []);
    const base = parentIds[0] ? commits.find((x) => x.commitId === parentIds[0]) : undefined;
    const { tree, applied } = applyChanges(base?.tree ?? {}, c.changes ?? []);
    const date = ctx.state.nowIso();
    const comment = c.comment ?? '';
    const commitId = sha1(JSON.stringify({ parentIds, tree, comment, date, n: commits.length }));
    const record: CommitRecord = {
      commitId,
      treeId: sha1(JSON.stringify(tree)),
      parents: parentIds,
      comment,
      authorUserId: user.id,
      date,
      changes: applied,
      tree,
    };
    commits.push(record);
    created.push(record);
    parent = record;
  }

  const head = created[created.length - 1]!;
  const branchName = heads(refUpdate.name)!;
  const branch = repo.branches.find((b) => b.name === branchName);
  if (branch) branch.objectId = head.commitId;
  else repo.branches.push({ name: branchName, objectId: head.commitId });
  // The first push to an empty repository makes that branch the default (docs/azure-devops-rest.md#repositories).
  if (!repo.defaultBranch) repo.defaultBranch = refUpdate.name;
  if (repo.defaultBranch === refUpdate.name) {
    repo.files = Object.entries(head.tree).map(([path, content]) => ({ path, content }));
  }
  repo.size = Object.values(head.tree).reduce((n, text) => n + Buffer.byteLength(text), 0);

  const pushId = ctx.state.nextPushId();
  const refUpdates = [{ name: refUpdate.name, oldObjectId: current, newObjectId: head.commitId }];
  ctx.state.pushesOf(repo.id).push({
    pushId,
    date: head.date,
    pushedBy: user.id,
    commits: created.map((c) => c.commitId),
    refUpdates,
  });
  const repoUrl = repoApiUrl(ctx, project, repo);
  return json(201, {
    commits: created.map((c) => commitRef(ctx, project, repo, c)),
    refUpdates: refUpdates.map((u) => ({ repositoryId: repo.id, ...u })),
    repository: repository(ctx, project, repo),
    pushedBy: identityRef(ctx, user),
    pushId,
    date: head.date,
    url: `${repoUrl}/pushes/${pushId}`,
    _links: {
      self: { href: `${repoUrl}/pushes/${pushId}` },
      repository: { href: repoUrl },
      commits: { href: `${repoUrl}/pushes/${pushId}/commits` },
      pusher: { href: `${ctx.base}/_apis/Identities/${user.id}` },
      refs: { href: `${repoUrl}/refs/${refUpdate.name}` },
    },
  });
}

function pushJson(ctx: Ctx, ref: RepoRef, push: PushRecord) {
  const user = ctx.state.user(push.pushedBy);
  const repoUrl = repoApiUrl(ctx, ref.project, ref.repo);
  return {
    pushId: push.pushId,
    date: push.date,
    ...(user ? { pushedBy: identityRef(ctx, user) } : {}),
    refUpdates: push.refUpdates.map((u) => ({ repositoryId: ref.repo.id, ...u })),
    repository: repository(ctx, ref.project, ref.repo),
    url: `${repoUrl}/pushes/${push.pushId}`,
  };
}

function listPushes(ctx: Ctx, p: Params) {
  const ref = repoParam(ctx, p);
  return list(
    [...ctx.state.pushesOf(ref.repo.id)].reverse().map((push) => pushJson(ctx, ref, push)),
  );
}

function getPush(ctx: Ctx, p: Params) {
  const ref = repoParam(ctx, p);
  const push = ctx.state.pushesOf(ref.repo.id).find((x) => String(x.pushId) === p.pushId);
  if (!push) throw notFound(`push ${p.pushId}`);
  return json(200, pushJson(ctx, ref, push));
}

// --- commits and items ----------------------------------------------------------------------------

function getCommit(ctx: Ctx, p: Params) {
  const ref = repoParam(ctx, p);
  const commit = ctx.state.commitsOf(ref.repo.id).find((c) => c.commitId === p.commitId?.toLowerCase());
  if (!commit) throw unresolvableVersion(p.commitId!, 'commit', ref.repo.name);
  const counts = { Add: 0, Edit: 0, Delete: 0 };
  for (const c of commit.changes) {
    if (c.changeType === 'add') counts.Add++;
    else if (c.changeType === 'delete') counts.Delete++;
    else counts.Edit++;
  }
  return json(200, { ...commitRef(ctx, ref.project, ref.repo, commit), changeCounts: counts });
}

/** The commit a version descriptor points at (branch name or commit id; default branch otherwise). */
function resolveVersion(ctx: Ctx, ref: RepoRef, version: string | undefined, versionType: string | undefined): CommitRecord | undefined {
  const commits = ctx.state.commitsOf(ref.repo.id);
  const kind = parseVersionType(versionType) ?? 'branch';
  if (version && kind === 'commit') return commits.find((c) => c.commitId === version.toLowerCase());
  if (version && kind === 'tag') return undefined; // the fake has no tags
  const branch = version ? `refs/heads/${version}` : ref.repo.defaultBranch;
  const head = branch ? branchObjectId(ref.repo, branch) : undefined;
  return head ? commits.find((c) => c.commitId === head) : undefined;
}

/** Like resolveVersion, but a version that was asked for and names nothing is TF401175 (docs/azure-devops-rest.md#commits). */
function requireVersion(ctx: Ctx, ref: RepoRef, version: string | undefined, versionType: string | undefined): CommitRecord | undefined {
  const commit = resolveVersion(ctx, ref, version, versionType);
  if (!commit && version) throw unresolvableVersion(version, parseVersionType(versionType), ref.repo.name);
  return commit;
}

/** Commits reachable from `head` (itself included), newest first: breadth-first over parents. */
function history(ctx: Ctx, ref: RepoRef, head: CommitRecord | undefined): CommitRecord[] {
  const commits = ctx.state.commitsOf(ref.repo.id);
  const seen = new Set<string>();
  const out: CommitRecord[] = [];
  const queue = head ? [head] : [];
  while (queue.length) {
    const commit = queue.shift()!;
    if (seen.has(commit.commitId)) continue;
    seen.add(commit.commitId);
    out.push(commit);
    for (const parentId of commit.parents) {
      const parent = commits.find((c) => c.commitId === parentId);
      if (parent) queue.push(parent);
    }
  }
  return out;
}

/**
 * `searchCriteria.itemVersion` is the version searched; with `searchCriteria.compareVersion` the walk
 * starts at compareVersion and stops at what itemVersion already has: the commits compareVersion is
 * ahead by (docs/azure-devops-rest.md#commits).
 */
function listCommits(ctx: Ctx, p: Params) {
  const ref = repoParam(ctx, p);
  const q = (name: string) => queryParam(ctx, `searchCriteria.${name}`) ?? queryParam(ctx, name);
  const item = requireVersion(ctx, ref, q('itemVersion.version'), q('itemVersion.versionType'));
  const compareVersion = q('compareVersion.version');
  const skip = intParam(ctx, 'searchCriteria.$skip') ?? intParam(ctx, '$skip') ?? 0;
  const top = intParam(ctx, 'searchCriteria.$top') ?? intParam(ctx, '$top') ?? 100;
  let out: CommitRecord[];
  if (compareVersion) {
    const compare = requireVersion(ctx, ref, compareVersion, q('compareVersion.versionType'));
    const known = new Set(history(ctx, ref, item).map((c) => c.commitId));
    out = history(ctx, ref, compare).filter((c) => !known.has(c.commitId));
  } else {
    out = history(ctx, ref, item);
  }
  return list(out.slice(skip, skip + top).map((c) => commitRef(ctx, ref.project, ref.repo, c)));
}

/**
 * `diffs/commits?baseVersion=…&targetVersion=…`: how far the target is ahead of and behind the base,
 * their merge base, and the file changes from the merge base (or the base with diffCommonCommit=false)
 * to the target (docs/azure-devops-rest.md#commits). Versions default to the default branch.
 */
function commitDiffs(ctx: Ctx, p: Params) {
  const ref = repoParam(ctx, p);
  const base = requireVersion(ctx, ref, queryParam(ctx, 'baseVersion'), queryParam(ctx, 'baseVersionType'));
  const target = requireVersion(ctx, ref, queryParam(ctx, 'targetVersion'), queryParam(ctx, 'targetVersionType'));
  if (!base || !target) throw unresolvableVersion(ref.repo.defaultBranch ?? '', 'branch', ref.repo.name);
  const baseHistory = history(ctx, ref, base);
  const targetHistory = history(ctx, ref, target);
  const inBase = new Set(baseHistory.map((c) => c.commitId));
  const inTarget = new Set(targetHistory.map((c) => c.commitId));
  const common = targetHistory.find((c) => inBase.has(c.commitId));
  const diffCommonCommit = queryParam(ctx, 'diffCommonCommit') !== 'false';
  const from = (diffCommonCommit ? common : base)?.tree ?? {};
  const changes: { item: { path: string; gitObjectType: string }; changeType: string }[] = [];
  for (const path of new Set([...Object.keys(from), ...Object.keys(target.tree)])) {
    const change = !(path in from) ? 'add' : !(path in target.tree) ? 'delete' : from[path] !== target.tree[path] ? 'edit' : null;
    if (change) changes.push({ item: { path, gitObjectType: 'blob' }, changeType: change });
  }
  changes.sort((a, b) => (a.item.path < b.item.path ? -1 : 1));
  const skip = intParam(ctx, '$skip') ?? 0;
  const top = intParam(ctx, '$top') ?? 100;
  const counts: Record<string, number> = {};
  for (const c of changes) {
    const key = c.changeType.charAt(0).toUpperCase() + c.changeType.slice(1);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return json(200, {
    allChangesIncluded: skip + top >= changes.length,
    changeCounts: counts,
    changes: changes.slice(skip, skip + top),
    ...(common ? { commonCommit: common.commitId } : {}),
    baseCommit: base.commitId,
    targetCommit: target.commitId,
    aheadCount: targetHistory.filter((c) => !inBase.has(c.commitId)).length,
    behindCount: baseHistory.filter((c) => !inTarget.has(c.commitId)).length,
  });
}

function getItems(ctx: Ctx, p: Params) {
  const ref = repoParam(ctx, p);
  const commit = resolveVersion(ctx, ref, queryParam(ctx, 'versionDescriptor.version'), queryParam(ctx, 'versionDescriptor.versionType'));
  const path = queryParam(ctx, 'path') ?? (p.path ? `/${p.path}` : undefined);
  const repoUrl = repoApiUrl(ctx, ref.project, ref.repo);
  const itemJson = (itemPath: string, content?: string) => ({
    objectId: sha1(`blob:${content ?? itemPath}`),
    gitObjectType: 'blob',
    commitId: commit!.commitId,
    path: itemPath,
    ...(content !== undefined ? { content } : {}),
    url: `${repoUrl}/items?path=${encodeURIComponent(itemPath)}&versionType=Branch&versionOptions=None`,
  });
  if (!commit) throw new AdoError(404, 'GitItemNotFoundException', `TF401174: The item '${path ?? '/'}' could not be found in the repository '${ref.repo.name}'.`);
  if (!path || path === '/') {
    const scope = queryParam(ctx, 'scopePath') ?? '/';
    return list(
      Object.keys(commit.tree)
        .filter((f) => f.startsWith(scope))
        .sort()
        .map((f) => itemJson(f)),
    );
  }
  const content = commit.tree[path];
  if (content === undefined) {
    throw new AdoError(404, 'GitItemNotFoundException', `TF401174: The item '${path}' could not be found in the repository '${ref.repo.name}' at the version specified by '<Branch: ${ref.repo.defaultBranch?.replace(/^refs\/heads\//, '') ?? ''} >' (resolved to commit '${commit.commitId}').`);
  }
  if (queryParam(ctx, '$format') === 'text' || /text\/plain|octet-stream/.test(ctx.headers.accept ?? '')) {
    return { status: 200, text: content, headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
  }
  return json(200, itemJson(path, queryParam(ctx, 'includeContent') === 'true' ? content : undefined));
}

// --- forks (docs/azure-devops-rest.md#forks) ---------------------------------------------------------------------------------

function listForks(ctx: Ctx, p: Params) {
  const o = org(ctx);
  // A release older than REST API 4.1 has no such route.
  if (!servesApiVersion(o, '4.1')) throw notFound(`git/repositories/${p.repositoryNameOrId}/forks`);
  const ref = repoParam(ctx, p, 'repositoryNameOrId');
  // Only forks inside this organization exist in the fake; another collection id has none.
  if (p.collectionId?.toLowerCase() !== o.id.toLowerCase()) return list([]);
  const forks = ctx.state.repos(o).filter((r) => r.repo.parentRepositoryId?.toLowerCase() === ref.repo.id.toLowerCase());
  return list(forks.map((r) => repositoryRef(ctx, r.project, r.repo)));
}

function forkSyncJson(ctx: Ctx, sync: (typeof ctx.state.forkSyncs)[number]) {
  const source = ctx.state.repoById(org(ctx), sync.sourceRepositoryId);
  return {
    operationId: sync.operationId,
    status: sync.status,
    source: { collectionId: org(ctx).id, projectId: source?.project.id, repositoryId: sync.sourceRepositoryId },
    sourceToTargetRefs: sync.sourceToTargetRefs,
    _links: { self: { href: `${ctx.base}/_apis/git/repositories/${sync.forkRepositoryId}/forkSyncRequests/${sync.operationId}` } },
  };
}

function getForkSync(ctx: Ctx, p: Params) {
  const ref = repoParam(ctx, p, 'repositoryNameOrId');
  const sync = ctx.state.forkSyncs.find((s) => s.forkRepositoryId === ref.repo.id && String(s.operationId) === p.forkSyncOperationId);
  if (!sync) throw notFound(`fork sync request ${p.forkSyncOperationId}`);
  advanceForkSync(ctx, sync);
  return json(200, forkSyncJson(ctx, sync));
}

/** One step of a copy in progress per read (docs/azure-devops-rest.md#forks), as the failure modes say. */
function advanceForkSync(ctx: Ctx, sync: (typeof ctx.state.forkSyncs)[number]) {
  const mode = ctx.state.failures.forkSync;
  if (mode === 'hold' || (sync.status !== 'queued' && sync.status !== 'inProgress')) return;
  if (mode === 'fail') {
    sync.status = 'failed';
    return;
  }
  if (sync.status === 'queued') sync.status = 'inProgress';
  else {
    sync.status = 'completed';
    sync.pending?.();
    delete sync.pending;
  }
}

function listForkSyncs(ctx: Ctx, p: Params) {
  const ref = repoParam(ctx, p, 'repositoryNameOrId');
  return list(ctx.state.forkSyncs.filter((s) => s.forkRepositoryId === ref.repo.id).map((s) => forkSyncJson(ctx, s)));
}

/** Sync a fork from its parent: copies the requested refs (or all) at once. */
function createForkSync(ctx: Ctx, p: Params) {
  const ref = repoParam(ctx, p, 'repositoryNameOrId');
  const input = body<{ source?: { repositoryId?: string }; sourceToTargetRefs?: { sourceRef: string; targetRef: string }[] }>(ctx);
  const sourceId = input.source?.repositoryId ?? ref.repo.parentRepositoryId;
  const source = sourceId ? ctx.state.repoById(org(ctx), sourceId) : undefined;
  if (!source) throw repoNotFound(sourceId ?? '');
  const mappings =
    input.sourceToTargetRefs ?? source.repo.branches.map((b) => ({ sourceRef: `refs/heads/${b.name}`, targetRef: `refs/heads/${b.name}` }));
  for (const m of mappings) {
    const objectId = branchObjectId(source.repo, m.sourceRef);
    const target = heads(m.targetRef);
    if (!objectId || !target) continue;
    const existing = ref.repo.branches.find((b) => b.name === target);
    if (existing) existing.objectId = objectId;
    else ref.repo.branches.push({ name: target, objectId });
  }
  const known = new Set(ctx.state.commitsOf(ref.repo.id).map((c) => c.commitId));
  ctx.state.commitsOf(ref.repo.id).push(...ctx.state.commitsOf(source.repo.id).filter((c) => !known.has(c.commitId)));
  const sync = {
    operationId: ctx.state.forkSyncs.length + 1,
    forkRepositoryId: ref.repo.id,
    sourceRepositoryId: source.repo.id,
    status: 'completed' as const,
    sourceToTargetRefs: mappings,
  };
  ctx.state.forkSyncs.push(sync);
  return json(201, forkSyncJson(ctx, sync));
}

// --- table ----------------------------------------------------------------------------------------

const R = '_apis/git/repositories/:repositoryId';
const F = '_apis/git/repositories/:repositoryNameOrId';

export const gitRoutes: Route[] = [
  { method: 'GET', path: '_apis/git/repositories', resource: 'git/repositories', scope: 'vso.code', handler: listRepositories },
  { method: 'POST', path: '_apis/git/repositories', resource: 'git/repositories', scope: 'vso.code_manage', handler: createRepository },
  { method: 'GET', path: R, resource: 'git/repositories', scope: 'vso.code', handler: getRepository },
  { method: 'PATCH', path: R, resource: 'git/repositories', scope: 'vso.code_manage', handler: updateRepository },
  { method: 'DELETE', path: R, resource: 'git/repositories', scope: 'vso.code_manage', handler: deleteRepository },
  { method: 'GET', path: `${R}/refs/*filter`, resource: 'git/refs', scope: 'vso.code', handler: listRefs },
  { method: 'POST', path: `${R}/refs`, resource: 'git/refs', scope: 'vso.code_write', handler: updateRefs },
  { method: 'GET', path: `${R}/pushes`, resource: 'git/pushes', scope: 'vso.code', handler: listPushes },
  { method: 'GET', path: `${R}/pushes/:pushId`, resource: 'git/pushes', scope: 'vso.code', handler: getPush },
  { method: 'POST', path: `${R}/pushes`, resource: 'git/pushes', scope: 'vso.code_write', handler: createPush },
  { method: 'GET', path: `${R}/commits`, resource: 'git/commits', scope: 'vso.code', handler: listCommits },
  { method: 'GET', path: `${R}/commits/:commitId`, resource: 'git/commits', scope: 'vso.code', handler: getCommit },
  { method: 'GET', path: `${R}/diffs/commits`, resource: 'git/diffs', scope: 'vso.code', handler: commitDiffs },
  { method: 'GET', path: `${R}/items/*path`, resource: 'git/items', scope: 'vso.code', handler: getItems },
  { method: 'GET', path: `${F}/forks/:collectionId`, resource: 'git/forks', scope: 'vso.code', handler: listForks },
  { method: 'GET', path: `${F}/forkSyncRequests`, resource: 'git/forkSyncRequests', scope: 'vso.code', handler: listForkSyncs },
  { method: 'GET', path: `${F}/forkSyncRequests/:forkSyncOperationId`, resource: 'git/forkSyncRequests', scope: 'vso.code', handler: getForkSync },
  { method: 'POST', path: `${F}/forkSyncRequests`, resource: 'git/forkSyncRequests', scope: 'vso.code_write', handler: createForkSync },
];
