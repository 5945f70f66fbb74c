import { browser } from 'wxt/browser';
import { parseManagedPolicy, type ManagedPolicy } from '@/lib/policy/managed-policy';
import { isPreapprovedForPageActions } from '@/lib/policy/policy-rules';

// Read once per worker life; the browser reports a change of policy through storage.onChanged.
let cached: Promise<ManagedPolicy> | null = null;

/**
 * The organization's managed policy (docs/managed-configuration.md). `storage.managed.get()` rejects
 * where there can be none (Firefox without a policy or native manifest for the add-on): no policy.
 */
export function readManagedPolicy(): Promise<ManagedPolicy> {
  return (cached ??= browser.storage.managed.get().then(
    (raw) => parseManagedPolicy(raw),
    (): ManagedPolicy => ({}),
  ));
}

/** Reads the policy again after the browser reports a change; call first thing in the worker. */
export function watchManagedPolicy(): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') cached = null;
  });
}

/**
 * Whether the organization's policy pre-approves the Azure DevOps Server at `origin`
 * (`scheme://host[:port]`) for the page actions (`pageActionServerHosts`): for registering the page
 * script there without asking the user (docs/managed-configuration.md).
 */
export async function isServerPreapprovedForPageActions(origin: string): Promise<boolean> {
  return isPreapprovedForPageActions(await readManagedPolicy(), origin);
}
