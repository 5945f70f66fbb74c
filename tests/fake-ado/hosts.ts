/**
 * Which "site" a request is for, from its Host header and path (Chromium reaches the fake through
 * --host-resolver-rules, so every host lands on the same socket). docs/azure-devops-rest.md#versions-headers-errors lists the hosts:
 *
 *   dev.azure.com/{org}/…                         Azure DevOps (new URL form)
 *   {org}.visualstudio.com[/DefaultCollection]/…  the same org, legacy URL form (docs/azure-devops-hosts.md)
 *   vssps.dev.azure.com/{org}/…                   identities, SessionTokens (SSH keys)
 *   {org}.vssps.visualstudio.com/…                legacy form of the above
 *   app.vssps.visualstudio.com/…                  profile and accounts (not org-scoped)
 *   login.microsoftonline.com/{tenant}/…          Microsoft Entra ID
 *   {serverHost}/[{virtualDirectory}/]{collection}/…  Azure DevOps Server collections of the fixture
 *   anything else (localhost:PORT, 127.0.0.1:PORT) → treated as dev.azure.com, so Node clients can
 *   use https://localhost:PORT/{org}; a first segment naming a Server virtual directory or
 *   collection (and no cloud org) selects that collection instead, and /{tenant}/oauth2/v2.0/…
 *   reaches Entra.
 */
import type { FixtureOrganization } from './fixture-types';
import type { FakeState } from './state';

export type SiteKind = 'ado' | 'vssps' | 'app-vssps' | 'entra' | 'ssh';

export interface Site {
  kind: SiteKind;
  /** How the org was addressed; decides the URL forms the fake answers with. */
  flavor: 'dev' | 'legacy' | 'server' | 'local' | 'none';
  /** The organization or collection; null when the path named none or an unknown one. */
  org: FixtureOrganization | null;
  /** The name as requested (for "not found" messages), null when the path named none. */
  orgName: string | null;
  /** Raw (percent-encoded) path prefix consumed by the host/org part, e.g. "/contoso", "/tfs/DefaultCollection", "". */
  basePath: string;
  /** Remaining raw path, always starting with "/". */
  rest: string;
}

export const FIXED_HOSTS = [
  'dev.azure.com',
  'vssps.dev.azure.com',
  'app.vssps.visualstudio.com',
  'ssh.dev.azure.com',
  'vs-ssh.visualstudio.com',
  'login.microsoftonline.com',
] as const;

/** Every host name Chromium must map to the fake for this fixture. */
export function hostsFor(state: FakeState): string[] {
  const hosts = new Set<string>(FIXED_HOSTS);
  for (const org of state.data.organizations) {
    if (org.kind === 'cloud') {
      hosts.add(`${org.name.toLowerCase()}.visualstudio.com`);
      hosts.add(`${org.name.toLowerCase()}.vssps.visualstudio.com`);
    } else if (org.serverHost) {
      hosts.add(org.serverHost.split(':')[0]!.toLowerCase());
    }
  }
  return [...hosts];
}

function splitFirst(path: string): [string, string] {
  const match = /^\/([^/]*)(.*)$/.exec(path);
  if (!match) return ['', path || '/'];
  return [match[1]!, match[2] || '/'];
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function resolveSite(hostname: string, path: string, state: FakeState): Site {
  const host = hostname.toLowerCase();
  const none = (kind: SiteKind): Site => ({ kind, flavor: 'none', org: null, orgName: null, basePath: '', rest: path || '/' });

  if (host === 'login.microsoftonline.com') return none('entra');
  if (host === 'app.vssps.visualstudio.com') return none('app-vssps');
  if (host === 'ssh.dev.azure.com' || host === 'vs-ssh.visualstudio.com') return none('ssh');

  if (host === 'vssps.dev.azure.com') return orgFromPath('vssps', 'dev', path, state);
  if (host === 'dev.azure.com') return orgFromPath('ado', 'dev', path, state);

  const legacy = /^([a-z0-9-]+)(\.vssps)?\.visualstudio\.com$/.exec(host);
  if (legacy) {
    const orgName = legacy[1]!;
    let basePath = '';
    let rest = path || '/';
    const [first, after] = splitFirst(rest);
    if (eq(decode(first), 'DefaultCollection')) {
      basePath = `/${first}`;
      rest = after;
    }
    return {
      kind: legacy[2] ? 'vssps' : 'ado',
      flavor: 'legacy',
      org: state.cloudOrg(orgName) ?? null,
      orgName,
      basePath,
      rest,
    };
  }

  const collections = state.serverCollections(host);
  if (collections.length > 0) return serverFromPath(collections, path) ?? { ...none('ado'), flavor: 'server' };

  // localhost, 127.0.0.1 or any unknown host: dev.azure.com semantics, Server collections by path,
  // and (for Node clients that cannot set a Host) Entra at /{tenant}/oauth2/v2.0/… when {tenant} is no org.
  const [first, afterFirst] = splitFirst(path);
  const firstName = decode(first);
  if (firstName && !state.cloudOrg(firstName) && /^\/(oauth2|v2\.0|discovery)\//i.test(afterFirst)) return none('entra');
  if (firstName && !state.cloudOrg(firstName)) {
    const server = serverFromPath(
      state.data.organizations.filter((o) => o.kind === 'server'),
      path,
    );
    if (server) return { ...server, flavor: 'local' };
  }
  return { ...orgFromPath('ado', 'dev', path, state), flavor: 'local' };
}

function orgFromPath(kind: SiteKind, flavor: Site['flavor'], path: string, state: FakeState): Site {
  const [first, rest] = splitFirst(path);
  if (!first) return { kind, flavor, org: null, orgName: null, basePath: '', rest: path || '/' };
  const orgName = decode(first);
  return { kind, flavor, org: state.cloudOrg(orgName) ?? null, orgName, basePath: `/${first}`, rest };
}

/** `/{virtualDirectory}/{collection}/…` or `/{collection}/…` when the collection has no virtual directory. */
function serverFromPath(collections: FixtureOrganization[], path: string): Site | null {
  const [first, afterFirst] = splitFirst(path);
  const [second, afterSecond] = splitFirst(afterFirst);
  for (const org of collections) {
    if (org.virtualDirectory) {
      if (eq(decode(first), org.virtualDirectory) && eq(decode(second), org.name)) {
        return { kind: 'ado', flavor: 'server', org, orgName: org.name, basePath: `/${first}/${second}`, rest: afterSecond };
      }
    } else if (eq(decode(first), org.name)) {
      return { kind: 'ado', flavor: 'server', org, orgName: org.name, basePath: `/${first}`, rest: afterFirst };
    }
  }
  return null;
}
