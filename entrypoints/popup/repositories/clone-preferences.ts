import { signal, useComputed } from '@preact/signals';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_CLIENT_ID, desktopClient } from '@/lib/clients/desktop-clients';
import { CLONE_CLIENT_KEY, CLONE_CLIENT_NAME_KEY, CLONE_PROTOCOL_KEY } from '@/lib/clients/clone-preference-keys';
import { usePopupState } from '../state';

// Not secrets: which client and protocol the user clones with, shared by every extension page.
const clientItem = storage.defineItem<string>(`local:${CLONE_CLIENT_KEY}`, { fallback: DEFAULT_CLIENT_ID });
const clientNameItem = storage.defineItem<string | null>(`local:${CLONE_CLIENT_NAME_KEY}`, { fallback: null });
const protocolItem = storage.defineItem<'https' | 'ssh'>(`local:${CLONE_PROTOCOL_KEY}`, { fallback: 'https' });

const storedClientId = signal(DEFAULT_CLIENT_ID);
const storedProtocol = signal<'https' | 'ssh'>('https');
let loaded = false;

/**
 * The desktop client and clone protocol, remembered across popups; those the organization's policy
 * sets win and cannot be changed here (the background keeps them stored too).
 */
export function useClonePreferences() {
  const { policy, policyKnown } = usePopupState();
  if (!loaded) {
    loaded = true;
    void clientItem.getValue().then((value) => (storedClientId.value = value));
    void protocolItem.getValue().then((value) => (storedProtocol.value = value));
  }
  const clientId = useComputed(() => policy.value?.defaultClient ?? storedClientId.value);
  const protocol = useComputed(() => policy.value?.cloneProtocol ?? storedProtocol.value);
  const clientSetByPolicy = useComputed(() => Boolean(policy.value?.defaultClient));
  const protocolSetByPolicy = useComputed(() => Boolean(policy.value?.cloneProtocol));
  return {
    clientId,
    protocol,
    clientSetByPolicy,
    protocolSetByPolicy,
    // A choice made before the background has said what the policy fixes (a popup's first moments)
    // waits for it, so a setting the policy fixes is never written over.
    setClient(id: string) {
      void policyKnown.then(() => {
        if (clientSetByPolicy.value) return;
        storedClientId.value = id;
        void clientItem.setValue(id);
        void clientNameItem.setValue(desktopClient(id).name);
      });
    },
    setProtocol(value: 'https' | 'ssh') {
      void policyKnown.then(() => {
        if (protocolSetByPolicy.value) return;
        storedProtocol.value = value;
        void protocolItem.setValue(value);
      });
    },
  };
}
