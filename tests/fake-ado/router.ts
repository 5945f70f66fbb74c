/**
 * A tiny router for the REST routes. Patterns are written relative to the organization base and
 * after the optional `{project}` segment that most Azure DevOps route templates start with
 * ("{project}/_apis/{area}/…", see locations.ts), e.g. `_apis/git/repositories/:repositoryId`.
 *
 * - literals match case-insensitively (the service does);
 * - `:name` captures one decoded segment, `:name?` an optional trailing one, `*name` the rest.
 */
import type { Scope } from './auth';
import type { SiteKind } from './hosts';
import type { Ctx, Reply } from './http';
import type { ResourceName } from './resource-versions';

export type Params = Record<string, string | undefined> & { project?: string };

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
  path: string;
  /** Whether a `{project}` segment may precede the path (default: optional). */
  project?: 'optional' | 'none';
  /** Hosts the route is served on (default: ado). */
  sites?: SiteKind[];
  /** PAT scope needed (any of, when an array); Bearer tokens have them all (docs/azure-devops-rest.md#personal-access-tokens). */
  scope: Scope | Scope[];
  /** Callers without credentials may use it (location discovery). */
  anonymous?: boolean;
  /**
   * Which resource it serves, for the api-versions it accepts (resource-versions.ts); null: not
   * versioned (OPTIONS, the resource locations).
   */
  resource: ResourceName | null;
  /** Only Entra access tokens are accepted (docs/azure-devops-rest.md#profile-and-organizations: profile/accounts reject PATs). */
  bearerOnly?: boolean;
  handler: (ctx: Ctx, params: Params) => Reply | Promise<Reply>;
}

export interface Match {
  route: Route;
  params: Params;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function splitPath(rawPath: string): string[] {
  return rawPath.split('/').filter((s) => s !== '').map(decode);
}

function matchPattern(pattern: string, segments: string[]): Params | null {
  const parts = pattern.split('/').filter(Boolean);
  const params: Params = {};
  let i = 0;
  for (const part of parts) {
    if (part.startsWith('*')) {
      params[part.slice(1)] = segments.slice(i).join('/') || undefined;
      return params;
    }
    if (part.startsWith(':')) {
      const optional = part.endsWith('?');
      const name = part.slice(1, optional ? -1 : undefined);
      if (i >= segments.length) {
        if (optional) continue;
        return null;
      }
      params[name] = segments[i++];
      continue;
    }
    if (i >= segments.length || segments[i]!.toLowerCase() !== part.toLowerCase()) return null;
    i++;
  }
  return i === segments.length ? params : null;
}

/** Finds the route; `methodMismatch` tells a 405 from a 404. */
export function findRoute(
  routes: Route[],
  site: SiteKind,
  method: string,
  rawPath: string,
): { match: Match | null; methodMismatch: boolean } {
  const segments = splitPath(rawPath);
  let methodMismatch = false;
  for (const route of routes) {
    if (!(route.sites ?? ['ado']).includes(site)) continue;
    let params = matchPattern(route.path, segments);
    if (!params && route.project !== 'none' && segments.length > 1 && segments[0]!.toLowerCase() !== '_apis') {
      params = matchPattern(route.path, segments.slice(1));
      if (params) params.project = segments[0];
    }
    if (!params) continue;
    if (route.method !== method) {
      methodMismatch = true;
      continue;
    }
    return { match: { route, params }, methodMismatch: false };
  }
  return { match: null, methodMismatch };
}
