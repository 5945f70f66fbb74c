/**
 * Resource locations, as `OPTIONS {base}/_apis/{area}` returns them (docs/azure-devops-rest.md#versions-headers-errors, resource locations).
 * This is how azure-devops-node-api finds routes and negotiates versions
 * (VsoClient.beginGetAreaLocations / autoNegotiateApiVersion): every method the client uses must
 * find its location id here, and the route template must produce a path the routers serve.
 *
 * Ids, resource names and resource versions are those azure-devops-node-api 17 asks for
 * (GitApi.js, CoreApi.js, WorkItemTrackingApi.js, LocationsApi.js); templates are the service's.
 */
import type { FixtureOrganization } from './fixture-types';
import { CLOUD_RELEASED_API_VERSION, newestApiVersionOf } from './state';
import { releasedVersionOf, type ResourceName } from './resource-versions';

export interface ApiResourceLocation {
  id: string;
  area: string;
  resourceName: string;
  routeTemplate: string;
  resourceVersion: number;
  minVersion: string;
  maxVersion: string;
  releasedVersion: string;
}

type Loc = [id: string, area: string, resourceName: string, routeTemplate: string, resourceVersion: number, resource: ResourceName];

const REPO = '{project}/_apis/{area}/repositories/{repositoryId}';
const PR = `${REPO}/pullRequests/{pullRequestId}`;

const LOCATIONS: Loc[] = [
  ['00d9565f-ed9c-4a06-9a50-00e7896ccab4', 'Location', 'ConnectionData', '_apis/{resource}', 1, 'location/connectionData'],
  ['e81700f7-3be2-46de-8624-2eb35882fcaa', 'Location', 'ResourceAreas', '_apis/{resource}/{areaId}', 1, 'location/resourceAreas'],
  ['603fe2ac-9723-48b9-88ad-09305aa6c6e1', 'core', 'projects', '_apis/{resource}/{*projectId}', 4, 'core/projects'],
  ['7a4d9ee9-3433-4347-b47a-7a80f1cf307e', 'core', 'teams', '_apis/{resource}', 3, 'core/teams'],
  ['225f7195-f9c7-4d14-ab28-a83f7ff77e1f', 'git', 'repositories', '{project}/_apis/{area}/{resource}/{repositoryId}', 2, 'git/repositories'],
  ['2d874a60-a811-4f62-9c9f-963a6ea0a55b', 'git', 'refs', `${REPO}/{resource}/{*filter}`, 2, 'git/refs'],
  ['ea98d07b-3c87-4971-8ede-a613694ffb55', 'git', 'pushes', `${REPO}/{resource}/{pushId}`, 3, 'git/pushes'],
  ['c2570c3b-5b3f-41b8-98bf-5407bfde8d58', 'git', 'commits', `${REPO}/{resource}/{commitId}`, 2, 'git/commits'],
  ['615588d5-c0c7-4b88-88f8-e625306446e8', 'git', 'commits', `${REPO}/diffs/{resource}`, 1, 'git/diffs'],
  ['fb93c0db-47ed-4a31-8c20-47552878fb44', 'git', 'items', `${REPO}/{resource}/{*path}`, 1, 'git/items'],
  ['9946fd70-0d40-406e-b686-b4744cbbcc37', 'git', 'pullRequests', `${REPO}/{resource}/{pullRequestId}`, 2, 'git/pullRequests'],
  ['a5d28130-9cd2-40fa-9f08-902e7daa9efb', 'git', 'pullRequests', '{project}/_apis/{area}/{resource}', 2, 'git/pullRequests'],
  ['01a46dea-7d46-4d40-bc84-319e7c260d99', 'git', 'pullRequests', '{project}/_apis/{area}/{resource}/{pullRequestId}', 2, 'git/pullRequests'],
  ['4b6702c7-aa35-4b89-9c96-b9abf6d3e540', 'git', 'reviewers', `${PR}/{resource}/{reviewerId}`, 1, 'git/pullRequestReviewers'],
  ['0a637fcc-5370-4ce8-b0e8-98091f5f9482', 'git', 'workItems', `${PR}/{resource}`, 1, 'git/pullRequestWorkItems'],
  ['158c0340-bf6f-489c-9625-d572a1480d57', 'git', 'forks', '{project}/_apis/{area}/repositories/{repositoryNameOrId}/{resource}/{collectionId}', 1, 'git/forks'],
  ['1703f858-b9d1-46af-ab62-483e9e1055b5', 'git', 'forkSyncRequests', '{project}/_apis/{area}/repositories/{repositoryNameOrId}/{resource}/{forkSyncOperationId}', 1, 'git/forkSyncRequests'],
  ['72c7ddf8-2cdc-4f60-90cd-ab71c14a399b', 'wit', 'workItems', '{project}/_apis/{area}/{resource}/{id}', 3, 'wit/workItems'],
  ['dad91cbe-d183-45f8-9c6e-9c1164472121', 'policy', 'configurations', '{project}/_apis/{area}/{resource}/{configurationId}', 1, 'policy/configurations'],
];

/** Resource areas and where they live (GET _apis/ResourceAreas; WebApi._getResourceAreaUrl). */
export const RESOURCE_AREAS = [
  { id: '79134c72-4a58-4b42-976c-04e7115f32bf', name: 'core' },
  { id: '4e080c62-fa21-4fbc-8fef-2a10a2b38049', name: 'git' },
  { id: '5264459e-e5e0-4bd8-b118-0985e68a4ec5', name: 'wit' },
  { id: 'fb13a388-40dd-4a04-b530-013a739c72ef', name: 'policy' },
  { id: '8ccfef3d-2b87-4e99-8ccb-66e343d2daa8', name: 'Profile', fixedUrl: 'https://app.vssps.visualstudio.com/' },
] as const;

/**
 * Locations of one area (or all), capped at what the org serves (Server: its maxApiVersion); a
 * resource Learn lists only as a preview reports `releasedVersion` 0.0, as the service does for one.
 */
export function locationsFor(org: FixtureOrganization, area?: string): ApiResourceLocation[] {
  const max = newestApiVersionOf(org);
  const released = org.kind === 'server' ? max : CLOUD_RELEASED_API_VERSION;
  return LOCATIONS.filter(([, a]) => !area || a.toLowerCase() === area.toLowerCase()).map(
    ([id, a, resourceName, routeTemplate, resourceVersion, resource]) => ({
      id,
      area: a,
      resourceName,
      routeTemplate,
      resourceVersion,
      minVersion: '1.0',
      maxVersion: max,
      releasedVersion: releasedVersionOf(resource, released) ?? '0.0',
    }),
  );
}
