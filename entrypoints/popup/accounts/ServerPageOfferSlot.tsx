import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { serverPageOriginOf } from '@/lib/azure/server-page-origin';
import { sendMessage } from '@/lib/messaging/send-message';
import { tabThePopupServes } from '../served-tab';
import { afterFirstPaint } from '../after-first-paint';

/** The origin of the served tab's Azure DevOps Server, when its page script is not there yet; null otherwise. */
async function serverWithoutPageActions(): Promise<string | null> {
  try {
    const origin = serverPageOriginOf((await tabThePopupServes())?.url ?? '');
    if (!origin) return null;
    const status = await sendMessage('serverPages.status', { origin });
    return status.ok && !status.data.enabled ? origin : null;
  } catch {
    return null;
  }
}

/**
 * Where the popup offers page actions on the Azure DevOps Server of the tab it serves
 * (docs/azure-devops-hosts.md#server-page-offer). The offer's own code is fetched only over such a
 * page, so the popup's first download carries just this check.
 */
export function ServerPageOfferSlot() {
  const offer = useSignal<{ Offer: ComponentType<{ origin: string }>; origin: string } | null>(null);
  useEffect(() => {
    void afterFirstPaint()
      .then(serverWithoutPageActions)
      .then(async (origin) => {
        if (!origin) return;
        // `.then`, not destructuring: Vite would wrap the latter in its preload helper (wxt.config.ts).
        offer.value = { Offer: await import('./ServerPageOffer').then((m) => m.ServerPageOffer), origin };
      });
  }, []);
  if (!offer.value) return null;
  const { Offer, origin } = offer.value;
  return <Offer origin={origin} />;
}
