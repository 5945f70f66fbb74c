/**
 * Request context and reply values shared by every route. Routes are plain functions
 * `(ctx, params) => Reply`; server.ts owns the sockets.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { FixtureOrganization, FixtureUser, FixturePat } from './fixture-types';
import type { Site } from './hosts';
import { badRequest } from './errors';
import type { AccessTokenRecord, FakeState, RequestLogEntry, WebSessionRecord } from './state';

export type Headers = Record<string, string | string[]>;

export type Reply =
  | { status: number; json: unknown; headers?: Headers }
  | { status: number; html: string; headers?: Headers }
  | { status: number; text?: string; headers?: Headers };

export const json = (status: number, body: unknown, headers?: Headers): Reply => ({ status, json: body, headers });
export const html = (status: number, body: string, headers?: Headers): Reply => ({ status, html: body, headers });
export const empty = (status: number, headers?: Headers): Reply => ({ status, headers });
export const redirect = (location: string, headers?: Headers): Reply => ({ status: 302, headers: { ...headers, Location: location } });

/** `{ count, value }`: how Azure DevOps wraps every collection. */
export const list = <T>(value: T[], headers?: Headers): Reply => json(200, { count: value.length, value }, headers);

/** Who is calling (auth.ts decides). */
export type Principal =
  | { kind: 'none' }
  | { kind: 'invalid'; scheme: string }
  | { kind: 'pat'; user: FixtureUser; pat: FixturePat }
  | { kind: 'bearer'; user: FixtureUser; token: AccessTokenRecord }
  /** The web sign-in cookie of the host, on a request without an Authorization header (web-session.ts). */
  | { kind: 'session'; user: FixtureUser; session: WebSessionRecord };

export interface Ctx {
  state: FakeState;
  method: string;
  /** Host header as sent (may carry a port). */
  hostHeader: string;
  /** Host name, lower case, without port. */
  host: string;
  url: URL;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  site: Site;
  org: FixtureOrganization | null;
  /** `https://{Host}{basePath}`: where the org lives for this caller (URLs in answers are built from it). */
  base: string;
  principal: Principal;
  /** api-version as sent (query or Accept header), null when absent. */
  apiVersion: string | null;
  /** Extra fields for the request log line (grant type…). */
  log: Partial<RequestLogEntry>;
}

export function header(ctx: Pick<Ctx, 'headers'>, name: string): string | undefined {
  const value = ctx.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The JSON body; 400 with a VSS-style message when it is not JSON. */
export function body<T = Record<string, unknown>>(ctx: Ctx): T {
  const text = ctx.rawBody.toString('utf8');
  if (!text.trim()) throw badRequest('The request body was empty. A value is required.', 'ArgumentNullException');
  try {
    return JSON.parse(text) as T;
  } catch {
    throw badRequest('The request body could not be parsed as JSON.', 'InvalidArgumentValueException');
  }
}

/** x-www-form-urlencoded body (Entra endpoints). */
export function form(ctx: Ctx): URLSearchParams {
  return new URLSearchParams(ctx.rawBody.toString('utf8'));
}

/** The authenticated user; routes only run after auth.ts accepted the caller. */
export function me(ctx: Ctx): FixtureUser {
  if (ctx.principal.kind === 'pat' || ctx.principal.kind === 'bearer' || ctx.principal.kind === 'session') return ctx.principal.user;
  throw new Error('route ran without an authenticated principal');
}

export function org(ctx: Ctx): FixtureOrganization {
  if (!ctx.org) throw new Error('route ran without an organization');
  return ctx.org;
}

/** Integer query parameter, or undefined; 400 when present but not a non-negative integer. */
export function intParam(ctx: Ctx, name: string): number | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw badRequest(`The value '${raw}' is not valid for parameter ${name}.`);
  return Number(raw);
}

/** Query parameter lookup ignoring case (ASP.NET binds query names case-insensitively). */
export function queryParam(ctx: Ctx, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of ctx.query) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
