/**
 * Teams of the organization (docs/pull-request-inbox.md#requests): `GET {org}/_apis/teams` with
 * `$mine=true` (only the caller's teams), `$top` (default 100) and `$skip`; a preview resource
 * (7.1-preview.3), scope `vso.project`. A team is an identity: its `id` is the reviewer id a pull
 * request lists when the team is asked to review.
 */
import { intParam, list, me, org, queryParam, type Ctx } from '../http';
import type { Route } from '../router';
import type { FixtureGroup } from '../fixture-types';

function teamJson(ctx: Ctx, team: FixtureGroup) {
  const project = org(ctx).projects.find((p) => p.name.toLowerCase() === (team.project ?? '').toLowerCase());
  return {
    id: team.id,
    name: team.name,
    url: `${ctx.base}/_apis/projects/${project?.id ?? ''}/teams/${team.id}`,
    description: team.description ?? '',
    identityUrl: `${ctx.base}/_apis/Identities/${team.id}`,
    projectName: project?.name ?? team.project ?? '',
    projectId: project?.id ?? '',
  };
}

function listTeams(ctx: Ctx) {
  const mine = queryParam(ctx, '$mine')?.toLowerCase() === 'true';
  const user = me(ctx).id.toLowerCase();
  const teams = (org(ctx).groups ?? [])
    .filter((g) => g.kind === 'team')
    .filter((g) => !mine || g.members.some((m) => m.toLowerCase() === user))
    .sort((a, b) => a.name.localeCompare(b.name));
  const skip = intParam(ctx, '$skip') ?? 0;
  const top = intParam(ctx, '$top') ?? 100;
  return list(teams.slice(skip, skip + top).map((t) => teamJson(ctx, t)));
}

export const teamRoutes: Route[] = [{ method: 'GET', path: '_apis/teams', resource: 'core/teams', project: 'none', scope: 'vso.project', handler: listTeams }];
