import { browser } from 'wxt/browser';
import { CLONE_CLIENT_KEY, CLONE_PROTOCOL_KEY } from '@/lib/clients/clone-preference-keys';
import { desktopClient, type DesktopClient } from '@/lib/clients/desktop-clients';

/** The user's clone choices, as the popup and the page buttons store them. */
export async function readCloneChoice(): Promise<{ client: DesktopClient; protocol: 'https' | 'ssh' }> {
  const stored = await browser.storage.local.get([CLONE_CLIENT_KEY, CLONE_PROTOCOL_KEY]);
  return { client: desktopClient(stored[CLONE_CLIENT_KEY] as string | undefined), protocol: stored[CLONE_PROTOCOL_KEY] === 'ssh' ? 'ssh' : 'https' };
}
