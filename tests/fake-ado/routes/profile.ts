/**
 * app.vssps.visualstudio.com: profile and organizations (docs/azure-devops-rest.md#profile-and-organizations). "The Organizations and Profiles APIs
 * support only OAuth" — org-scoped PATs get 401 (routes are `bearerOnly`).
 */
import { badRequest } from '../errors';
import { json, list, me, queryParam, type Ctx } from '../http';
import type { Route } from '../router';

function profileMe(ctx: Ctx) {
  const user = me(ctx);
  return json(200, {
    displayName: user.displayName,
    publicAlias: user.memberId,
    emailAddress: user.email,
    coreRevision: 1,
    timeStamp: '2026-01-05T09:00:00.000+00:00',
    id: user.memberId,
    revision: 1,
  });
}

function profileById(ctx: Ctx, id: string) {
  if (id.toLowerCase() === 'me' || id.toLowerCase() === me(ctx).memberId.toLowerCase()) return profileMe(ctx);
  return json(404, { $id: '1', innerException: null, message: `Profile ${id} not found.`, typeName: 'Microsoft.VisualStudio.Services.Profile.ProfileNotFoundException', typeKey: 'ProfileNotFoundException', errorCode: 0, eventId: 3000 });
}

/** Cloud organizations the member belongs to (`memberId` or `ownerId` is required, vsts-rest-api-specs#240). */
function accounts(ctx: Ctx) {
  const memberId = queryParam(ctx, 'memberId') ?? queryParam(ctx, 'ownerId');
  if (!memberId) throw badRequest('Necessary parameters ownerId or memberId were not provided.', 'ArgumentException');
  const user = ctx.state.userByMemberId(memberId);
  // Asking about another member answers nothing rather than leaking their orgs.
  if (!user || user.id !== me(ctx).id) return list([]);
  const orgs = ctx.state.data.organizations.filter((o) => o.kind === 'cloud' && ctx.state.isMember(o, user.id));
  return list(
    orgs.map((o) => ({
      accountId: o.id,
      accountUri: `https://vssps.dev.azure.com/${o.name}/`,
      accountName: o.name,
      properties: {},
    })),
  );
}

export const profileRoutes: Route[] = [
  { method: 'GET', path: '_apis/profile/profiles/:id', resource: 'profile/profiles', project: 'none', sites: ['app-vssps'], scope: 'vso.profile', bearerOnly: true, handler: (ctx, p) => profileById(ctx, p.id!) },
  { method: 'GET', path: '_apis/accounts', resource: 'account/accounts', project: 'none', sites: ['app-vssps'], scope: 'vso.profile', bearerOnly: true, handler: accounts },
];
