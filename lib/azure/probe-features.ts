/**
 * What a token may do in one organization, found by asking Azure DevOps (a PAT's scopes cannot be
 * read back). Every probe is harmless:
 * - read scopes: the cheapest read of that area;
 * - write scopes: a request the server must reject for its body *after* authorizing it (Azure
 *   DevOps checks the token's scope for the route before it looks at the body or the target):
 *   a 400/404 means "allowed", 401 TF400813/403 means "not allowed". Nothing is ever created.
 * Probes run in parallel. A missing scope is `false`. Anything else that goes wrong (a network
 * failure, a timeout, a 5xx, an API a server lacks) is `null`, "could not check": the capability is
 * optional, and a hiccup in one probe must never fail a sign-in whose identity is already proven.
 */
import { AppError, type ErrorKind } from '../errors/app-error';
import type { RestClient } from './rest-client';
import { vsspsBaseOf } from './azure-hosts';

/** true: allowed; false: refused (scope or policy); null: could not check (try again later). */
export type FeatureState = boolean | null;

/** What a token may do in one organization (stored on the account, shown in the popup). */
export type FeatureAccess = {
  browse: FeatureState;
  createRepository: FeatureState;
  pullRequests: FeatureState;
  reviewers: FeatureState;
  workItems: FeatureState;
  sshKeys: FeatureState;
};

const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

/** The scope is missing (PAT) or the org refuses this sign-in for this route. */
const DENIED: ReadonlySet<ErrorKind> = new Set(['auth-missing-scope', 'oauth-blocked-by-policy']);
/** What a write probe gets once the scope check passed: the body or the target was refused. */
const REJECTED_AFTER_AUTHORIZATION: ReadonlySet<ErrorKind> = new Set(['invalid-input', 'invalid-name', 'not-found', 'conflict']);
/**
 * docs/azure-devops-rest.md#ssh-keys: the SSH key API is internal; which credentials it takes is unverified. Any refusal
 * (401/403/404, a sign-in page) means "use the SSH keys page instead".
 */
const SSH_UNAVAILABLE: ReadonlySet<ErrorKind> = new Set([...DENIED, 'auth-invalid', 'auth-expired', 'not-found', 'invalid-input']);

export async function probeFeatures(client: RestClient, baseUrl: string): Promise<FeatureAccess> {
  const base = baseUrl.replace(/\/+$/, '');
  const vssps = vsspsBaseOf(base);

  const [browse, createRepository, pullRequests, reviewers, workItems, sshKeys] = await Promise.all([
    // vso.code
    probe(() => client.request({ url: `${base}/_apis/git/repositories`, query: { $top: 1 } }), DENIED),
    // vso.code_manage: no name, no project → 400 once authorized.
    probe(() => client.request({ method: 'POST', url: `${base}/_apis/git/repositories`, body: {} }), DENIED, REJECTED_AFTER_AUTHORIZATION),
    // vso.code_write: a repository that cannot exist → 404 TF401019 (or 400 for the empty GUID) once authorized.
    probe(
      () => client.request({ method: 'POST', url: `${base}/_apis/git/repositories/${ZERO_GUID}/pullrequests`, body: {} }),
      DENIED,
      REJECTED_AFTER_AUTHORIZATION,
    ),
    // vso.identity (assumed, docs/azure-devops-rest.md#personal-access-tokens): a search is read-only. 404: no picker on this server (docs/azure-devops-rest.md#identity-picker).
    probe(
      () =>
        client.request({
          method: 'POST',
          url: `${base}/_apis/IdentityPicker/Identities`,
          body: { query: 'a', identityTypes: ['user'], operationScopes: ['ims'], options: { MinResults: 1, MaxResults: 1 }, properties: ['DisplayName'] },
        }),
      new Set([...DENIED, 'not-found']),
    ),
    // vso.work: errorPolicy=omit answers a missing item with null instead of 404.
    probe(() => client.request({ url: `${base}/_apis/wit/workitems`, query: { ids: 1, errorPolicy: 'omit' } }), DENIED),
    // Cloud only (docs/azure-devops-rest.md#ssh-keys); Server has no such API.
    vssps
      ? probe(
          () =>
            client.request({
              url: `${vssps}/_apis/Token/SessionTokens`,
              query: { isPublic: true, includePublicData: true },
            }),
          SSH_UNAVAILABLE,
        )
      : Promise.resolve(false),
  ]);
  return { browse, createRepository, pullRequests, reviewers, workItems, sshKeys };
}

/**
 * true when the request succeeds (or fails in a way that proves authorization passed);
 * false when it is refused for scope/policy; null for anything else.
 */
async function probe(run: () => Promise<unknown>, denied: ReadonlySet<ErrorKind>, allowed: ReadonlySet<ErrorKind> = new Set()): Promise<FeatureState> {
  try {
    await run();
    return true;
  } catch (error) {
    if (!(error instanceof AppError)) return null;
    if (denied.has(error.kind)) return false;
    if (allowed.has(error.kind)) return true;
    return null;
  }
}
