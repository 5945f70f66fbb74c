/**
 * The api-versions the fake serves each resource at, as Microsoft Learn's REST reference documents
 * them (docs/azure-devops-rest.md#resource-versions). `released` is the newest version Learn lists
 * without `-preview` on Services; null: Learn lists it only as a preview (or it is undocumented and
 * the web UI calls it with `-preview`). A released version above it is refused with 400
 * VssInvalidPreviewVersionException (pipeline.ts), and OPTIONS reports it as `releasedVersion`
 * (locations.ts), which is how azure-devops-node-api picks what to send.
 */
const LEARN = 'https://learn.microsoft.com/rest/api/azure/devops';

export const RESOURCE_VERSIONS = {
  'location/connectionData': { released: '7.1', learn: null },
  'location/resourceAreas': { released: null, learn: `${LEARN}/locations/resource-areas/list` },
  'core/projects': { released: '7.1', learn: `${LEARN}/core/projects/list` },
  'core/teams': { released: null, learn: `${LEARN}/core/teams/get-all-teams` },
  'git/repositories': { released: '7.1', learn: `${LEARN}/git/repositories/list` },
  'git/refs': { released: '7.1', learn: `${LEARN}/git/refs/list` },
  'git/pushes': { released: '7.1', learn: `${LEARN}/git/pushes/create` },
  'git/commits': { released: '7.1', learn: `${LEARN}/git/commits/get-commits` },
  'git/diffs': { released: '7.1', learn: `${LEARN}/git/diffs/get` },
  'git/items': { released: '7.1', learn: `${LEARN}/git/items/get` },
  'git/forks': { released: '7.1', learn: `${LEARN}/git/forks/list` },
  'git/forkSyncRequests': { released: '7.1', learn: `${LEARN}/git/forks/get-fork-sync-request` },
  'git/pullRequests': { released: '7.1', learn: `${LEARN}/git/pull-requests/get-pull-requests` },
  'git/pullRequestReviewers': { released: '7.1', learn: `${LEARN}/git/pull-request-reviewers/list` },
  'git/pullRequestWorkItems': { released: '7.1', learn: `${LEARN}/git/pull-request-work-items/list` },
  'policy/configurations': { released: '7.1', learn: `${LEARN}/policy/configurations/list` },
  'ims/identities': { released: '7.1', learn: `${LEARN}/ims/identities/read-identities` },
  'graph/subjectQuery': { released: null, learn: `${LEARN}/graph/subject-query/query` },
  'graph/storageKeys': { released: null, learn: `${LEARN}/graph/storage-keys/get` },
  // Learn's 7.1 pages list Work Items at 7.1-preview.3 (6.1: 6.1-preview.3); 7.0 is the released one.
  'wit/workItems': { released: '7.0', learn: `${LEARN}/wit/work-items/list` },
  'wit/workItemsBatch': { released: '7.1', learn: `${LEARN}/wit/work-items/get-work-items-batch` },
  'profile/profiles': { released: null, learn: `${LEARN}/profile/profiles/get` },
  'account/accounts': { released: null, learn: `${LEARN}/account/accounts/list` },
  // Undocumented; the web UI sends them with -preview (docs/azure-devops-rest.md#identity-picker, #ssh-keys).
  'IdentityPicker/Identities': { released: null, learn: null },
  'Token/SessionTokens': { released: null, learn: null },
  'Contribution/HierarchyQuery': { released: null, learn: null },
} as const satisfies Record<string, { released: string | null; learn: string | null }>;

export type ResourceName = keyof typeof RESOURCE_VERSIONS;

/** The newest version served without `-preview`: the resource's, capped at what the organization serves. */
export function releasedVersionOf(resource: ResourceName, organizationReleased: string): string | null {
  const released = RESOURCE_VERSIONS[resource].released;
  if (released === null) return null;
  return Number(released) <= Number(organizationReleased) ? released : organizationReleased;
}
