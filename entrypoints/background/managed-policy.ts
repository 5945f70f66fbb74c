import { browser } from 'wxt/browser';
import { parseManagedPolicy, type ManagedPolicy } from '@/lib/policy/managed-policy';

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
