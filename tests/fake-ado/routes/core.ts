/**
 * Core: projects (docs/azure-devops-rest.md#profile-and-organizations "Projects"). Scope `vso.project` (the spec also accepts `vso.profile`).
 * Paging: `$top` / `$skip` / `continuationToken` (an integer: how many were already fetched); when
 * more remain the next token is sent in `x-ms-continuationtoken`.
 */
import { projectNotFound } from '../errors';
import { intParam, json, list, org, queryParam, type Ctx } from '../http';
import type { Route } from '../router';
import { projectRef } from '../shapes';
import type { FixtureProject } from '../fixture-types';

function listProjects(ctx: Ctx) {
  const all = org(ctx).projects;
  const skip = intParam(ctx, 'continuationToken') ?? intParam(ctx, '$skip') ?? 0;
  const top = intParam(ctx, '$top') ?? 100;
  const page = all.slice(skip, skip + top);
  const headers = skip + top < all.length ? { 'x-ms-continuationtoken': String(skip + top) } : undefined;
  return list(
    page.map((p) => projectRef(ctx, p)),
    headers,
  );
}

function teamProject(ctx: Ctx, project: FixtureProject) {
  const ref = projectRef(ctx, project);
  const teamId = project.id.replace(/^.{8}/, 'a0a0a0a0');
  return {
    ...ref,
    _links: {
      self: { href: ref.url },
      collection: { href: `${ctx.base}/_apis/projectCollections/${org(ctx).id}` },
      web: { href: `${ctx.base}/${encodeURIComponent(project.name)}` },
    },
    defaultTeam: { id: teamId, name: `${project.name} Team`, url: `${ctx.base}/_apis/projects/${project.id}/teams/${teamId}` },
    ...(queryParam(ctx, 'includeCapabilities') === 'true'
      ? {
          capabilities: {
            versioncontrol: { sourceControlType: 'Git', gitEnabled: 'True', tfvcEnabled: 'False' },
            processTemplate: { templateName: 'Agile', templateTypeId: 'adcc42ab-9882-485e-a3ed-7678f01f66bc' },
          },
        }
      : {}),
  };
}

function getProject(ctx: Ctx, idOrName: string) {
  const project = ctx.state.project(org(ctx), idOrName);
  if (!project) throw projectNotFound(idOrName);
  return json(200, teamProject(ctx, project));
}

export const coreRoutes: Route[] = [
  { method: 'GET', path: '_apis/projects', resource: 'core/projects', project: 'none', scope: ['vso.project', 'vso.profile'], handler: listProjects },
  {
    method: 'GET',
    path: '_apis/projects/:projectId', resource: 'core/projects',
    project: 'none',
    scope: ['vso.project', 'vso.profile'],
    handler: (ctx, p) => getProject(ctx, p.projectId!),
  },
];
