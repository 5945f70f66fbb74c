/**
 * Work items (docs/azure-devops-rest.md#work-items): read by ids (org- or project-level, `errorPolicy=omit` → null entries),
 * read one, the batch POST, and the json-patch PATCH that links a pull request after the fact.
 */
import { AdoError, badRequest, workItemNotFound } from '../errors';
import { errorPolicy } from '../enums';
import type { FixtureWorkItem } from '../fixture-types';
import { body, header, json, org, queryParam, type Ctx } from '../http';
import type { Params, Route } from '../router';
import { identityRef } from '../shapes';
import { projectParam } from './git';

function workItemJson(ctx: Ctx, item: FixtureWorkItem, fields?: string[]) {
  const assignee = item.assignedTo ? ctx.state.user(item.assignedTo) : undefined;
  const all: Record<string, unknown> = {
    'System.Id': item.id,
    'System.AreaPath': item.project,
    'System.TeamProject': item.project,
    'System.IterationPath': item.project,
    'System.WorkItemType': item.type,
    'System.State': item.state,
    'System.Reason': item.state === 'New' ? 'New' : 'Moved to state',
    ...(assignee ? { 'System.AssignedTo': identityRef(ctx, assignee) } : {}),
    'System.Title': item.title,
  };
  const picked = fields ? Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]])) : all;
  return { id: item.id, rev: 1, fields: picked, url: `${ctx.base}/_apis/wit/workItems/${item.id}` };
}

function findItems(ctx: Ctx, p: Params, ids: number[]) {
  const project = projectParam(ctx, p);
  return ids.map((id) => org(ctx).workItems.find((w) => w.id === id && (!project || w.project.toLowerCase() === project.name.toLowerCase())));
}

function parseIds(raw: string | undefined | number[]): number[] {
  const ids = Array.isArray(raw) ? raw.map(Number) : (raw ?? '').split(',').filter((s) => s.trim() !== '').map((s) => Number(s.trim()));
  if (ids.length === 0) throw badRequest('The ids parameter is required.', 'ArgumentNullException');
  if (ids.some((id) => !Number.isInteger(id) || id <= 0)) throw badRequest('The ids parameter must contain positive integers.');
  if (ids.length > 200) throw badRequest('The maximum number of work items that can be requested is 200.', 'VssPropertyValidationException');
  return ids;
}

/** `errorPolicy=omit` answers null for missing items; otherwise the first missing one is a 404. */
function answerItems(ctx: Ctx, p: Params, ids: number[], fields: string[] | undefined, policy: string | undefined) {
  const items = findItems(ctx, p, ids);
  if (policy !== 'omit') {
    const missing = ids.find((_, i) => !items[i]);
    if (missing !== undefined) throw workItemNotFound(missing);
  }
  return json(200, { count: items.length, value: items.map((item) => (item ? workItemJson(ctx, item, fields) : null)) });
}

function getWorkItems(ctx: Ctx, p: Params) {
  const fields = queryParam(ctx, 'fields')?.split(',').map((f) => f.trim()).filter(Boolean);
  return answerItems(ctx, p, parseIds(queryParam(ctx, 'ids')), fields, errorPolicy(queryParam(ctx, 'errorPolicy')));
}

function batch(ctx: Ctx, p: Params) {
  const input = body<{ ids?: number[]; fields?: string[]; errorPolicy?: unknown }>(ctx);
  return answerItems(ctx, p, parseIds(input.ids ?? []), input.fields, errorPolicy(input.errorPolicy));
}

function getWorkItem(ctx: Ctx, p: Params) {
  const [item] = findItems(ctx, p, [Number(p.id)]);
  if (!item) throw workItemNotFound(p.id!);
  return json(200, workItemJson(ctx, item));
}

/**
 * PATCH (json-patch): field edits on /fields/System.Title|System.State and
 * `add /relations/-` with an ArtifactLink to a pull request, which links it (docs/azure-devops-rest.md#work-items).
 */
function patchWorkItem(ctx: Ctx, p: Params) {
  if (!/json-patch\+json/i.test(header(ctx, 'content-type') ?? '')) {
    throw new AdoError(415, 'VssRequestContentTypeNotSupportedException', 'The request indicated a Content-Type of "application/json" for method type "PATCH" which is not supported. Valid content types for this method are: application/json-patch+json.');
  }
  const [item] = findItems(ctx, p, [Number(p.id)]);
  if (!item) throw workItemNotFound(p.id!);
  const ops = body<{ op?: string; path?: string; value?: unknown }[]>(ctx);
  if (!Array.isArray(ops)) throw badRequest('The body must be a JSON patch document (an array of operations).');
  for (const op of ops) {
    if (op.path === '/fields/System.Title' && typeof op.value === 'string') item.title = op.value;
    else if (op.path === '/fields/System.State' && typeof op.value === 'string') item.state = op.value;
    else if (op.op === 'add' && op.path === '/relations/-') linkArtifact(ctx, item, op.value as { rel?: string; url?: string });
  }
  return json(200, workItemJson(ctx, item));
}

/** vstfs:///Git/PullRequestId/{projectId}%2F{repoId}%2F{prId} (both `/` and `%2F` are accepted). */
function linkArtifact(ctx: Ctx, item: FixtureWorkItem, relation: { rel?: string; url?: string } | undefined) {
  const url = decodeURIComponent(relation?.url ?? '');
  const match = /^vstfs:\/\/\/Git\/PullRequestId\/([^/]+)\/([^/]+)\/(\d+)$/i.exec(url);
  if (relation?.rel !== 'ArtifactLink' || !match) return;
  const ref = ctx.state.pullRequest(org(ctx), Number(match[3]));
  if (!ref || ref.repo.id.toLowerCase() !== match[2]!.toLowerCase()) throw badRequest(`The artifact ${relation.url} could not be found.`);
  const ids = (ref.pr.workItemIds ??= []);
  if (!ids.includes(item.id)) ids.push(item.id);
}

export const workItemRoutes: Route[] = [
  { method: 'GET', path: '_apis/wit/workItems', resource: 'wit/workItems', scope: 'vso.work', handler: getWorkItems },
  { method: 'GET', path: '_apis/wit/workItems/:id', resource: 'wit/workItems', scope: 'vso.work', handler: getWorkItem },
  { method: 'PATCH', path: '_apis/wit/workItems/:id', resource: 'wit/workItems', scope: 'vso.work_write', handler: patchWorkItem },
  { method: 'POST', path: '_apis/wit/workItemsBatch', resource: 'wit/workItemsBatch', scope: 'vso.work', handler: batch },
];
