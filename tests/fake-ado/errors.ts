/**
 * The Azure DevOps error envelope (docs/azure-devops-rest.md) and the errors the fake raises.
 * Routes `throw` an AdoError; server.ts turns it into the JSON envelope (or, for the few routes
 * that answer HTML, into a page). Messages follow docs/azure-devops-rest.md#personal-access-tokens, docs/entra-oauth.md, docs/azure-devops-rest.md#profile-and-organizations, docs/azure-devops-rest.md#repositories, docs/azure-devops-rest.md#pull-requests, docs/azure-devops-rest.md#throttling, docs/azure-devops-rest.md#versions-headers-errors of the spec; the ones the
 * spec does not quote are marked "guessed" so nobody mistakes them for the real wording.
 */

export interface ErrorEnvelope {
  $id: '1';
  innerException: null;
  message: string;
  typeName: string;
  typeKey: string;
  errorCode: 0;
  eventId: 3000;
}

/** .NET type names, for the `typeName` field (cosmetic; clients branch on typeKey). */
const TYPE_NAMESPACES: Record<string, string> = {
  Git: 'Microsoft.TeamFoundation.Git.Server',
  Project: 'Microsoft.TeamFoundation.Core.WebApi',
  WorkItem: 'Microsoft.TeamFoundation.WorkItemTracking.Server',
  Vss: 'Microsoft.VisualStudio.Services.WebApi',
};

function typeNameOf(typeKey: string): string {
  const ns = typeKey.startsWith('Git')
    ? TYPE_NAMESPACES.Git
    : typeKey.startsWith('Project')
      ? TYPE_NAMESPACES.Project
      : typeKey.startsWith('WorkItem')
        ? TYPE_NAMESPACES.WorkItem
        : TYPE_NAMESPACES.Vss;
  return `${ns}.${typeKey}, ${ns}`;
}

export class AdoError extends Error {
  /** True when the credential itself was not accepted: the caller gets the 401/203 sign-in treatment (docs/azure-devops-rest.md#versions-headers-errors). */
  challenge = false;

  constructor(
    readonly status: number,
    readonly typeKey: string,
    message: string,
    readonly headers: Record<string, string | string[]> = {},
  ) {
    super(message);
  }

  envelope(): ErrorEnvelope {
    return {
      $id: '1',
      innerException: null,
      message: this.message,
      typeName: typeNameOf(this.typeKey),
      typeKey: this.typeKey,
      errorCode: 0,
      eventId: 3000,
    };
  }
}

// --- auth (docs/azure-devops-rest.md#personal-access-tokens, docs/entra-oauth.md, docs/azure-devops-rest.md#versions-headers-errors) -----------------------------------------------------------------------------

/** Bad, unknown or wrong-org credentials (guessed wording; seen in the wild as VS30063). */
export const notAuthenticated = (origin: string, headers: Record<string, string | string[]> = {}) => {
  const error = new AdoError(401, 'UnauthorizedRequestException', `VS30063: You are not authorized to access ${origin}.`, headers);
  error.challenge = true;
  return error;
};

export const patExpired = () =>
  new AdoError(401, 'AccessCheckException', 'Access Denied: The Personal Access Token used has expired.');

/** Missing scope, OAuth policy off, not a member (docs/azure-devops-rest.md#personal-access-tokens, docs/entra-oauth.md). */
export const notAuthorized = (userId: string) =>
  new AdoError(401, 'UnauthorizedRequestException', `TF400813: The user '${userId}' is not authorized to access this resource.`);

/** Bearer token from another Entra tenant than the one backing the organization (guessed wording). */
export const wrongTenant = (org: string, orgTenant: string, tokenTenant: string) =>
  new AdoError(
    401,
    'UnauthorizedRequestException',
    `VS800075: The organization '${org}' is connected to the directory (tenant) '${orgTenant}', ` +
      `but the access token was issued by the directory '${tokenTenant}'. Sign in with an account of tenant '${orgTenant}'.`,
  );

// --- versions (docs/azure-devops-rest.md#versions-headers-errors) -----------------------------------------------------------------------------------

export const versionOutOfRange = (requested: string, latest: string) =>
  new AdoError(
    400,
    'VssVersionOutOfRangeException',
    `The requested REST API version of ${requested} is out of range for this server. The latest REST API version this server supports is ${latest}.`,
  );

export const previewFlagRequired = (requested: string) =>
  new AdoError(
    400,
    'VssInvalidPreviewVersionException',
    `The requested version "${requested}" of the resource is under preview. The -preview flag must be supplied in the api-version for such requests. For example: "${requested}-preview"`,
  );

export const versionNotSpecified = (method: string) =>
  new AdoError(
    400,
    'VssVersionNotSpecifiedException',
    `No api-version was supplied for the "${method}" request. The version must be supplied either as part of the Accept header (e.g. "application/json; api-version=1.0") or as a query parameter (e.g. '?api-version=1.0').`,
  );

export const badApiVersion = (requested: string) =>
  new AdoError(400, 'VssInvalidApiVersionException', `The api-version '${requested}' is not valid.`);

// --- throttling (docs/azure-devops-rest.md#throttling) --------------------------------------------------------------------------------

export const throttled = () =>
  new AdoError(
    429,
    'RequestBlockedException',
    "TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource 'ATCPU' in namespace 'User'.",
  );

// --- not found / conflicts (docs/azure-devops-rest.md#repositories, docs/azure-devops-rest.md#forks, docs/azure-devops-rest.md#pull-requests, docs/azure-devops-rest.md#identity-picker, docs/azure-devops-rest.md#work-items, docs/azure-devops-rest.md#versions-headers-errors) -------------------------------------------------------------

export const orgNotFound = (name: string) =>
  new AdoError(404, 'HostNotFoundException', `The organization '${name}' could not be found.`); // guessed wording

export const projectNotFound = (name: string) =>
  new AdoError(
    404,
    'ProjectDoesNotExistWithNameException',
    `TF200016: The following project does not exist: ${name}. Verify that the name of the project is correct and that the project exists on the specified Azure DevOps Server.`,
  );

export const repoNotFound = (nameOrId: string) =>
  new AdoError(
    404,
    'GitRepositoryNotFoundException',
    `TF401019: The Git repository with name or identifier ${nameOrId} does not exist or you do not have permissions for the operation you are attempting.`,
  );

export const repoNameTaken = (name: string) =>
  new AdoError(409, 'GitRepositoryNameAlreadyExistsException', `TF400948: A Git repository with the name ${name} already exists.`);

export const invalidRepoName = (name: string, reason: string) =>
  new AdoError(400, 'InvalidArgumentValueException', `TF401025: '${name}' is not a valid name for a Git repository: ${reason}`); // code guessed

/**
 * Forks turned off by an organization or project policy. Azure DevOps documents the setting but not the
 * refusal: its status, type and wording here are our assumption (docs/azure-devops-rest.md#forks).
 */
export const forksDisabled = () =>
  new AdoError(403, 'GitForkOperationDisabledException', 'Forks are disabled by a policy of this organization or project.');

/** A Git permission the user lacks in the project (docs/azure-devops-rest.md#create-repository; the details wording is guessed). */
export const needsGitPermission = (permission: string, identity: string) =>
  new AdoError(
    403,
    'GitNeedsPermissionException',
    `TF401027: You need the Git '${permission}' permission to perform this action. Details: identity '${identity}', scope 'project'.`,
  );

export const guidEmpty = (parameter: string) =>
  new AdoError(400, 'ArgumentException', `The guid specified for parameter ${parameter} must not be Guid.Empty.`);

export const pullRequestNotFound = (id: number | string) =>
  new AdoError(404, 'GitPullRequestNotFoundException', `TF401180: The requested pull request ${id} cannot be found.`);

export const pullRequestExists = () =>
  new AdoError(409, 'GitPullRequestExistsException', 'TF401179: An active pull request for the source and target branch already exists.');

export const refStale = (name: string) =>
  new AdoError(
    409,
    'GitReferenceStaleException',
    `TF401028: The reference '${name}' has already been updated by another client, so you cannot update it. Please try again.`,
  );

/** A version descriptor (branch, commit, tag) that names nothing in the repository. */
export const unresolvableVersion = (version: string, versionType: string | undefined, repo: string) => {
  const kind = (versionType ?? 'branch').toLowerCase();
  const label = kind === 'commit' ? 'Commit' : kind === 'tag' ? 'Tag' : 'Branch';
  return new AdoError(
    404,
    'GitUnresolvableToCommitException',
    `TF401175: The version descriptor <${label}: ${version}> could not be resolved to a version in the repository ${repo}`,
  );
};

export const branchNotFound = (name: string, repo: string) =>
  new AdoError(
    400,
    'GitPullRequestCannotBeCreatedException', // guessed type
    `TF401398: The pull request cannot be activated because the source and/or the target branch no longer exists, or the requested refs are not branches (${name} in ${repo}).`,
  );

export const sameSourceAndTarget = () =>
  new AdoError(400, 'InvalidArgumentValueException', 'TF401394: The source and target branch must be different.'); // guessed code

export const identityNotRecognized = (id: string) =>
  new AdoError(400, 'InvalidArgumentValueException', `The identity ${id} is not recognized.`);

export const reviewerNotFound = (id: string) =>
  new AdoError(404, 'GitPullRequestReviewerNotFoundException', `TF401181: The reviewer '${id}' was not found on this pull request.`); // guessed code

export const workItemNotFound = (id: number | string) =>
  new AdoError(404, 'WorkItemUnauthorizedAccessException', `TF401232: Work item ${id} does not exist, or you do not have permissions to read it.`);

export const badRequest = (message: string, typeKey = 'InvalidArgumentValueException') => new AdoError(400, typeKey, message);

export const notFound = (what: string) =>
  new AdoError(404, 'NotFoundException', `The requested resource ${what} was not found.`); // generic routing 404

export const methodNotAllowed = (method: string) =>
  new AdoError(405, 'HttpMethodNotAllowedException', `The requested resource does not support http method '${method}'.`);

// --- the HTML answers ---------------------------------------------------------------------------------

/**
 * What an unauthenticated browser-style request gets: 203 + an HTML sign-in page (docs/azure-devops-rest.md#versions-headers-errors:
 * a success that is not JSON is the sign-in page). Deliberately shaped like the real page: starts with `<` and is text/html.
 */
export function signInPageHtml(returnUrl: string): string {
  const safe = escapeHtml(returnUrl);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Azure DevOps Services | Sign In</title></head>
<body>
<h1>Sign in to Azure DevOps</h1>
<p>You need to sign in to continue to <a href="${safe}">${safe}</a>.</p>
<p><a href="https://login.microsoftonline.com/common/oauth2/v2.0/authorize">Sign in</a></p>
</body></html>`;
}

export function notFoundHtml(path: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>404 - Page not found</title></head>
<body><h1>404 - Page not found</h1><p>The page <code>${escapeHtml(path)}</code> does not exist in this fake Azure DevOps.</p></body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
