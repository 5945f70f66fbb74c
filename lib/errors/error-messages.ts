/**
 * Every sentence a user reads about a failure, in one place: Azure DevOps answers by `typeKey` and
 * TF/VS code (docs/azure-devops-rest.md, "Errors"), and the extension's own failures by name
 * (`appErrors`, written in app-errors.ts). Modules that detect a failure pick the entry; none writes its own sentence. Sentences are
 * complete, say what to do next, and never quote a token.
 */
import { AppError, type AppErrorValue, type ErrorKind } from './app-error';
import { internal, throttledMessage } from './app-errors';
import { oldestServerReleaseFor, serverReleaseOf } from '../azure/server-releases';

type Details = Record<string, string | number | boolean>;

/** What an Azure DevOps entry may use to word its sentence. */
export interface AdoErrorContext {
  /** Organization or collection name, or the host when neither is known. */
  org: string;
  /** The host of the request, e.g. `tfs.contoso.test`. */
  host: string;
  /** The request went to Azure DevOps Services (cloud), not a Server. */
  cloud: boolean;
  credentialKind?: 'pat' | 'bearer';
  /** Azure DevOps' own message as safe plain text, when there is one. */
  quoted?: string;
  /** Azure DevOps' raw message (for numbers it carries); never shown as is. */
  raw: string;
  /** PAT scope the call needs and its label on the New Token page. */
  requiredScope?: string;
  scopeLabel?: string;
  /** `Retry-After`, in seconds, when the answer carried one. */
  retryAfterSeconds?: number;
}

export interface AdoErrorEntry {
  kind: ErrorKind;
  message: string;
  details?: Details;
}

type AdoEntry = (ctx: AdoErrorContext) => AdoErrorEntry;

const OAUTH_POLICY = 'Third-party application access via OAuth';

/** The server's sentence without its leading `TF401025: ` code. */
const withoutCode = (text: string) => text.replace(/^(?:TF|VS)\d{5,6}:\s*/, '');
const says = (ctx: AdoErrorContext) => (ctx.quoted ? ` Azure DevOps says: “${ctx.quoted}”` : '');

const notFoundIn = (what: string): AdoEntry => (ctx) => ({
  kind: 'not-found',
  message: `That ${what} was not found in ${ctx.org}, or you don't have permission to see it.`,
});

const pullRequestExists: AdoEntry = () => ({
  kind: 'conflict',
  message: 'An active pull request for these source and target branches already exists. Open it instead.',
  details: { code: 'TF401179' },
});

const repositoryNameTaken: AdoEntry = (ctx) => ({
  kind: 'conflict',
  message: `${ctx.quoted && /already exists/i.test(ctx.quoted) ? withoutCode(ctx.quoted) : 'A repository with that name already exists.'} Choose another name.`,
  details: { code: 'TF400948' },
});

const refStale: AdoEntry = () => ({
  kind: 'conflict',
  message: 'The branch was updated by someone else in the meantime. Reload and try again.',
  details: { code: 'TF401028' },
});

const repositoryNotFound: AdoEntry = (ctx) => ({ ...notFoundIn('repository')(ctx), details: { code: 'TF401019' } });

/** 403 TF401027: the user lacks a Git permission (docs/azure-devops-rest.md#create-repository); the scope is not the cause. */
const needsGitPermission: AdoEntry = (ctx) => {
  const permission = /Git '(\w+)' permission/.exec(ctx.raw)?.[1] ?? '';
  return {
    kind: 'auth-missing-scope',
    message: `Your account may not do this in ${ctx.org}: it lacks the Git permission “${permission}”. Ask a project administrator for it${
      permission === 'CreateRepository' ? ', or pick another project' : ''
    }.`,
    details: { code: 'TF401027', permission },
  };
};

/** TF401025, and an InvalidArgumentValueException that says a name is not valid. */
export const invalidNameAnswer: AdoEntry = (ctx) => ({
  kind: 'invalid-name',
  message: ctx.quoted ? withoutCode(ctx.quoted) : 'Azure DevOps does not accept that name. Choose another one.',
});

const throttled: AdoEntry = (ctx) => throttledMessage(ctx.retryAfterSeconds ?? 60);

/** ` (Azure DevOps Server 2020)`: the release a version belongs to (docs/azure-devops-rest.md#server-releases), when known. */
const release = (name: string | null, suffix: string) => (name ? ` (${name}${suffix})` : '');

const serverVersion: AdoEntry = (ctx) => {
  const latest = /latest REST API version this server supports is\s+(\d+(?:\.\d+)?)/i.exec(ctx.raw)?.[1];
  const requested = /requested REST API version of\s+(\S+?)\s+is out of range/i.exec(ctx.raw)?.[1];
  return {
    kind: 'server-version',
    message: latest
      ? `${ctx.host} runs an Azure DevOps Server version too old for this: it supports REST API version ${latest}${release(serverReleaseOf(latest), '')}` +
        `${requested ? ` and this needs ${requested}${release(oldestServerReleaseFor(requested), ' or later')}` : ''}. Ask your administrator to update Azure DevOps Server.`
      : `${ctx.host} runs an Azure DevOps Server version too old for this. Ask your administrator to update Azure DevOps Server.`,
    details: { ...(latest ? { latestApiVersion: latest } : {}), ...(requested ? { requestedApiVersion: requested } : {}) },
  };
};

const organizationNotFound: AdoEntry = (ctx) => ({
  kind: 'not-found',
  message: ctx.cloud
    ? `Organization ${ctx.org} was not found on Azure DevOps. Check its name in the address.`
    : `Collection ${ctx.org} was not found on ${ctx.host}. Check the collection address.`,
});

/** 401 TF400813: a scope the PAT lacks, the organization's OAuth policy, or no access at all. */
const notAuthorized: AdoEntry = (ctx): AdoErrorEntry => {
  if (ctx.credentialKind === 'bearer') {
    return {
      kind: 'oauth-blocked-by-policy',
      message:
        `${ctx.org} does not let ADO Companion in with your sign-in: its policy “${OAUTH_POLICY}” is off, or your account has no access to it. ` +
        'Ask an organization administrator to turn the policy on, or connect with a Personal Access Token.',
      details: { policy: OAUTH_POLICY },
    };
  }
  const label = ctx.scopeLabel ?? ctx.requiredScope;
  return {
    kind: 'auth-missing-scope',
    message: label
      ? `Your Personal Access Token for ${ctx.org} does not allow this: it needs the scope “${label}” (or your account has no access). ` +
        'Create a token with that scope and connect again.'
      : `Your Personal Access Token for ${ctx.org} does not allow this: it lacks a scope this needs, or your account has no access. ` +
        'Create a token with the scopes ADO Companion lists and connect again.',
    details: ctx.requiredScope ? { scope: ctx.requiredScope, ...(ctx.scopeLabel ? { scopeLabel: ctx.scopeLabel } : {}) } : {},
  } satisfies AdoErrorEntry;
};

/** Azure DevOps error envelopes by `typeKey` (looked at first). */
export const ADO_ERRORS_BY_TYPE_KEY: Readonly<Record<string, AdoEntry>> = {
  VssVersionOutOfRangeException: serverVersion,
  GitPullRequestExistsException: pullRequestExists,
  GitRepositoryNameAlreadyExistsException: repositoryNameTaken,
  GitReferenceStaleException: refStale,
  HostNotFoundException: organizationNotFound,
  GitRepositoryNotFoundException: repositoryNotFound,
  ProjectDoesNotExistWithNameException: notFoundIn('project'),
  ProjectDoesNotExistException: notFoundIn('project'),
  GitPullRequestNotFoundException: notFoundIn('pull request'),
  RequestBlockedException: throttled,
};

/** Azure DevOps error envelopes by the TF/VS code in their message (looked at second). */
export const ADO_ERRORS_BY_CODE: Readonly<Record<string, AdoEntry>> = {
  TF400813: notAuthorized,
  VS800075: (ctx) => ({
    kind: 'oauth-blocked-by-policy',
    message:
      `${ctx.org} belongs to a different Microsoft Entra directory than the account you signed in with. ` +
      'Sign in with an account of that directory, or connect with a Personal Access Token.',
  }),
  TF401019: repositoryNotFound,
  TF200016: notFoundIn('project'),
  TF401180: notFoundIn('pull request'),
  TF401232: (ctx) => ({ kind: 'not-found', message: `That work item does not exist in ${ctx.org}, or you don't have permission to read it.` }),
  TF401398: () => ({
    kind: 'not-found',
    message: 'The source or target branch no longer exists on Azure DevOps. Pick existing branches and try again.',
  }),
  TF401179: pullRequestExists,
  TF400948: repositoryNameTaken,
  TF401028: refStale,
  TF401025: invalidNameAnswer,
  TF401027: needsGitPermission,
  TF400733: throttled,
};

/** The expired-PAT answer has no code of its own; its text is recognised instead. */
export const patExpired: AdoEntry = (ctx) => ({
  kind: 'auth-expired',
  message: `Your Personal Access Token for ${ctx.org} has expired. Create a new one and connect again.`,
});

/** Answers without a known typeKey or code, by HTTP status. */
export function adoErrorByStatus(status: number, ctx: AdoErrorContext, challenge: string): AdoErrorEntry {
  if (status === 401) {
    if (ctx.credentialKind === 'bearer') {
      if (/invalid_token/i.test(challenge) && /expired/i.test(challenge)) {
        return { kind: 'auth-expired', message: `Your Azure DevOps sign-in for ${ctx.org} has expired. Sign in again.` };
      }
      return { kind: 'auth-invalid', message: `Azure DevOps did not accept your sign-in for ${ctx.org}. Sign in again.` };
    }
    if (ctx.credentialKind === 'pat') {
      return {
        kind: 'auth-invalid',
        message:
          `Azure DevOps did not accept the Personal Access Token for ${ctx.org}. It may be mistyped, revoked, or made for another organization. ` +
          'Create a new one and connect again.',
      };
    }
    return { kind: 'auth-invalid', message: `Azure DevOps asked for a sign-in to reach ${ctx.org}. Connect an account for it.` };
  }
  if (status === 403) {
    return {
      kind: 'auth-missing-scope',
      message:
        ctx.credentialKind === 'bearer'
          ? `Azure DevOps refused this in ${ctx.org}: your account does not have permission to do it.${says(ctx)}`
          : `Azure DevOps refused this in ${ctx.org}: your account does not have permission, or the Personal Access Token lacks a scope it needs.${says(ctx)}`,
    };
  }
  if (status === 404) return { kind: 'not-found', message: `Azure DevOps could not find what was asked for in ${ctx.org}.${says(ctx)}` };
  if (status === 409) return { kind: 'conflict', message: `Azure DevOps could not do this because something changed or already exists.${says(ctx)}` };
  if (status === 429) return throttled(ctx);
  if (status >= 500) return { kind: 'internal', message: `Azure DevOps had a problem (HTTP ${status}). Try again in a moment.` };
  if (status === 400 || status === 422) {
    return {
      kind: 'invalid-input',
      message: ctx.quoted ? `Azure DevOps did not accept the request: ${ctx.quoted}` : `Azure DevOps did not accept the request (HTTP ${status}).`,
    };
  }
  return { kind: 'internal', message: `Azure DevOps answered with an unexpected HTTP ${status}.${says(ctx)}` };
}



/** The extension's own failures, by name: one module export per sentence, so bundles keep only those they use. */
export * as appErrors from './app-errors';

// --- Microsoft Entra ID ------------------------------------------------------------------------

/** Why an OAuth sign-in failed, for UI that wants more than the sentence (details.reason). */
export type EntraFailureReason =
  | 'cancelled'
  | 'consent-required'
  | 'not-assigned'
  | 'conditional-access'
  | 'interaction-required'
  | 'session-ended'
  | 'state-mismatch'
  | 'app-registration'
  | 'redirect-mismatch'
  | 'code-rejected'
  | 'unexpected-answer'
  | 'unknown';

export interface EntraErrorEntry {
  kind: 'oauth-failed' | 'reauth-required';
  reason: EntraFailureReason;
  message: string;
}

export const ENTRA_SENTENCES = {
  cancelled: 'Sign-in was cancelled.',
  sessionEnded: 'Your Azure DevOps sign-in has ended (Microsoft allows 24 hours for browser extensions). Sign in again.',
  signInAgain: 'Microsoft needs you to sign in to Azure DevOps again.',
  orPat: 'or connect with a Personal Access Token instead',
  signInPageUnreachable: 'The Microsoft sign-in page could not be loaded. Check your connection and try again.',
  tokenServiceUnreachable: 'Could not reach the Microsoft sign-in service. Check your connection and try again.',
  tokenServiceBusy: 'The Microsoft sign-in service is busy. Try again in a moment.',
  windowClosedWithoutAnswer: 'The sign-in window closed without an answer. Sign in again.',
  stateMismatch: 'The sign-in answer did not match this request, so it was ignored. Sign in again.',
  noCode: 'The sign-in answer carried no authorization code. Sign in again.',
  windowFailed: 'The sign-in window could not finish. Sign in again.',
  unexpectedRedirect: 'The sign-in answer came back to an unexpected address, so it was ignored. Sign in again.',
  unexpectedTokenAnswer: (status: number) => `The Microsoft sign-in service answered unexpectedly (HTTP ${status}). Try again in a moment.`,
  codeRejected: 'Microsoft did not accept the answer of this sign-in. Sign in again.',
  serviceTrouble: 'The Microsoft sign-in service is having trouble right now. Try again in a moment.',
  unknown: (code: number | undefined) =>
    `Microsoft could not sign you in${code === undefined ? '' : ` (AADSTS${code})`}. Try again, or connect with a Personal Access Token instead.`,
} as const;

const failed = (reason: EntraFailureReason, message: string): EntraErrorEntry => ({ kind: 'oauth-failed', reason, message });
const again = (reason: EntraFailureReason, message: string): EntraErrorEntry => ({ kind: 'reauth-required', reason, message });

/** Entra refusals by AADSTS code (docs/entra-oauth.md, "Refusals"). */
export function entraErrorByCode(code: number, context: { clientId: string; redirectUri?: string }): EntraErrorEntry | null {
  switch (code) {
    case 65004:
      return failed('cancelled', ENTRA_SENTENCES.cancelled);
    case 65001:
      return failed('consent-required',
        `Your organization has not approved ADO Companion for Azure DevOps yet. Ask a Microsoft Entra administrator to grant consent to the app, ${ENTRA_SENTENCES.orPat}.`);
    case 50105:
      return failed('not-assigned',
        `Your Microsoft Entra administrator has not given you access to ADO Companion. Ask them to assign you to the app, ${ENTRA_SENTENCES.orPat}.`);
    case 53000:
    case 53001:
    case 53002:
    case 53003:
    case 53004:
      return failed('conditional-access',
        `Your organization's Conditional Access policies blocked this sign-in. Ask your Microsoft Entra administrator about it, ${ENTRA_SENTENCES.orPat}.`);
    case 50076:
    case 50079:
      return again('interaction-required', ENTRA_SENTENCES.signInAgain);
    case 9002325:
    case 9002326:
    case 7000218:
      return failed('app-registration',
        `The app registration of ADO Companion (client id ${context.clientId}) is not a Single-page application, so Microsoft refuses to sign in from a browser extension. Its redirect URI must be registered under the "Single-page application" platform in Microsoft Entra ID.`);
    case 9002327:
      return failed('app-registration',
        `The app registration of ADO Companion is a Single-page application, which Microsoft only serves to requests that carry the extension's origin, and this browser did not send it. Connect with a Personal Access Token instead.`);
    case 50011:
    case 500113:
      return failed('redirect-mismatch',
        `The redirect address of this browser${context.redirectUri ? ` (${context.redirectUri})` : ''} is not registered for ADO Companion (client id ${context.clientId}). It must be added, exactly as shown, to the app's Single-page application redirect URIs in Microsoft Entra ID.`);
    case 70000:
      return failed('redirect-mismatch',
        `Microsoft did not accept the sign-in code for this app (AADSTS70000): the client id or redirect address differs between the sign-in and the token request. Sign in again; if it keeps happening, check the app registration.`);
    case 501481:
      return failed('code-rejected',
        'Microsoft could not confirm that the sign-in answer belongs to this request, so it was refused. Sign in again.');
    case 54005:
    case 70008:
      return failed('code-rejected', 'The sign-in took too long or was already used. Sign in again.');
    case 700016:
      return failed('app-registration',
        `ADO Companion (client id ${context.clientId}) is not known in your Microsoft Entra directory. Ask your administrator to allow it, ${ENTRA_SENTENCES.orPat}.`);
    case 90002:
      return failed('app-registration', 'Microsoft does not know the directory (tenant) this sign-in asked for. Check the tenant of the account.');
    default:
      return null;
  }
}

/** Any thrown value as an AppErrorValue; unknown errors become a generic, stack-free message. */
export function toAppErrorValue(error: unknown): AppErrorValue {
  if (error instanceof AppError) return error.toValue();
  return internal();
}
