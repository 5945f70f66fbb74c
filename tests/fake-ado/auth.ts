/**
 * Who is calling and may they: PAT (Basic, docs/azure-devops-rest.md#personal-access-tokens), Entra access token (Bearer, docs/entra-oauth.md), or nobody.
 *
 * - `identify`  reads the Authorization header; never throws.
 * - `authorizeOrg` applies docs/azure-devops-rest.md#personal-access-tokens, docs/entra-oauth.md to one organization: PAT expiry and org binding, Bearer tenant,
 *   the "Third-party application access via OAuth" policy, membership.
 * - `requireScope` checks a PAT's scopes against the route's (docs/azure-devops-rest.md#personal-access-tokens table; Bearer tokens carry
 *   user_impersonation = everything).
 * - `unauthenticatedReply` is what a caller without (valid) credentials gets: 401 JSON with the
 *   Suppress header, otherwise 203 + HTML sign-in page (docs/azure-devops-rest.md#versions-headers-errors), plus the tenant discovery headers.
 */
import { type AdoError, notAuthenticated, notAuthorized, patExpired, signInPageHtml, wrongTenant } from './errors';
import type { FixtureOrganization } from './fixture-types';
import { header, html, json, type Ctx, type Principal, type Reply } from './http';
import { ZERO_GUID, type FakeState } from './state';
import { hasWebSessionCookie } from './web-session';

export type Scope =
  | 'any'
  | 'vso.profile'
  | 'vso.project'
  | 'vso.code'
  | 'vso.code_write'
  | 'vso.code_manage'
  | 'vso.identity'
  | 'vso.graph'
  | 'vso.work'
  | 'vso.work_write'
  | 'vso.tokens';

/** Each scope and the scopes that include it (docs/azure-devops-rest.md#personal-access-tokens: vso.code_manage ⊃ vso.code_write ⊃ vso.code). */
const IMPLIED_BY: Record<Exclude<Scope, 'any'>, string[]> = {
  'vso.profile': ['vso.profile_write'],
  'vso.project': ['vso.project_write', 'vso.project_manage'],
  'vso.code': ['vso.code_write', 'vso.code_manage', 'vso.code_full'],
  'vso.code_write': ['vso.code_manage', 'vso.code_full'],
  'vso.code_manage': ['vso.code_full'],
  'vso.identity': ['vso.identity_manage'],
  'vso.graph': ['vso.graph_manage'],
  'vso.work': ['vso.work_write', 'vso.work_full'],
  'vso.work_write': ['vso.work_full'],
  'vso.tokens': [],
};

export function patHasScope(granted: string[], needed: Scope | Scope[]): boolean {
  if (granted.includes('app_token')) return true;
  const anyOf = Array.isArray(needed) ? needed : [needed];
  return anyOf.some((scope) => scope === 'any' || granted.includes(scope) || IMPLIED_BY[scope].some((s) => granted.includes(s)));
}

export function identify(authorization: string | undefined, state: FakeState): Principal {
  if (!authorization) return { kind: 'none' };
  const [scheme = '', ...rest] = authorization.trim().split(/\s+/);
  const credential = rest.join(' ');
  if (/^basic$/i.test(scheme)) {
    // "Use any value for the user name and the token as the password" (docs/azure-devops-rest.md#personal-access-tokens).
    // Without the colon there is no password, hence no PAT (a common client mistake; stay strict).
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const pat = colon >= 0 ? state.pat(decoded.slice(colon + 1)) : undefined;
    const user = pat && state.user(pat.userId);
    return pat && user ? { kind: 'pat', pat, user } : { kind: 'invalid', scheme: 'basic' };
  }
  if (/^bearer$/i.test(scheme)) {
    const token = state.accessTokens.get(credential);
    const user = token && state.user(token.userId);
    return token && user ? { kind: 'bearer', token, user } : { kind: 'invalid', scheme: 'bearer' };
  }
  return { kind: 'invalid', scheme: scheme.toLowerCase() };
}

/** Null when the principal may call APIs of `org`; otherwise the error to answer with. */
export function authorizeOrg(ctx: Ctx, org: FixtureOrganization): AdoError | null {
  const p = ctx.principal;
  const origin = `https://${ctx.hostHeader}`;
  if (p.kind === 'pat') {
    if (Date.parse(p.pat.validTo) <= ctx.state.now()) return patExpired();
    // A PAT is bound to one organization (docs/azure-devops-rest.md#personal-access-tokens); elsewhere it is just an unknown credential.
    if (p.pat.organization.toLowerCase() !== org.name.toLowerCase()) return notAuthenticated(origin);
    if (!ctx.state.isMember(org, p.user.id)) return notAuthorized(p.user.id);
    return null;
  }
  if (p.kind === 'session') {
    // The web sign-in is the user themselves: no token expiry, scope or OAuth policy applies.
    return ctx.state.isMember(org, p.user.id) ? null : notAuthorized(p.user.id);
  }
  if (p.kind === 'bearer') {
    if (p.token.expiresAt <= ctx.state.now() || !p.token.azureDevOps) {
      return notAuthenticated(origin, {
        'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The access token is expired or not issued for Azure DevOps"',
      });
    }
    // "OAuth 2.0 is available only for Azure DevOps Services" (docs/entra-oauth.md).
    if (org.kind === 'server') return notAuthenticated(origin);
    // "Microsoft Entra apps don't natively support MSA users for the Azure DevOps REST APIs" (docs/entra-oauth.md).
    if (p.token.tenantId === ZERO_GUID) return notAuthorized(p.user.id);
    if (org.tenantId.toLowerCase() !== p.token.tenantId.toLowerCase()) return wrongTenant(org.name, org.tenantId, p.token.tenantId);
    if (!org.oauthAllowed) return notAuthorized(p.user.id);
    if (!ctx.state.isMember(org, p.user.id)) return notAuthorized(p.user.id);
    return null;
  }
  return notAuthenticated(origin);
}

export function requireScope(ctx: Ctx, needed: Scope | Scope[]): void {
  const p = ctx.principal;
  if (p.kind === 'pat' && !patHasScope(p.pat.scopes, needed)) throw notAuthorized(p.user.id);
}

/** docs/entra-oauth.md tenant discovery: what an unauthenticated request to an org learns about its tenant. */
export function tenantHeaders(org: FixtureOrganization | null): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  const challenges: string[] = [];
  if (org && org.kind === 'cloud') {
    headers['X-VSS-ResourceTenant'] = org.tenantId;
    // An MSA-backed org has no Entra authority to point at; it only sends the all-zero tenant.
    if (org.tenantId !== ZERO_GUID) challenges.push(`Bearer authorization_uri=https://login.microsoftonline.com/${org.tenantId}`);
  }
  challenges.push('Basic realm="https://tfsprodweu5.visualstudio.com/"', 'TFS-Federated');
  headers['WWW-Authenticate'] = challenges;
  return headers;
}

function wantsSuppress(ctx: Ctx): boolean {
  return (
    /^suppress$/i.test(header(ctx, 'x-tfs-fedauthredirect') ?? '') ||
    /^suppress$/i.test(header(ctx, 'x-vss-reauthenticationaction') ?? '')
  );
}

/**
 * For a credential that was not accepted (`error.challenge`), docs/azure-devops-rest.md#versions-headers-errors: with `X-TFS-FedAuthRedirect: Suppress` a 401 JSON; without it GET/POST/HEAD get 203 + the
 * HTML sign-in page (PATCH and the rest got 401 even then).
 */
export function unauthenticatedReply(ctx: Ctx, error: AdoError): Reply {
  const headers = mergeHeaders(tenantHeaders(ctx.org), error.headers);
  // A browser's own request (it carries the web session cookie, now ended or not counted) gets no Basic
  // challenge: browsers answer one with a password dialog over the page (assumption, docs/page-session.md).
  if (hasWebSessionCookie(ctx)) headers['WWW-Authenticate'] = [headers['WWW-Authenticate'] ?? []].flat().filter((c) => !/^Basic\b/i.test(c));
  if (!wantsSuppress(ctx) && ['GET', 'POST', 'HEAD'].includes(ctx.method)) {
    return html(203, signInPageHtml(ctx.url.href), headers);
  }
  return json(error.status, error.envelope(), headers);
}

/** The 203 sign-in page for the "signInPage" failure mode (session lost even with credentials). */
export function signInPageReply(ctx: Ctx): Reply {
  return html(203, signInPageHtml(ctx.url.href), tenantHeaders(ctx.org));
}

function mergeHeaders(a: Record<string, string | string[]>, b: Record<string, string | string[]>) {
  const out: Record<string, string | string[]> = { ...a };
  for (const [name, value] of Object.entries(b)) {
    const existing = out[name];
    out[name] = existing === undefined ? value : [...[value].flat(), ...[existing].flat()];
  }
  return out;
}
