import { browser } from 'wxt/browser';
import { CLONE_CLIENT_KEY, CLONE_CLIENT_NAME_KEY, CLONE_PROTOCOL_KEY } from '@/lib/clients/clone-preference-keys';
import { desktopClient, type DesktopClient } from '@/lib/clients/desktop-clients';
import { readManagedPolicy } from './managed-policy';

/** The user's clone choices, as the popup and the page buttons store them; the managed policy's win. */
export async function readCloneChoice(): Promise<{ client: DesktopClient; protocol: 'https' | 'ssh' }> {
  const [stored, policy] = await Promise.all([browser.storage.local.get([CLONE_CLIENT_KEY, CLONE_PROTOCOL_KEY]), readManagedPolicy()]);
  const protocol = policy.cloneProtocol ?? (stored[CLONE_PROTOCOL_KEY] === 'ssh' ? 'ssh' : 'https');
  return { client: desktopClient(policy.defaultClient ?? (stored[CLONE_CLIENT_KEY] as string | undefined)), protocol };
}

/**
 * Writes the clone choices the managed policy sets where the page buttons read them (they do not read
 * the policy: the page script's budget), and writes them back whenever something else changes them.
 */
export function keepPolicyCloneChoice(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && (CLONE_CLIENT_KEY in changes || CLONE_PROTOCOL_KEY in changes))) void applyPolicyCloneChoice();
  });
  void applyPolicyCloneChoice();
}

async function applyPolicyCloneChoice(): Promise<void> {
  const [stored, policy] = await Promise.all([browser.storage.local.get([CLONE_CLIENT_KEY, CLONE_PROTOCOL_KEY]), readManagedPolicy()]);
  const patch: Record<string, string> = {};
  if (policy.defaultClient && stored[CLONE_CLIENT_KEY] !== policy.defaultClient) {
    patch[CLONE_CLIENT_KEY] = policy.defaultClient;
    patch[CLONE_CLIENT_NAME_KEY] = desktopClient(policy.defaultClient).name;
  }
  if (policy.cloneProtocol && stored[CLONE_PROTOCOL_KEY] !== policy.cloneProtocol) patch[CLONE_PROTOCOL_KEY] = policy.cloneProtocol;
  // Only a difference is written: an equal write would wake this listener again for nothing.
  if (Object.keys(patch).length > 0) await browser.storage.local.set(patch);
}
