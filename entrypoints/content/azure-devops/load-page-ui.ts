import { browser } from 'wxt/browser';
import type { PageUiName } from '@/lib/page-ui/page-ui-scripts';

/**
 * The entry point that the on-demand script `ui` leaves on the isolated world's `globalThis[global]`,
 * asking the background to inject the script the first time (`busy` is disabled meanwhile).
 * Resolves to the sentence to show instead when it cannot be loaded.
 */
export async function loadPageUi<T>(ui: PageUiName, global: string, busy?: HTMLButtonElement): Promise<T | string> {
  const world = globalThis as unknown as Record<string, T | undefined>;
  if (!world[global]) {
    if (busy) busy.disabled = true;
    // The background's sentence when it cannot inject; a dead background (extension updated) gives none.
    const answer = (await browser.runtime.sendMessage({ channel: 'ado-companion', type: 'pageUi.load', data: { ui } }).catch(() => null)) as {
      ok: boolean;
      error?: { message: string };
    } | null;
    if (busy) busy.disabled = false;
    if (!answer?.ok) return answer?.error?.message ?? 'ADO Companion was updated: reload the page to use it.';
  }
  return world[global]!;
}
