import { z } from 'zod/mini';
import { ORGANIZATION_NAME, cloudOrganizationUrl } from '../azure/azure-hosts';
import { organizationKeyOf } from '../azure/organization-key';
import { parseHostInput } from '../auth/pat-input';
import { DESKTOP_CLIENTS } from '../clients/desktop-clients';

/**
 * What an IT department may preset through managed storage (docs/managed-configuration.md): Chrome
 * and Edge read it from the `3rdparty` extension policy checked against public/managed-schema.json,
 * Firefox from the `3rdparty` part of its enterprise policies. A key left out is no policy: the user
 * decides.
 */
export interface ManagedPolicy {
  entraClientId?: string;
  entraTenant?: string;
  /**
   * The organizations that may be connected, each by its organization key (lib/azure/organization-key):
   * `https://dev.azure.com/{org}` and Server collection URLs, lower case.
   */
  allowedOrganizations?: string[];
  /** Azure DevOps Server hosts (`host[:port]`, lower case) any collection of which may be connected. */
  allowedServerHosts?: string[];
  /** Azure DevOps Server hosts (`host[:port]`, lower case) pre-approved for the page actions. */
  pageActionServerHosts?: string[];
  allowPatSignIn?: boolean;
  /** A desktop client id of lib/clients/desktop-clients.ts. */
  defaultClient?: string;
  cloneProtocol?: 'https' | 'ssh';
}

/** The keys a policy may set, as public/managed-schema.json lists them. */
export const POLICY_KEYS = [
  'entraClientId',
  'entraTenant',
  'allowedOrganizations',
  'allowedServerHosts',
  'pageActionServerHosts',
  'allowPatSignIn',
  'defaultClient',
  'cloneProtocol',
] as const satisfies readonly (keyof ManagedPolicy)[];

const oneLine = z.string().check(z.minLength(1), z.maxLength(256), z.regex(/^[^\p{Cc}\s]+$/u));
const entries = z.array(z.string().check(z.maxLength(2048))).check(z.maxLength(1000));
const CLIENT_IDS = DESKTOP_CLIENTS.map((client) => client.id) as [string, ...string[]];

/** Each key's schema and how its value is kept; a value that fails is ignored, the other keys stay. */
const RULES: { [K in keyof ManagedPolicy]-?: (value: unknown) => ManagedPolicy[K] | null } = {
  entraClientId: (value) => parsed(oneLine, value),
  entraTenant: (value) => parsed(oneLine, value),
  allowedOrganizations: (value) => listOf(value, organizationEntry),
  allowedServerHosts: (value) => listOf(value, hostEntry),
  pageActionServerHosts: (value) => listOf(value, hostEntry),
  allowPatSignIn: (value) => parsed(z.boolean(), value),
  defaultClient: (value) => parsed(z.enum(CLIENT_IDS), value),
  cloneProtocol: (value) => parsed(z.enum(['https', 'ssh']), value),
};

/**
 * The policy in what managed storage holds. A key with a value it cannot take is left out with a
 * note in the console (an administrator's typo must not stop the extension); unknown keys are ignored.
 */
export function parseManagedPolicy(raw: unknown, note: (text: string) => void = console.warn): ManagedPolicy {
  const policy: ManagedPolicy = {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return policy;
  const values = raw as Record<string, unknown>;
  for (const key of POLICY_KEYS) {
    if (!Object.hasOwn(values, key)) continue;
    const value = RULES[key](values[key]);
    if (value === null) note(`ADO Companion: the managed policy "${key}" has a value it cannot take; it is ignored (see docs/managed-configuration.md).`);
    else Object.assign(policy, { [key]: value });
  }
  return policy;
}

function parsed<T>(schema: z.ZodMiniType<T>, value: unknown): T | null {
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}

/** A list whose every entry is understood; one entry that is not makes the whole list ignored (failing open on a typo would be worse). */
function listOf(value: unknown, entry: (text: string) => string | null): string[] | null {
  const list = parsed(entries, value);
  if (!list) return null;
  const normalized = list.map((text) => entry(text.trim()));
  return normalized.every((text): text is string => text !== null) ? [...new Set(normalized)] : null;
}

/**
 * `contoso`, `dev.azure.com/contoso`, `contoso.visualstudio.com` → `https://dev.azure.com/contoso`;
 * a Server collection URL → its key: the organization key every account is stored under.
 */
function organizationEntry(text: string): string | null {
  if (ORGANIZATION_NAME.test(text)) return organizationKeyOf(cloudOrganizationUrl(text));
  const host = parseHostInput(text);
  return host.ok ? organizationKeyOf(host.target.baseUrl) : null;
}

/** `tfs.contoso.com`, `tfs.contoso.com:8080` or `https://tfs.contoso.com` → `host[:port]` in lower case. */
function hostEntry(text: string): string | null {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (url.pathname !== '/' || url.search || url.username || !url.hostname) return null;
    return url.host.toLowerCase();
  } catch {
    return null;
  }
}
