/**
 * Azure DevOps failures as AppErrors (azure-devops-api.md §1, §2, §3, §14, §15). One place decides
 * what every non-OK answer means: `typeKey` first, then the TF/VS code in `message`, then the
 * HTTP status. Messages are complete sentences; Azure DevOps' own message is only ever quoted as
 * plain text (never HTML), and nothing here ever sees a token.
 */
import { AppError, type AppErrorValue } from '../errors/app-error';
import { isAzureDevOpsCloudHost } from './azure-hosts';

export type CredentialKind = 'pat' | 'bearer';

/** What `toAzureError` needs to know about one non-OK answer. */
export interface AzureResponseInfo {
  status: number;
  /** Parsed JSON when the answer was JSON, otherwise its text. */
  body: unknown;
  headers?: Headers | Record<string, string>;
  url: string;
  credentialKind?: CredentialKind;
  /** Organization (or Server collection) name for messages; derived from the URL when absent. */
  organization?: string;
  /** PAT scope the call needs (e.g. `vso.code_manage`), to name it when TF400813 says it is missing. */
  requiredScope?: string;
}

/** The Azure DevOps error envelope (§1), as far as it could be read. */
export interface AdoErrorEnvelope {
  typeKey?: string;
  message?: string;
  /** `TF400813`, `VS800075`… found in `message`. */
  code?: string;
}

/** PAT UI labels of the scopes (§2 "Scopes per feature"), so a message names what to tick. */
export const PAT_SCOPE_LABELS: Readonly<Record<string, string>> = {
  'vso.project': 'Project and Team: Read',
  'vso.code': 'Code: Read',
  'vso.code_write': 'Code: Read & write',
  'vso.code_manage': 'Code: Read, write & manage',
  'vso.identity': 'Identity: Read',
  'vso.graph': 'Graph: Read',
  'vso.work': 'Work Items: Read',
  'vso.work_write': 'Work Items: Read & write',
  'vso.profile': 'User Profile: Read',
};

const OAUTH_POLICY = 'Third-party application access via OAuth';

export function readAdoErrorEnvelope(body: unknown): AdoErrorEnvelope {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const record = body as Record<string, unknown>;
  const typeKey = typeof record.typeKey === 'string' && record.typeKey ? record.typeKey : undefined;
  const message = typeof record.message === 'string' && record.message ? record.message : undefined;
  const code = message ? /\b((?:TF|VS)\d{5,6})\b/.exec(message)?.[1] : undefined;
  return { ...(typeKey ? { typeKey } : {}), ...(message ? { message } : {}), ...(code ? { code } : {}) };
}

/**
 * The organization a REST URL belongs to, for messages: `dev.azure.com/{org}`,
 * `vssps.dev.azure.com/{org}`, `{org}[.vssps].visualstudio.com`; undefined elsewhere (Server).
 */
export function organizationOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname.toLowerCase();
  if (host === 'dev.azure.com' || host === 'vssps.dev.azure.com') {
    const first = parsed.pathname.split('/').find(Boolean);
    if (!first || first.toLowerCase() === '_apis') return undefined;
    try {
      return decodeURIComponent(first);
    } catch {
      return first;
    }
  }
  const legacy = /^([a-z0-9-]+)(?:\.vssps)?\.visualstudio\.com$/.exec(host);
  if (legacy && legacy[1] !== 'app') return legacy[1];
  return undefined;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'Azure DevOps';
  }
}

function isCloud(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return isAzureDevOpsCloudHost(host) || host.toLowerCase() === 'vssps.dev.azure.com';
  } catch {
    return false;
  }
}

/**
 * Azure DevOps' text made safe to show: plain text only (an HTML page is not quoted), control
 * characters removed, whitespace collapsed, at most 300 characters.
 */
export function plainServerMessage(body: unknown): string | undefined {
  const raw = typeof body === 'string' ? body : readAdoErrorEnvelope(body).message;
  if (!raw) return undefined;
  const text = raw.trim();
  if (!text || text.startsWith('<') || /<\/?[a-z][\s\S]*>/i.test(text)) return undefined;
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  return clean.length > 300 ? `${clean.slice(0, 299)}…` : clean;
}

/** The server's sentence without its leading `TF401025: ` code. */
function withoutCode(text: string): string {
  return text.replace(/^(?:TF|VS)\d{5,6}:\s*/, '');
}

function headerValue(headers: AzureResponseInfo['headers'], name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string>)) if (key.toLowerCase() === wanted) return value;
  return null;
}

/** `Retry-After` in whole seconds (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterSeconds(headers: AzureResponseInfo['headers'], now = Date.now()): number | null {
  const value = headerValue(headers, 'retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

// --- errors the REST client raises itself ------------------------------------------------------------

export function throttledError(seconds: number): AppError {
  const wait = Math.max(1, Math.ceil(seconds));
  return new AppError({
    kind: 'throttled',
    message: `Azure DevOps is limiting requests (TF400733). Try again in ${wait} second${wait === 1 ? '' : 's'}.`,
    details: { retryAfterSeconds: wait, code: 'TF400733' },
  });
}

/** fetch rejected (network down, DNS, TLS, CORS) or timed out. */
export function offlineError(url: string, options: { mayHaveRun?: boolean; timedOut?: boolean } = {}): AppError {
  const host = hostOf(url);
  const what = options.timedOut ? `${host} did not answer in time.` : `Can't reach ${host}.`;
  const then = options.mayHaveRun
    ? ' Check your network connection, then check on Azure DevOps whether the change was made before trying again.'
    : ' Check your network connection and try again.';
  return new AppError({ kind: 'offline', message: `${what}${then}`, details: { host, ...(options.timedOut ? { timedOut: true } : {}) } });
}

/** 203, or a 2xx that is not JSON: Azure DevOps showed its sign-in page instead of answering (§1). */
export function signInPageError(info: Pick<AzureResponseInfo, 'url' | 'credentialKind' | 'organization'>): AppError {
  const org = info.organization ?? organizationOf(info.url) ?? hostOf(info.url);
  const why =
    info.credentialKind === 'bearer'
      ? `your sign-in for ${org} was not accepted. Sign in again.`
      : `it did not accept the Personal Access Token for ${org}. Check the token, or create a new one and connect again.`;
  return new AppError({ kind: 'auth-invalid', message: `Azure DevOps answered with a sign-in page instead of data: ${why}`, details: { signInPage: true } });
}

/** A success answer whose JSON could not be read. */
export function unreadableAnswerError(url: string, status: number): AppError {
  return new AppError({
    kind: 'internal',
    message: `${hostOf(url)} sent an answer ADO Companion could not read (HTTP ${status}). Try again in a moment.`,
    details: { status },
  });
}

// --- toAzureError -----------------------------------------------------------------------------------

/** Any non-OK Azure DevOps answer as the AppError the UI explains. */
export function toAzureError(info: AzureResponseInfo): AppError {
  return new AppError(classify(info));
}

function classify(info: AzureResponseInfo): AppErrorValue {
  const envelope = readAdoErrorEnvelope(info.body);
  const { typeKey, code, message = '' } = envelope;
  const quoted = plainServerMessage(info.body);
  const org = info.organization ?? organizationOf(info.url);
  const orgLabel = org ?? hostOf(info.url);
  const details: Record<string, string | number | boolean> = { status: info.status };
  if (typeKey) details.typeKey = typeKey;
  if (code) details.code = code;
  if (org) details.organization = org;
  if (quoted) details.serverMessage = quoted;
  const make = (kind: AppErrorValue['kind'], text: string, extra: Record<string, string | number | boolean> = {}): AppErrorValue => ({
    kind,
    message: text,
    details: { ...details, ...extra },
  });
  // The expired-PAT body is sometimes an HTML page (§2): look at the raw text, but never quote it.
  const rawText = typeof info.body === 'string' ? info.body : message;

  // 1. typeKey
  switch (typeKey) {
    case 'VssVersionOutOfRangeException':
      return serverVersion(info, make, message);
    case 'GitPullRequestExistsException':
      return pullRequestExists(make);
    case 'GitRepositoryNameAlreadyExistsException':
      return repositoryNameTaken(make, quoted);
    case 'GitReferenceStaleException':
      return refStale(make);
    case 'HostNotFoundException':
      return organizationNotFound(info, make, orgLabel);
    case 'GitRepositoryNotFoundException':
      return repositoryNotFound(make, orgLabel);
    case 'ProjectDoesNotExistWithNameException':
    case 'ProjectDoesNotExistException':
      return make('not-found', `That project was not found in ${orgLabel}, or you don't have permission to see it.`);
    case 'GitPullRequestNotFoundException':
      return make('not-found', `That pull request was not found in ${orgLabel}, or you don't have permission to see it.`);
    case 'RequestBlockedException':
      return throttled(info, make);
    default:
      break;
  }

  // 2. The TF/VS code in the message.
  if (/Personal Access Token used has expired/i.test(rawText)) return patExpired(make, orgLabel);
  switch (code) {
    case 'TF400813':
      return notAuthorized(info, make, orgLabel);
    case 'VS800075':
      return make(
        'oauth-blocked-by-policy',
        `${orgLabel} belongs to a different Microsoft Entra directory than the account you signed in with. ` +
          'Sign in with an account of that directory, or connect with a Personal Access Token.',
      );
    case 'TF401019':
      return repositoryNotFound(make, orgLabel);
    case 'TF200016':
      return make('not-found', `That project was not found in ${orgLabel}, or you don't have permission to see it.`);
    case 'TF401180':
      return make('not-found', `That pull request was not found in ${orgLabel}, or you don't have permission to see it.`);
    case 'TF401232':
      return make('not-found', `That work item does not exist in ${orgLabel}, or you don't have permission to read it.`);
    case 'TF401398':
      return make(
        'not-found',
        'The source or target branch no longer exists on Azure DevOps. Pick existing branches and try again.',
      );
    case 'TF401179':
      return pullRequestExists(make);
    case 'TF400948':
      return repositoryNameTaken(make, quoted);
    case 'TF401028':
      return refStale(make);
    case 'TF401025':
      return make('invalid-name', quoted ? withoutCode(quoted) : 'Azure DevOps does not accept that name. Choose another one.');
    case 'TF400733':
      return throttled(info, make);
    default:
      break;
  }
  if (typeKey === 'InvalidArgumentValueException' && /is not a valid name/i.test(message)) {
    return make('invalid-name', quoted ? withoutCode(quoted) : 'Azure DevOps does not accept that name. Choose another one.');
  }

  // 3. The HTTP status.
  const status = info.status;
  const says = quoted ? ` Azure DevOps says: “${quoted}”` : '';
  if (status === 401) return notAuthenticated(info, make, orgLabel);
  if (status === 403) {
    return make(
      'auth-missing-scope',
      info.credentialKind === 'bearer'
        ? `Azure DevOps refused this in ${orgLabel}: your account does not have permission to do it.${says}`
        : `Azure DevOps refused this in ${orgLabel}: your account does not have permission, or the Personal Access Token lacks a scope it needs.${says}`,
    );
  }
  if (status === 404) return make('not-found', `Azure DevOps could not find what was asked for in ${orgLabel}.${says}`);
  if (status === 409) return make('conflict', `Azure DevOps could not do this because something changed or already exists.${says}`);
  if (status === 429) return throttled(info, make);
  if (status >= 500) return make('internal', `Azure DevOps had a problem (HTTP ${status}). Try again in a moment.`);
  if (status === 400 || status === 422) {
    return make('invalid-input', quoted ? `Azure DevOps did not accept the request: ${quoted}` : `Azure DevOps did not accept the request (HTTP ${status}).`);
  }
  return make('internal', `Azure DevOps answered with an unexpected HTTP ${status}.${says}`);
}

type Make = (kind: AppErrorValue['kind'], text: string, extra?: Record<string, string | number | boolean>) => AppErrorValue;

function serverVersion(info: AzureResponseInfo, make: Make, message: string): AppErrorValue {
  const latest = /latest REST API version this server supports is\s+(\d+(?:\.\d+)?)/i.exec(message)?.[1];
  const requested = /requested REST API version of\s+(\S+?)\s+is out of range/i.exec(message)?.[1];
  const server = hostOf(info.url);
  const text = latest
    ? `${server} runs an Azure DevOps Server version too old for this: it supports REST API version ${latest}` +
      `${requested ? ` and this needs ${requested}` : ''}. Ask your administrator to update Azure DevOps Server.`
    : `${server} runs an Azure DevOps Server version too old for this. Ask your administrator to update Azure DevOps Server.`;
  return make('server-version', text, { ...(latest ? { latestApiVersion: latest } : {}), ...(requested ? { requestedApiVersion: requested } : {}) });
}

function pullRequestExists(make: Make): AppErrorValue {
  return make('conflict', 'An active pull request for these source and target branches already exists. Open it instead.', { code: 'TF401179' });
}

function repositoryNameTaken(make: Make, quoted: string | undefined): AppErrorValue {
  const sentence = quoted && /already exists/i.test(quoted) ? withoutCode(quoted) : 'A repository with that name already exists.';
  return make('conflict', `${sentence} Choose another name.`, { code: 'TF400948' });
}

function refStale(make: Make): AppErrorValue {
  return make('conflict', 'The branch was updated by someone else in the meantime. Reload and try again.', { code: 'TF401028' });
}

function repositoryNotFound(make: Make, orgLabel: string): AppErrorValue {
  return make('not-found', `That repository was not found in ${orgLabel}, or you don't have permission to see it.`, { code: 'TF401019' });
}

function organizationNotFound(info: AzureResponseInfo, make: Make, orgLabel: string): AppErrorValue {
  return make(
    'not-found',
    isCloud(info.url)
      ? `Organization ${orgLabel} was not found on Azure DevOps. Check its name in the address.`
      : `Collection ${orgLabel} was not found on ${hostOf(info.url)}. Check the collection address.`,
  );
}

function throttled(info: AzureResponseInfo, make: Make): AppErrorValue {
  const value = throttledError(retryAfterSeconds(info.headers) ?? 60).toValue();
  return make('throttled', value.message, value.details);
}

function patExpired(make: Make, orgLabel: string): AppErrorValue {
  return make('auth-expired', `Your Personal Access Token for ${orgLabel} has expired. Create a new one and connect again.`);
}

/** 401 TF400813: scope (PAT), org OAuth policy (Bearer), or no access (§2, §3). */
function notAuthorized(info: AzureResponseInfo, make: Make, orgLabel: string): AppErrorValue {
  if (info.credentialKind === 'bearer') {
    return make(
      'oauth-blocked-by-policy',
      `${orgLabel} does not let ADO Companion in with your sign-in: its policy “${OAUTH_POLICY}” is off, or your account has no access to it. ` +
        'Ask an organization administrator to turn the policy on, or connect with a Personal Access Token.',
      { policy: OAUTH_POLICY },
    );
  }
  const scope = info.requiredScope;
  const label = scope ? (PAT_SCOPE_LABELS[scope] ?? scope) : undefined;
  return make(
    'auth-missing-scope',
    label
      ? `Your Personal Access Token for ${orgLabel} does not allow this: it needs the scope “${label}” (or your account has no access). ` +
          'Create a token with that scope and connect again.'
      : `Your Personal Access Token for ${orgLabel} does not allow this: it lacks a scope this needs, or your account has no access. ` +
          'Create a token with the scopes ADO Companion lists and connect again.',
    scope ? { scope, ...(label ? { scopeLabel: label } : {}) } : {},
  );
}

/** Any other 401: the credential itself was not accepted. */
function notAuthenticated(info: AzureResponseInfo, make: Make, orgLabel: string): AppErrorValue {
  if (info.credentialKind === 'bearer') {
    const challenge = headerValue(info.headers, 'www-authenticate') ?? '';
    if (/invalid_token/i.test(challenge) && /expired/i.test(challenge)) {
      return make('auth-expired', `Your Azure DevOps sign-in for ${orgLabel} has expired. Sign in again.`);
    }
    return make('auth-invalid', `Azure DevOps did not accept your sign-in for ${orgLabel}. Sign in again.`);
  }
  if (info.credentialKind === 'pat') {
    return make(
      'auth-invalid',
      `Azure DevOps did not accept the Personal Access Token for ${orgLabel}. It may be mistyped, revoked, or made for another organization. ` +
        'Create a new one and connect again.',
    );
  }
  return make('auth-invalid', `Azure DevOps asked for a sign-in to reach ${orgLabel}. Connect an account for it.`);
}
