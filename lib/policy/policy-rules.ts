import type { AppErrorValue } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import type { PatTarget } from '../auth/pat-input';
import type { ManagedPolicy } from './managed-policy';
import { organizationKeyOf } from '../azure/organization-key';

/** The Server hosts (`host[:port]`) the policy allows: those any collection of may be connected, and those pre-approved for page actions. */
const allowedServerHostsOf = (policy: ManagedPolicy) => [...(policy.allowedServerHosts ?? []), ...(policy.pageActionServerHosts ?? [])];

/** PAT sign-in is allowed unless the policy says `allowPatSignIn: false`. */
export function isPatSignInAllowed(policy: ManagedPolicy): boolean {
  return policy.allowPatSignIn !== false;
}

/**
 * Why the policy refuses connecting `target`, or null when it allows it. With neither
 * `allowedOrganizations` nor `allowedServerHosts` set, everything is allowed; with either set, only
 * what one of them names (a cloud organization by name, a Server collection by its URL or its host;
 * a host pre-approved for page actions counts as allowed).
 */
export function organizationRefusal(policy: ManagedPolicy, target: PatTarget): AppErrorValue | null {
  if (!policy.allowedOrganizations && !policy.allowedServerHosts) return null;
  const allowed = (policy.allowedOrganizations ?? []).includes(organizationKeyOf(target.baseUrl));
  if (target.kind === 'cloud') return allowed ? null : appErrors.organizationNotAllowedByPolicy(target.organization);
  const host = new URL(target.origin).host.toLowerCase();
  if (allowed || allowedServerHostsOf(policy).includes(host)) return null;
  return policy.allowedServerHosts ? appErrors.serverHostNotAllowedByPolicy(host) : appErrors.organizationNotAllowedByPolicy(target.collection);
}

/**
 * Whether the policy pre-approves the Azure DevOps Server at `origin` (`scheme://host[:port]`) for
 * the page actions: the page script may be registered there without asking the user.
 */
export function isPreapprovedForPageActions(policy: ManagedPolicy, origin: string): boolean {
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  return (policy.pageActionServerHosts ?? []).includes(host);
}

/**
 * Why the policy refuses page actions on the Azure DevOps Server at `origin` that the user only
 * visits (no account), or null: the same lists as connecting, by host, or a collection URL on it.
 */
export function serverPageActionsRefusal(policy: ManagedPolicy, origin: string): AppErrorValue | null {
  if (!policy.allowedOrganizations && !policy.allowedServerHosts) return null;
  const host = new URL(origin).host.toLowerCase();
  if (allowedServerHostsOf(policy).includes(host)) return null;
  const collectionOnHost = (policy.allowedOrganizations ?? []).some((entry) => URL.canParse(entry) && new URL(entry).origin.toLowerCase() === origin.toLowerCase());
  return collectionOnHost ? null : appErrors.serverPageActionsNotAllowedByPolicy(host);
}

/** What the popup shows of the policy: which settings it fixes. Null where the user decides. */
export interface PolicyView {
  patSignIn: boolean;
  defaultClient: string | null;
  cloneProtocol: 'https' | 'ssh' | null;
  /** Only the organizations and Server hosts the policy names may be connected. */
  organizationsLimited: boolean;
  /** Server hosts (`host[:port]`) pre-approved for page actions. */
  pageActionServerHosts: string[];
}

export function toPolicyView(policy: ManagedPolicy): PolicyView {
  return {
    patSignIn: isPatSignInAllowed(policy),
    defaultClient: policy.defaultClient ?? null,
    cloneProtocol: policy.cloneProtocol ?? null,
    organizationsLimited: Boolean(policy.allowedOrganizations || policy.allowedServerHosts),
    pageActionServerHosts: policy.pageActionServerHosts ?? [],
  };
}
