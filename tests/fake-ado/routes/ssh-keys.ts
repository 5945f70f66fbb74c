/**
 * SSH public keys (docs/azure-devops-rest.md#ssh-keys) — the web UI's internal API, modelled on what the spec observed:
 *   GET    vssps/{org}/_apis/Token/SessionTokens?isPublic=true&includePublicData=true
 *   POST   vssps/{org}/_apis/Token/SessionTokens                 (direct create; isPublic:false mints a PAT)
 *   DELETE vssps/{org}/_apis/Token/SessionTokens/{authorizationId}?isPublic=true
 *   POST   {org}/_apis/Contribution/HierarchyQuery with the session-token provider contribution
 * Only RSA keys are accepted, with the portal's message. PATs need full access (app_token) or
 * vso.tokens; Entra tokens are accepted (both Unverified in the spec).
 */
import { randomBytes } from 'node:crypto';
import { AdoError, badRequest, escapeHtml, notAuthorized, notFound } from '../errors';
import type { FixturePat, FixtureSshKey } from '../fixture-types';
import { body, empty, html, json, list, me, org, queryParam, type Ctx } from '../http';
import type { Route } from '../router';
import { ZERO_GUID } from '../state';

export const SESSION_TOKEN_PROVIDER = 'ms.vss-token-web.personal-access-token-issue-session-token-provider';
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

interface SessionTokenInput {
  displayName?: string;
  publicData?: string;
  validFrom?: string;
  validTo?: string;
  scope?: string;
  isPublic?: boolean;
  targetAccounts?: string[];
}

/** The portal's wording for a non-RSA key (azure-devops-docs#7352). */
export const INVALID_KEY_MESSAGE = 'Invalid key: Valid keys will start with "ssh-rsa"';

function validatePublicKey(raw: unknown): string {
  const key = typeof raw === 'string' ? raw.trim() : '';
  if (!key.startsWith('ssh-rsa ')) throw badRequest(INVALID_KEY_MESSAGE, 'ArgumentException');
  const [, blob = '', ...comment] = key.split(/ +/);
  if (/[\r\n\t]/.test(key)) throw badRequest('Invalid key: the key must be on a single line.', 'ArgumentException'); // guessed wording
  // The blob starts with the length-prefixed key type (RFC 4253 §6.6).
  const bytes = Buffer.from(blob, 'base64');
  const typeLength = bytes.length >= 4 ? bytes.readUInt32BE(0) : 0;
  if (typeLength !== 7 || bytes.subarray(4, 11).toString('latin1') !== 'ssh-rsa' || bytes.length < 64) {
    throw badRequest('Invalid key: the key data is not a valid ssh-rsa public key.', 'ArgumentException'); // guessed wording
  }
  return ['ssh-rsa', blob, ...comment].join(' ');
}

function sessionTokenJson(ctx: Ctx, key: FixtureSshKey) {
  return {
    clientId: ZERO_GUID,
    accessId: key.authorizationId.replace(/^.{8}/, 'acce55ed'),
    authorizationId: key.authorizationId,
    hostAuthorizationId: ZERO_GUID,
    userId: key.userId,
    validFrom: key.validFrom,
    validTo: key.validTo,
    displayName: key.displayName,
    scope: 'app_token',
    targetAccounts: [org(ctx).id],
    token: null,
    alternateToken: null,
    isValid: Date.parse(key.validTo) > ctx.state.now(),
    isPublic: true,
    publicData: key.publicData,
    source: null,
    claims: null,
  };
}

function patJson(ctx: Ctx, pat: FixturePat, authorizationId: string, withToken: boolean) {
  return {
    clientId: ZERO_GUID,
    authorizationId,
    hostAuthorizationId: ZERO_GUID,
    userId: pat.userId,
    validFrom: ctx.state.nowIso(),
    validTo: pat.validTo,
    displayName: pat.displayName,
    scope: pat.scopes.join(' '),
    targetAccounts: [org(ctx).id],
    token: withToken ? pat.token : null,
    alternateToken: null,
    isValid: Date.parse(pat.validTo) > ctx.state.now(),
    isPublic: false,
    publicData: null,
    source: null,
    claims: null,
  };
}

/** A PAT that looks real: 84 characters matching /^.{76}AZDO.{4}$/ (docs/azure-devops-rest.md#personal-access-tokens). */
export function newPatToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const pick = (n: number) => [...randomBytes(n)].map((b) => alphabet[b % alphabet.length]).join('');
  return `${pick(76)}AZDO${pick(4)}`;
}

/** Creates an SSH key (isPublic) or a PAT for the caller in this org. */
function createSessionToken(ctx: Ctx, input: SessionTokenInput) {
  const o = org(ctx);
  const user = me(ctx);
  const validFrom = input.validFrom && !Number.isNaN(Date.parse(input.validFrom)) ? new Date(input.validFrom).toISOString() : ctx.state.nowIso();
  const requestedTo = input.validTo && !Number.isNaN(Date.parse(input.validTo)) ? Date.parse(input.validTo) : Date.parse(validFrom) + ONE_YEAR_MS;
  // SSH keys expire after at most one year (docs/azure-devops-rest.md#ssh-keys).
  const validTo = new Date(Math.min(requestedTo, Date.parse(validFrom) + ONE_YEAR_MS)).toISOString();
  if (input.isPublic === false) {
    const pat: FixturePat = {
      token: newPatToken(),
      userId: user.id,
      organization: o.name,
      scopes: (input.scope ?? 'app_token').split(/\s+/).filter(Boolean),
      validTo,
      displayName: input.displayName ?? 'token',
    };
    ctx.state.data.pats.push(pat);
    return patJson(ctx, pat, ctx.state.newGuid(), true);
  }
  if (!input.displayName?.trim()) throw badRequest('A name is required for the SSH key.', 'ArgumentNullException');
  const publicData = validatePublicKey(input.publicData);
  const blob = publicData.split(' ')[1];
  const keys = (o.sshKeys ??= []);
  if (keys.some((k) => k.userId === user.id && k.publicData.split(' ')[1] === blob)) {
    throw new AdoError(409, 'SessionTokenAlreadyExistsException', 'Invalid key: this public key is already registered.'); // guessed wording
  }
  const key: FixtureSshKey = { authorizationId: ctx.state.newGuid(), userId: user.id, displayName: input.displayName.trim(), publicData, validFrom, validTo };
  keys.push(key);
  return sessionTokenJson(ctx, key);
}

function listSessionTokens(ctx: Ctx) {
  const o = org(ctx);
  const user = me(ctx);
  if (queryParam(ctx, 'isPublic') === 'true') {
    const includePublicData = queryParam(ctx, 'includePublicData') === 'true';
    return list(
      (o.sshKeys ?? [])
        .filter((k) => k.userId === user.id)
        .map((k) => ({ ...sessionTokenJson(ctx, k), publicData: includePublicData ? k.publicData : null })),
    );
  }
  return list(
    ctx.state.data.pats
      .filter((p) => p.userId === user.id && p.organization.toLowerCase() === o.name.toLowerCase())
      .map((p, i) => patJson(ctx, p, `${i + 1}`.padStart(8, '0') + ZERO_GUID.slice(8), false)),
  );
}

function deleteSessionToken(ctx: Ctx, authorizationId: string) {
  const keys = org(ctx).sshKeys ?? [];
  const index = keys.findIndex((k) => k.authorizationId.toLowerCase() === authorizationId.toLowerCase() && k.userId === me(ctx).id);
  if (index < 0) throw new AdoError(404, 'SessionTokenNotFoundException', `The session token ${authorizationId} was not found.`);
  keys.splice(index, 1);
  return empty(204);
}

/** Contribution HierarchyQuery: data-provider failures come back as 200 + dataProviderExceptions. */
function hierarchyQuery(ctx: Ctx) {
  const input = body<{ contributionIds?: string[]; dataProviderContext?: { properties?: SessionTokenInput } }>(ctx);
  const ids = input.contributionIds ?? [];
  const dataProviders: Record<string, unknown> = { 'ms.vss-web.component-data': {}, 'ms.vss-web.shared-data': null };
  const exceptions: Record<string, { exceptionType: string; message: string; stackTrace: null; typeKey: string }> = {};
  for (const id of ids) {
    if (id !== SESSION_TOKEN_PROVIDER) {
      dataProviders[id] = null;
      continue;
    }
    try {
      dataProviders[id] = createSessionToken(ctx, { isPublic: true, ...input.dataProviderContext?.properties });
    } catch (error) {
      if (!(error instanceof AdoError)) throw error;
      dataProviders[id] = null;
      exceptions[id] = { exceptionType: error.typeKey, message: error.message, stackTrace: null, typeKey: error.typeKey };
    }
  }
  return json(200, {
    dataProviderSharedData: {},
    dataProviders,
    ...(Object.keys(exceptions).length ? { dataProviderExceptions: exceptions } : {}),
  });
}

/**
 * The `sshKeyRefusal` switch: the internal API says no in one of the ways a client must survive
 * (docs/ssh-keys.md). The HTML page stands for a portal page served where JSON was expected.
 */
function refusable(handler: Route['handler']): Route['handler'] {
  return (ctx, params) => {
    const refusal = ctx.state.failures.sshKeyRefusal;
    if (refusal === 401) throw notAuthorized(me(ctx).id);
    if (refusal === 403) throw new AdoError(403, 'AccessCheckException', 'Access Denied: you do not have permission to manage SSH keys.'); // guessed wording
    if (refusal === 404) throw notFound(ctx.url.pathname);
    if (refusal === 'html') return html(200, `<!DOCTYPE html><html><head><title>Azure DevOps</title></head><body><p>${escapeHtml(ctx.url.pathname)}</p></body></html>`);
    return handler(ctx, params);
  };
}

const TOKENS = '_apis/Token/SessionTokens';

const routes: Route[] = [
  { method: 'GET', path: TOKENS, resource: 'Token/SessionTokens', project: 'none', sites: ['vssps'], scope: 'vso.tokens', handler: listSessionTokens },
  {
    method: 'POST',
    path: TOKENS, resource: 'Token/SessionTokens',
   
    project: 'none',
    sites: ['vssps'],
    scope: 'vso.tokens',
    handler: (ctx) => json(200, createSessionToken(ctx, body<SessionTokenInput>(ctx))),
  },
  {
    method: 'DELETE',
    path: `${TOKENS}/:authorizationId`, resource: 'Token/SessionTokens',
   
    project: 'none',
    sites: ['vssps'],
    scope: 'vso.tokens',
    handler: (ctx, p) => deleteSessionToken(ctx, p.authorizationId!),
  },
  // The contribution route also exists per project in the portal; both are served.
  { method: 'POST', path: '_apis/Contribution/HierarchyQuery', resource: 'Contribution/HierarchyQuery', project: 'none', scope: 'vso.tokens', handler: hierarchyQuery },
  { method: 'POST', path: '_apis/Contribution/HierarchyQuery/project/:projectId', resource: 'Contribution/HierarchyQuery', project: 'none', scope: 'vso.tokens', handler: hierarchyQuery },
];

export const sshKeyRoutes: Route[] = routes.map((route) => ({ ...route, handler: refusable(route.handler) }));
