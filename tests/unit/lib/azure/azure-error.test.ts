// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import {
  organizationOf,
  plainServerMessage,
  readAdoErrorEnvelope,
  retryAfterSeconds,
  signInPageError,
  toAzureError,
  type AzureResponseInfo,
} from '@/lib/azure/azure-error';

const URL_CONTOSO = 'https://dev.azure.com/contoso/Platform/_apis/git/repositories?api-version=7.1';
const USER = '3968bdd7-5bea-42e6-8e86-0e1d024e9ed1';

/** The Azure DevOps error envelope (docs/azure-devops-rest.md#versions-headers-errors). */
function envelope(typeKey: string, message: string) {
  return { $id: '1', innerException: null, message, typeName: `Microsoft.VisualStudio.Services.WebApi.${typeKey}, Microsoft.VisualStudio.Services.WebApi`, typeKey, errorCode: 0, eventId: 3000 };
}

function error(info: Partial<AzureResponseInfo> & Pick<AzureResponseInfo, 'status' | 'body'>): AppError {
  return toAzureError({ url: URL_CONTOSO, credentialKind: 'pat', ...info });
}

describe('azure-error', () => {
  describe('toAzureError: authentication (docs/azure-devops-rest.md#personal-access-tokens, docs/entra-oauth.md)', () => {
    it('names an expired PAT when the message says so', () => {
      const e = error({ status: 401, body: envelope('AccessCheckException', 'Access Denied: The Personal Access Token used has expired.') });
      expect(e).toBeInstanceOf(AppError);
      expect(e.kind).toBe('auth-expired');
      expect(e.message).toBe('Your Personal Access Token for contoso has expired. Create a new one and connect again.');
      expect(e.details).toMatchObject({ status: 401, typeKey: 'AccessCheckException', organization: 'contoso' });
    });

    it('recognises the expired-PAT wording in an HTML body too, without quoting the page', () => {
      const e = error({ status: 401, body: '<html><body><p>Access Denied: The Personal Access Token used has expired.</p></body></html>' });
      expect(e.kind).toBe('auth-expired');
      expect(e.details?.serverMessage).toBeUndefined();
    });

    it('maps TF400813 with a PAT to auth-missing-scope, naming the scope when the caller knows it', () => {
      const body = envelope('UnauthorizedRequestException', `TF400813: The user '${USER}' is not authorized to access this resource.`);
      const plain = error({ status: 401, body });
      expect(plain.kind).toBe('auth-missing-scope');
      expect(plain.message).toMatch(/^Your Personal Access Token for contoso does not allow this/);
      const scoped = error({ status: 401, body, requiredScope: 'vso.code_manage' });
      expect(scoped.kind).toBe('auth-missing-scope');
      expect(scoped.message).toContain('“Code: Read, write & manage”');
      expect(scoped.details).toMatchObject({ code: 'TF400813', scope: 'vso.code_manage', scopeLabel: 'Code: Read, write & manage' });
    });

    it('maps TF400813 with a Bearer token to oauth-blocked-by-policy, naming the org policy', () => {
      const e = error({
        status: 401,
        credentialKind: 'bearer',
        url: 'https://dev.azure.com/fabrikam/_apis/connectionData',
        body: envelope('UnauthorizedRequestException', `TF400813: The user '${USER}' is not authorized to access this resource.`),
      });
      expect(e.kind).toBe('oauth-blocked-by-policy');
      expect(e.message).toContain('Third-party application access via OAuth');
      expect(e.message).toMatch(/^fabrikam /);
    });

    it('maps the tenant mismatch VS800075 to oauth-blocked-by-policy', () => {
      const e = error({
        status: 401,
        credentialKind: 'bearer',
        url: 'https://dev.azure.com/adatum/_apis/connectionData',
        body: envelope('UnauthorizedRequestException', "VS800075: The organization 'adatum' is connected to the directory (tenant) '0000', but the access token was issued by the directory 'abcd'."),
      });
      expect(e.kind).toBe('oauth-blocked-by-policy');
      expect(e.message).toMatch(/^adatum belongs to a different Microsoft Entra directory/);
    });

    it('maps any other 401 to auth-invalid, worded for the credential kind', () => {
      const body = envelope('UnauthorizedRequestException', 'VS30063: You are not authorized to access https://dev.azure.com.');
      const pat = error({ status: 401, body });
      expect(pat.kind).toBe('auth-invalid');
      expect(pat.message).toMatch(/did not accept the Personal Access Token for contoso/);
      const bearer = error({ status: 401, body, credentialKind: 'bearer' });
      expect(bearer.kind).toBe('auth-invalid');
      expect(bearer.message).toBe('Azure DevOps did not accept your sign-in for contoso. Sign in again.');
      expect(error({ status: 401, body: '' }).kind).toBe('auth-invalid');
    });

    it('reads an expired Entra token from the WWW-Authenticate challenge', () => {
      const e = error({
        status: 401,
        credentialKind: 'bearer',
        body: envelope('UnauthorizedRequestException', 'VS30063: You are not authorized to access https://dev.azure.com.'),
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The access token is expired"' },
      });
      expect(e.kind).toBe('auth-expired');
    });

    it('treats 403 as a missing permission or scope', () => {
      const e = error({ status: 403, body: envelope('AccessCheckException', 'Access denied.') });
      expect(e.kind).toBe('auth-missing-scope');
      expect(e.message).toContain('Azure DevOps says: “Access denied.”');
    });

    it('names the Git permission of TF401027 and the way out, for creating a repository and otherwise', () => {
      const create = error({
        status: 403,
        body: envelope('GitNeedsPermissionException', "TF401027: You need the Git 'CreateRepository' permission to perform this action. Details: identity 'Sam Lee', scope 'project'."),
      });
      expect(create.kind).toBe('auth-missing-scope');
      expect(create.message).toBe(
        'Your account may not do this in contoso: it lacks the Git permission “CreateRepository”. Ask a project administrator for it, or pick another project.',
      );
      const push = error({ status: 403, body: envelope('GitNeedsPermissionException', "TF401027: You need the Git 'GenericContribute' permission to perform this action.") });
      expect(push.message).toBe('Your account may not do this in contoso: it lacks the Git permission “GenericContribute”. Ask a project administrator for it.');
    });

    it('builds the sign-in page error for both credential kinds', () => {
      expect(signInPageError({ url: URL_CONTOSO, credentialKind: 'pat' }).message).toMatch(
        /^Azure DevOps answered with a sign-in page instead of data: it did not accept the Personal Access Token for contoso\./,
      );
      const bearer = signInPageError({ url: URL_CONTOSO, credentialKind: 'bearer' });
      expect(bearer.kind).toBe('auth-invalid');
      expect(bearer.message).toMatch(/your sign-in for contoso was not accepted/);
    });
  });

  describe('toAzureError: not found, conflicts, names (docs/azure-devops-rest.md#repositories, docs/azure-devops-rest.md#forks, docs/azure-devops-rest.md#pull-requests, docs/azure-devops-rest.md#versions-headers-errors)', () => {
    it('maps HostNotFoundException to "Organization … was not found"', () => {
      const e = error({ status: 404, url: 'https://dev.azure.com/nosuchorg/_apis/connectionData', body: envelope('HostNotFoundException', "The organization 'nosuchorg' could not be found.") });
      expect(e.kind).toBe('not-found');
      expect(e.message).toBe('Organization nosuchorg was not found on Azure DevOps. Check its name in the address.');
    });

    it('says "collection" for an unknown Server collection', () => {
      const e = error({ status: 404, url: 'https://tfs.contoso.test/tfs/Nope/_apis/connectionData', organization: 'Nope', body: envelope('HostNotFoundException', 'x') });
      expect(e.message).toBe('Collection Nope was not found on tfs.contoso.test. Check the collection address.');
    });

    it('maps TF401019 to not-found, by typeKey and by code alone', () => {
      const message = 'TF401019: The Git repository with name or identifier nope does not exist or you do not have permissions for the operation you are attempting.';
      for (const body of [envelope('GitRepositoryNotFoundException', message), envelope('SomethingElseException', message)]) {
        const e = error({ status: 404, body });
        expect(e.kind).toBe('not-found');
        expect(e.message).toBe("That repository was not found in contoso, or you don't have permission to see it.");
        expect(e.details).toMatchObject({ code: 'TF401019' });
      }
    });

    it('maps TF401179 (duplicate pull request) to conflict whether 409 or 400', () => {
      for (const status of [409, 400]) {
        const e = error({ status, body: envelope('GitPullRequestExistsException', 'TF401179: An active pull request for the source and target branch already exists.') });
        expect(e.kind).toBe('conflict');
        expect(e.details).toMatchObject({ code: 'TF401179' });
      }
    });

    it('maps TF400948 (name taken) to conflict, quoting the sentence', () => {
      const e = error({ status: 409, body: envelope('GitRepositoryNameAlreadyExistsException', 'TF400948: A Git repository with the name web-portal already exists.') });
      expect(e.kind).toBe('conflict');
      expect(e.message).toBe('A Git repository with the name web-portal already exists. Choose another name.');
    });

    it('maps TF401028 (stale ref) to conflict', () => {
      const e = error({ status: 409, body: envelope('GitReferenceStaleException', "TF401028: The reference 'refs/heads/main' has already been updated by another client, so you cannot update it. Please try again.") });
      expect(e.kind).toBe('conflict');
    });

    it("maps TF401025 to invalid-name with the server's message", () => {
      const e = error({ status: 400, body: envelope('InvalidArgumentValueException', "TF401025: 'a/b' is not a valid name for a Git repository: names may not contain any of the characters \\ / :") });
      expect(e.kind).toBe('invalid-name');
      expect(e.message).toBe("'a/b' is not a valid name for a Git repository: names may not contain any of the characters \\ / :");
    });

    it('maps other 400s to invalid-input quoting Azure DevOps as plain text', () => {
      const e = error({ status: 400, body: envelope('InvalidArgumentValueException', 'The identity  is not recognized.') });
      expect(e.kind).toBe('invalid-input');
      expect(e.message).toBe('Azure DevOps did not accept the request: The identity is not recognized.');
    });
  });

  describe('toAzureError: versions, throttling, server trouble', () => {
    it('maps VssVersionOutOfRangeException to server-version with both versions', () => {
      const e = error({
        status: 400,
        url: 'https://tfs.contoso.test/tfs/DefaultCollection/_apis/git/repositories',
        body: envelope('VssVersionOutOfRangeException', 'The requested REST API version of 7.1 is out of range for this server. The latest REST API version this server supports is 6.0.'),
      });
      expect(e.kind).toBe('server-version');
      expect(e.message).toContain('supports REST API version 6.0 (Azure DevOps Server 2020) and this needs 7.1.');
      expect(e.details).toMatchObject({ latestApiVersion: '6.0', requestedApiVersion: '7.1' });
    });

    it('maps 429 TF400733 to throttled with the Retry-After seconds', () => {
      const e = error({
        status: 429,
        headers: new Headers({ 'Retry-After': '12' }),
        body: envelope('RequestBlockedException', "TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource 'ATCPU' in namespace 'User'."),
      });
      expect(e.kind).toBe('throttled');
      expect(e.message).toBe('Azure DevOps is limiting requests (TF400733). Try again in 12 seconds.');
      expect(e.details?.retryAfterSeconds).toBe(12);
    });

    it('maps 5xx to internal without quoting anything', () => {
      const e = error({ status: 503, body: '<html>Service Unavailable</html>' });
      expect(e.kind).toBe('internal');
      expect(e.message).toBe('Azure DevOps had a problem (HTTP 503). Try again in a moment.');
      expect(error({ status: 500, body: envelope('SqlException', 'Timeout expired.') }).message).toBe(
        'Azure DevOps had a problem (HTTP 500). Try again in a moment.',
      );
    });

    it('never produces a bare "Error" or a stack', () => {
      for (const status of [400, 401, 403, 404, 405, 409, 410, 429, 500, 502]) {
        const e = error({ status, body: undefined });
        expect(e.message).not.toMatch(/^Error\b/);
        expect(e.message).not.toMatch(/\n\s+at /);
        expect(e.message.endsWith('.')).toBe(true);
      }
    });
  });

  describe('helpers', () => {
    it('reads the envelope and its code', () => {
      expect(readAdoErrorEnvelope(envelope('X', 'TF401179: dup'))).toEqual({ typeKey: 'X', message: 'TF401179: dup', code: 'TF401179' });
      expect(readAdoErrorEnvelope('<html>')).toEqual({});
      expect(readAdoErrorEnvelope(null)).toEqual({});
    });

    it('quotes plain text only, cleaned and bounded', () => {
      expect(plainServerMessage('<html><body>Sign in</body></html>')).toBeUndefined();
      expect(plainServerMessage({ message: 'a\u0000b\n\nc' })).toBe('a b c');
      expect(plainServerMessage({ message: 'x'.repeat(1000) })!.length).toBe(300);
      expect(plainServerMessage({ message: 'use <script>alert(1)</script>' })).toBeUndefined();
    });

    it('reads Retry-After as seconds or an HTTP date', () => {
      expect(retryAfterSeconds({ 'Retry-After': '7' })).toBe(7);
      expect(retryAfterSeconds(new Headers({ 'retry-after': '1.2' }))).toBe(2);
      const now = Date.parse('2026-01-01T00:00:00Z');
      expect(retryAfterSeconds({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, now)).toBe(30);
      expect(retryAfterSeconds({})).toBeNull();
      expect(retryAfterSeconds({ 'retry-after': 'soon' })).toBeNull();
    });

    it('finds the organization in every cloud URL form', () => {
      expect(organizationOf('https://dev.azure.com/contoso/Platform/_apis/git')).toBe('contoso');
      expect(organizationOf('https://vssps.dev.azure.com/contoso/_apis/Token/SessionTokens')).toBe('contoso');
      expect(organizationOf('https://contoso.visualstudio.com/DefaultCollection/_apis')).toBe('contoso');
      expect(organizationOf('https://contoso.vssps.visualstudio.com/_apis')).toBe('contoso');
      expect(organizationOf('https://dev.azure.com/My%20Org/_apis')).toBe('My Org');
      expect(organizationOf('https://app.vssps.visualstudio.com/_apis/profile')).toBeUndefined();
      expect(organizationOf('https://tfs.contoso.test/tfs/DefaultCollection/_apis')).toBeUndefined();
    });
  });
});
