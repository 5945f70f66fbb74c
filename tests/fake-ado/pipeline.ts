/**
 * What happens to one request once server.ts has read it: pick the site (hosts.ts), then
 *
 *   REST (`/_apis/`):  org exists → throttle (docs/azure-devops-rest.md#throttling) → credentials (docs/azure-devops-rest.md#personal-access-tokens, docs/entra-oauth.md; 401/203 per docs/azure-devops-rest.md#versions-headers-errors) →
 *                      "sign-in page" failure mode → route → api-version (docs/azure-devops-rest.md#versions-headers-errors) → PAT scope (docs/azure-devops-rest.md#personal-access-tokens) → handler
 *   Entra:             routes/entra.ts
 *   web sign-in:       web-session.ts (/_signin, /_signedin; the session cookie is read in server.ts)
 *   anything else:     tenant discovery for the org root (docs/entra-oauth.md), avatars, then pages/index.ts renderPage
 *                      (a page needs the web session unless it shows a public project)
 */
import {
  AdoError,
  badApiVersion,
  escapeHtml,
  methodNotAllowed,
  notAuthenticated,
  notFound,
  notFoundHtml,
  orgNotFound,
  previewFlagRequired,
  throttled,
  versionNotSpecified,
  versionOutOfRange,
} from './errors';
import { authorizeOrg, requireScope, signInPageReply, tenantHeaders, unauthenticatedReply } from './auth';
import { header, html, json, queryParam, type Ctx, type Reply } from './http';
import { renderPage } from './pages/index';
import { findRoute, splitPath } from './router';
import { apiRoutes } from './routes/index';
import { entraRequest } from './routes/entra';
import { CLOUD_MAX_API_VERSION, CLOUD_RELEASED_API_VERSION, newestApiVersionOf } from './state';
import { releasedVersionOf, type ResourceName } from './resource-versions';
import { noAccessPage, webSignInRedirect, webSignInRequest } from './web-session';

export function apiVersionOf(ctx: Pick<Ctx, 'query' | 'headers'>): string | null {
  const fromQuery = queryParam(ctx as Ctx, 'api-version');
  if (fromQuery) return fromQuery;
  const accept = header(ctx, 'accept') ?? '';
  return /api-version=([^;,\s]+)/i.exec(accept)?.[1] ?? null;
}

/**
 * docs/azure-devops-rest.md#versions-headers-errors, #resource-versions: reject versions newer than the
 * org serves, and a version without -preview above the one the resource is released at (7.2 on
 * Services, anything for a resource Learn lists only as a preview).
 */
function checkApiVersion(ctx: Ctx, resource: ResourceName | null): void {
  const requested = ctx.apiVersion;
  if (!requested) {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(ctx.method)) throw versionNotSpecified(ctx.method);
    return;
  }
  const match = /^(\d+)(?:\.(\d+))?(-preview(?:\.\d+)?)?$/i.exec(requested);
  if (!match) throw badApiVersion(requested);
  const number = Number(`${match[1]}.${match[2] ?? '0'}`);
  const server = ctx.org?.kind === 'server';
  const latest = ctx.org ? newestApiVersionOf(ctx.org) : CLOUD_MAX_API_VERSION;
  if (number > Number(latest)) throw versionOutOfRange(requested, latest);
  if (match[3] || !resource) return;
  const released = releasedVersionOf(resource, server ? latest : CLOUD_RELEASED_API_VERSION);
  if (released === null || number > Number(released)) throw previewFlagRequired(requested);
}

function throttledReply(ctx: Ctx, retryAfterSeconds: number): Reply {
  const error = throttled();
  return json(429, error.envelope(), {
    'Retry-After': String(retryAfterSeconds),
    'X-RateLimit-Resource': 'ATCPU',
    'X-RateLimit-Delay': '0.000',
    'X-RateLimit-Limit': '200',
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset': String(Math.ceil(ctx.state.now() / 1000) + retryAfterSeconds),
  });
}

const isApiPath = (rest: string) => splitPath(rest).slice(0, 2).some((s) => s.toLowerCase() === '_apis');

async function api(ctx: Ctx): Promise<Reply> {
  const { site, state } = ctx;
  const origin = `https://${ctx.hostHeader}`;
  if (site.kind !== 'app-vssps' && !ctx.org) {
    // Azure DevOps Services answers the API of an organization that does not exist like a refused
    // credential (Azure/azure-cli#32897); only an anonymous HEAD on the organization tells (404).
    if (site.orgName && site.flavor !== 'server') throw notAuthenticated(origin);
    throw site.orgName ? orgNotFound(site.orgName) : notFound(ctx.url.pathname);
  }

  const throttle = state.failures.throttle;
  if (throttle && throttle.count > 0) {
    throttle.count -= 1;
    if (throttle.count === 0) state.failures.throttle = null;
    return throttledReply(ctx, throttle.retryAfterSeconds);
  }

  const { match, methodMismatch } = findRoute(apiRoutes, site.kind, ctx.method, site.rest);
  const p = ctx.principal;
  if (p.kind === 'none' || p.kind === 'invalid') {
    if (!(p.kind === 'none' && match?.route.anonymous)) return unauthenticatedReply(ctx, notAuthenticated(origin));
  } else {
    if (state.failures.signInPage) return signInPageReply(ctx);
    if (site.kind === 'app-vssps') {
      // Profile and accounts take Entra tokens only (docs/azure-devops-rest.md#profile-and-organizations).
      if (p.kind !== 'bearer' || p.token.expiresAt <= state.now() || !p.token.azureDevOps) {
        return unauthenticatedReply(ctx, notAuthenticated(origin));
      }
    } else {
      const error = authorizeOrg(ctx, ctx.org!);
      if (error) return error.challenge ? unauthenticatedReply(ctx, error) : json(error.status, error.envelope(), { ...tenantHeaders(ctx.org), ...error.headers });
    }
  }

  if (!match) throw methodMismatch ? methodNotAllowed(ctx.method) : notFound(ctx.url.pathname);
  checkApiVersion(ctx, match.route.resource);
  requireScope(ctx, match.route.scope);
  return match.route.handler(ctx, match.params);
}

/** A small SVG with initials, for `_api/_common/identityImage?id=` (imageUrl of identity refs). */
function avatar(ctx: Ctx): Reply {
  const user = ctx.state.user(ctx.query.get('id') ?? '');
  const initials = (user?.displayName ?? '?')
    .split(/\s+/)
    .map((w) => w[0])
    .join('')
    .slice(0, 2);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" rx="32" fill="#0078d4"/><text x="32" y="40" font-family="Segoe UI,sans-serif" font-size="24" fill="#fff" text-anchor="middle">${escapeHtml(initials)}</text></svg>`;
  return { status: 200, text: svg, headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' } };
}

function page(ctx: Ctx): Reply {
  const { site } = ctx;
  const segments = splitPath(site.rest);
  if (segments[0]?.toLowerCase() === '_api' && segments[2]?.toLowerCase() === 'identityimage') return avatar(ctx);

  // Tenant discovery (docs/entra-oauth.md): unauthenticated HEAD on the org (and GET from non-browsers).
  const orgRoot = site.kind === 'ado' && ctx.org && segments.length === 0;
  if (orgRoot && ctx.principal.kind !== 'pat' && ctx.principal.kind !== 'bearer') {
    const browser = ctx.method === 'GET' && /text\/html/i.test(header(ctx, 'accept') ?? '');
    if (!browser) {
      return ctx.method === 'HEAD' || ctx.method === 'GET'
        ? json(401, notAuthenticated(`https://${ctx.hostHeader}`).envelope(), tenantHeaders(ctx.org))
        : json(405, methodNotAllowed(ctx.method).envelope());
    }
  }
  if (site.kind !== 'ado' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) {
    return html(404, notFoundHtml(ctx.url.pathname));
  }
  const p = ctx.principal;
  const user = p.kind === 'pat' || p.kind === 'bearer' || p.kind === 'session' ? p.user : null;
  // Pages read the live data (same shape as the fixture), so API changes show up on them.
  const rendered = renderPage(
    { host: ctx.hostHeader, path: ctx.url.pathname, query: ctx.query, organization: ctx.org?.name ?? null, cookie: header(ctx, 'cookie'), user },
    ctx.state.data,
  );
  const extra = orgRoot ? tenantHeaders(ctx.org) : undefined;
  if (!rendered) return html(404, notFoundHtml(ctx.url.pathname), extra);
  // Anyone may look at a public project; everything else needs the web sign-in (web-session.ts).
  if (!rendered.publicProject) {
    if (!user) return webSignInRedirect(ctx, extra);
    if (ctx.org && !ctx.state.isMember(ctx.org, user.id)) return noAccessPage(user, ctx.org.name);
  }
  return html(rendered.status, rendered.html, extra);
}

export async function dispatch(ctx: Ctx): Promise<Reply> {
  try {
    switch (ctx.site.kind) {
      case 'entra':
        return entraRequest(ctx);
      case 'ssh':
        return html(404, notFoundHtml(ctx.url.pathname));
      default:
        return webSignInRequest(ctx) ?? (isApiPath(ctx.site.rest) ? await api(ctx) : page(ctx));
    }
  } catch (error) {
    if (error instanceof AdoError) return json(error.status, error.envelope(), error.headers);
    throw error;
  }
}
