/**
 * The web sign-in of Azure DevOps (docs/page-session.md): what a browser, and so a content script
 * making same-origin requests, is signed in with.
 *
 *   web page, no session             302 → https://app.vssps.visualstudio.com/_signin?realm={host}&reply_to={url}
 *                                    (Server and local hosts: their own /_signin)
 *   GET  /_signin                    "Sign in to Azure DevOps": a form with one button per user
 *                                    (invented markup, fake- classes)
 *   POST https://{realm}/_signedin   sets `UserAuthentication` on that host (HttpOnly; Secure;
 *                                    SameSite=None; Path=/), 302 → reply_to
 *   request with the cookie and no   that user. A state-changing method counts the cookie only with
 *   Authorization header             the host's own `Origin` (a cross-site or Origin-less request is
 *                                    answered as unauthenticated: the 401/203 of auth.ts)
 *
 * Sessions are random ids in FakeState; `control.endWebSessions()` ends them all ("signed out in
 * another tab"), after which pages redirect to the sign-in page again and REST calls get 401/203.
 */
import { escapeHtml } from './errors';
import type { FixtureUser } from './fixture-types';
import { form, header, html, redirect, type Ctx, type Headers, type Principal, type Reply } from './http';
import type { FakeState, WebSessionRecord } from './state';

/** The session cookie's name on dev.azure.com (docs/page-session.md). */
export const WEB_SESSION_COOKIE = 'UserAuthentication';
/** Where cloud pages send a browser without a session (the real service goes on to Entra from there). */
export const CLOUD_SIGN_IN_HOST = 'app.vssps.visualstudio.com';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `Set-Cookie` for a new session (attributes: docs/page-session.md). */
export function webSessionSetCookie(session: WebSessionRecord): string {
  return `${WEB_SESSION_COOKIE}=${session.id}; Path=/; Secure; HttpOnly; SameSite=None`;
}

function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

/** The request carries a web session cookie, live or not. */
export function hasWebSessionCookie(ctx: Pick<Ctx, 'headers'>): boolean {
  return cookieValue(header(ctx, 'cookie'), WEB_SESSION_COOKIE) !== undefined;
}

/**
 * The caller as the web session cookie says, for a request that carries no Authorization header:
 * `none` without a live session of this host, and for a state-changing request whose `Origin` is
 * missing or another site's (docs/page-session.md, "Origin").
 */
export function webSessionPrincipal(ctx: Ctx): Principal {
  const id = cookieValue(header(ctx, 'cookie'), WEB_SESSION_COOKIE);
  const session = id ? ctx.state.webSession(id, ctx.host) : undefined;
  const user = session && ctx.state.user(session.userId);
  if (!session || !user) return { kind: 'none' };
  if (!SAFE_METHODS.has(ctx.method) && header(ctx, 'origin') !== `https://${ctx.hostHeader}`) return { kind: 'none' };
  return { kind: 'session', user, session };
}

const isCloudWebHost = (host: string) => host === 'dev.azure.com' || host.endsWith('.visualstudio.com');

/** Cloud web hosts sign in through app.vssps; a Server (or a local host) has its own page. */
function signInPageUrl(ctx: Pick<Ctx, 'host' | 'hostHeader' | 'url'>): string {
  const signIn = new URL(`https://${isCloudWebHost(ctx.host) ? CLOUD_SIGN_IN_HOST : ctx.hostHeader}/_signin`);
  signIn.searchParams.set('realm', ctx.hostHeader);
  signIn.searchParams.set('reply_to', ctx.url.href);
  return signIn.href;
}

/** What a browser without a session gets for a web page. */
export function webSignInRedirect(ctx: Ctx, headers: Headers = {}): Reply {
  return redirect(signInPageUrl(ctx), { ...headers, 'Cache-Control': 'no-store' });
}

/** Web hosts a session can be made for: dev.azure.com, legacy hosts of known organizations, Server hosts. */
export function isWebHost(state: FakeState, host: string): boolean {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  if (name === 'dev.azure.com') return true;
  const legacy = /^([a-z0-9-]+)\.visualstudio\.com$/.exec(name);
  if (legacy) return Boolean(state.cloudOrg(legacy[1]!));
  return state.serverCollections(name).length > 0;
}

/** Every web host of the fixture: where a browser keeps a session cookie. */
export function webHostsFor(state: FakeState): string[] {
  const hosts = new Set(['dev.azure.com']);
  for (const org of state.data.organizations) {
    if (org.kind === 'cloud') hosts.add(`${org.name.toLowerCase()}.visualstudio.com`);
    else if (org.serverHost) hosts.add(org.serverHost.toLowerCase());
  }
  return [...hosts];
}

/** `reply_to` when it is a page of the realm, else the realm's root (no open redirect). */
function replyTo(realm: string, requested: string | null): string {
  try {
    const url = new URL(requested ?? '');
    if (url.protocol === 'https:' && url.host.toLowerCase() === realm.toLowerCase()) return url.href;
  } catch {
    // falls through to the realm's root
  }
  return `https://${realm}/`;
}

function signInPage(realm: string, reply: string, users: FixtureUser[]): Reply {
  const buttons = users
    .map(
      (u) => `    <li class="fake-ado-sign-in-user">
      <button type="submit" name="user" value="${escapeHtml(u.id)}">Sign in as ${escapeHtml(u.displayName)}</button>
      <span class="fake-ado-sign-in-email">${escapeHtml(u.email)}</span>
    </li>`,
    )
    .join('\n');
  return html(
    200,
    `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Azure DevOps Services | Sign In</title>
<style>body{font-family:"Segoe UI",sans-serif;max-width:440px;margin:48px auto}li{list-style:none;margin:8px 0}button{min-width:220px;padding:8px}</style></head>
<body>
<main class="fake-ado-sign-in">
<h1>Sign in to Azure DevOps</h1>
<p>to continue to <span class="fake-ado-sign-in-realm">${escapeHtml(realm)}</span></p>
<form method="post" action="https://${escapeHtml(realm)}/_signedin">
  <input type="hidden" name="reply_to" value="${escapeHtml(reply)}">
  <ul>
${buttons}
  </ul>
</form>
</main>
</body></html>`,
    { 'Cache-Control': 'no-store' },
  );
}

/**
 * `GET /_signin` on the sign-in host and `POST /_signedin` on a web host; null for anything else.
 * The paths sit at the host's root, outside every organization.
 */
export function webSignInRequest(ctx: Ctx): Reply | null {
  const path = ctx.url.pathname.replace(/\/+$/, '').toLowerCase();
  if (path === '/_signin' && ctx.method === 'GET' && (ctx.host === CLOUD_SIGN_IN_HOST || !isCloudWebHost(ctx.host))) {
    // app.vssps signs in to cloud hosts; a Server or local host only to itself.
    const realm = (ctx.query.get('realm') ?? '').toLowerCase();
    const known = ctx.host === CLOUD_SIGN_IN_HOST ? isCloudWebHost(realm) && isWebHost(ctx.state, realm) : realm === ctx.hostHeader;
    if (!known) return html(400, '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bad request</title></head><body><p>Unknown realm.</p></body></html>');
    return signInPage(realm, replyTo(realm, ctx.query.get('reply_to')), ctx.state.data.users);
  }
  if (path === '/_signedin' && ctx.method === 'POST' && ctx.site.kind === 'ado') {
    const posted = form(ctx);
    const user = ctx.state.user(posted.get('user') ?? '');
    const reply = replyTo(ctx.hostHeader, posted.get('reply_to'));
    if (!user) return redirect(signInPageUrl({ ...ctx, url: new URL(reply) }));
    const session = ctx.state.startWebSession(ctx.host, user.id);
    ctx.log.userId = user.id;
    return redirect(reply, { 'Set-Cookie': webSessionSetCookie(session), 'Cache-Control': 'no-store' });
  }
  return null;
}

/** The page a signed-in user gets in an organization they are no member of (invented markup). */
export function noAccessPage(user: FixtureUser, org: string): Reply {
  return html(
    401,
    `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Azure DevOps Services | Access denied</title></head>
<body><main class="fake-ado-no-access"><h1>You don't have access</h1>
<p>${escapeHtml(user.displayName)} (${escapeHtml(user.email)}) is not a member of ${escapeHtml(org)}.</p></main></body></html>`,
  );
}
