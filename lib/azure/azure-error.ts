/**
 * Azure DevOps failures as AppErrors. One place decides what every non-OK answer means: `typeKey`
 * first, then the TF/VS code in `message`, then the HTTP status; the sentences themselves are the
 * entries of lib/errors/error-messages.ts. Messages are complete sentences; Azure DevOps' own message is only ever quoted as
 * plain text (never HTML), and nothing here ever sees a token.
 */
import { AppError, type AppErrorValue } from '../errors/app-error';
import {
  ADO_ERRORS_BY_CODE,
  ADO_ERRORS_BY_TYPE_KEY,
  adoErrorByStatus,
  appErrors,
  invalidNameAnswer,
  patExpired,
  type AdoErrorContext,
  type AdoErrorEntry,
} from '../errors/error-messages';
import { isAzureDevOpsServiceHost, legacyOrganizationOfHost, CLOUD_HOST } from './azure-hosts';

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

/** The Azure DevOps error envelope (docs/azure-devops-rest.md#versions-headers-errors), as far as it could be read. */
export interface AdoErrorEnvelope {
  typeKey?: string;
  message?: string;
  /** `TF400813`, `VS800075`… found in `message`. */
  code?: string;
}

/** PAT UI labels of the scopes (docs/azure-devops-rest.md#personal-access-tokens "Scopes per feature"), so a message names what to tick. */
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
  if (host === CLOUD_HOST || host === 'vssps.dev.azure.com') {
    const first = parsed.pathname.split('/').find(Boolean);
    if (!first || first.toLowerCase() === '_apis') return undefined;
    try {
      return decodeURIComponent(first);
    } catch {
      return first;
    }
  }
  return legacyOrganizationOfHost(host, { withService: true }) ?? undefined;
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
    return isAzureDevOpsServiceHost(host);
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
  return new AppError(appErrors.throttled(seconds));
}

/** fetch rejected (network down, DNS, TLS, CORS) or timed out. */
export function offlineError(url: string, options: { mayHaveRun?: boolean; timedOut?: boolean } = {}): AppError {
  return new AppError(appErrors.offline(hostOf(url), options));
}

/** 203, or a 2xx that is not JSON: Azure DevOps showed its sign-in page instead of answering. */
export function signInPageError(info: Pick<AzureResponseInfo, 'url' | 'credentialKind' | 'organization'>): AppError {
  return new AppError(appErrors.signInPage(info.organization ?? organizationOf(info.url) ?? hostOf(info.url), info.credentialKind));
}

/** A success answer whose JSON could not be read. */
export function unreadableAnswerError(url: string, status: number): AppError {
  return new AppError(appErrors.unreadableAnswer(hostOf(url), status));
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
  const details: Record<string, string | number | boolean> = { status: info.status };
  if (typeKey) details.typeKey = typeKey;
  if (code) details.code = code;
  if (org) details.organization = org;
  if (quoted) details.serverMessage = quoted;
  const scopeLabel = info.requiredScope ? PAT_SCOPE_LABELS[info.requiredScope] : undefined;
  const retryAfter = retryAfterSeconds(info.headers);
  const ctx: AdoErrorContext = {
    org: org ?? hostOf(info.url),
    host: hostOf(info.url),
    cloud: isCloud(info.url),
    raw: message,
    ...(info.credentialKind ? { credentialKind: info.credentialKind } : {}),
    ...(quoted ? { quoted } : {}),
    ...(info.requiredScope ? { requiredScope: info.requiredScope } : {}),
    ...(scopeLabel ? { scopeLabel } : {}),
    ...(retryAfter !== null ? { retryAfterSeconds: retryAfter } : {}),
  };
  const make = (entry: AdoErrorEntry): AppErrorValue => ({ kind: entry.kind, message: entry.message, details: { ...details, ...entry.details } });
  // The expired-PAT body is sometimes an HTML page: look at the raw text, but never quote it.
  const rawText = typeof info.body === 'string' ? info.body : message;

  // 1. typeKey, 2. the TF/VS code in the message, 3. the HTTP status.
  const byTypeKey = typeKey ? ADO_ERRORS_BY_TYPE_KEY[typeKey] : undefined;
  if (byTypeKey) return make(byTypeKey(ctx));
  if (/Personal Access Token used has expired/i.test(rawText)) return make(patExpired(ctx));
  const byCode = code ? ADO_ERRORS_BY_CODE[code] : undefined;
  if (byCode) return make(byCode(ctx));
  if (typeKey === 'InvalidArgumentValueException' && /is not a valid name/i.test(message)) return make(invalidNameAnswer(ctx));
  return make(adoErrorByStatus(info.status, ctx, headerValue(info.headers, 'www-authenticate') ?? ''));
}
