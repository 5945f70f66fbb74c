/**
 * Location service: connectionData (docs/azure-devops-rest.md#personal-access-tokens), resource areas and
 * `OPTIONS /_apis/{area}` route discovery (docs/azure-devops-rest.md#versions-headers-errors) — what `WebApi.connect()` and every
 * `WebApi.getXxxApi()` of azure-devops-node-api call first.
 */
import { identity } from '../shapes';
import { json, list, me, org, type Ctx } from '../http';
import { locationsFor, RESOURCE_AREAS } from '../locations';
import type { Route } from '../router';
import { guidFrom } from '../state';

function connectionData(ctx: Ctx) {
  const o = org(ctx);
  const user = me(ctx);
  const self = identity(ctx, user);
  return json(200, {
    authenticatedUser: self,
    authorizedUser: self,
    instanceId: o.id,
    deploymentId: guidFrom(`deployment:${o.kind}:${o.serverHost ?? 'cloud'}`),
    deploymentType: o.kind === 'cloud' ? 'hosted' : 'onPremises',
    locationServiceData: {
      serviceOwner: o.kind === 'cloud' ? '00025394-6065-48ca-87d9-7f5672854ef7' : '394946ec-2d2f-4a51-9ffb-a0be8a1c4bb1',
      defaultAccessMappingMoniker: 'PublicAccessMapping',
      lastChangeId: 1,
      lastChangeId64: 1,
      clientCacheFresh: false,
      clientCacheTimeToLive: 3600,
      accessMappings: [
        {
          displayName: 'Public Access Mapping',
          moniker: 'PublicAccessMapping',
          accessPoint: `${ctx.base}/`,
          serviceOwner: '00000000-0000-0000-0000-000000000000',
          virtualDirectory: '',
        },
      ],
      serviceDefinitions: [],
    },
    webApplicationRelativeDirectory: `${ctx.site.basePath}/`,
  });
}

/**
 * GET _apis/ResourceAreas. Cloud answers where each area lives; Server answers
 * `{ count: 0, value: null }`, which the node client reads as "everything under the base URL".
 */
function resourceAreas(ctx: Ctx) {
  const o = org(ctx);
  if (o.kind === 'server') return json(200, { count: 0, value: null });
  return list(
    RESOURCE_AREAS.map((area) => ({
      id: area.id,
      name: area.name,
      locationUrl: 'fixedUrl' in area ? area.fixedUrl : `${ctx.base}/`,
    })),
  );
}

export const locationRoutes: Route[] = [
  {
    method: 'OPTIONS',
    path: '_apis/:area?', resource: null,
    project: 'none',
    sites: ['ado', 'vssps'],
    scope: 'any',
    anonymous: true,
    handler: (ctx, p) => list(locationsFor(org(ctx), p.area)),
  },
  { method: 'GET', path: '_apis/connectionData', resource: 'location/connectionData', project: 'none', sites: ['ado', 'vssps'], scope: 'any', handler: connectionData },
  { method: 'GET', path: '_apis/ResourceAreas/:areaId?', resource: 'location/resourceAreas', project: 'none', sites: ['ado'], scope: 'any', handler: resourceAreas },
];
