import { signal } from '@preact/signals';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_CLIENT_ID, desktopClient } from '@/lib/clients/desktop-clients';
import { CLONE_CLIENT_KEY, CLONE_CLIENT_NAME_KEY, CLONE_PROTOCOL_KEY } from '@/lib/clients/clone-preference-keys';

// Not secrets: which client and protocol the user clones with, shared by every extension page.
const clientItem = storage.defineItem<string>(`local:${CLONE_CLIENT_KEY}`, { fallback: DEFAULT_CLIENT_ID });
const clientNameItem = storage.defineItem<string | null>(`local:${CLONE_CLIENT_NAME_KEY}`, { fallback: null });
const protocolItem = storage.defineItem<'https' | 'ssh'>(`local:${CLONE_PROTOCOL_KEY}`, { fallback: 'https' });

const clientId = signal(DEFAULT_CLIENT_ID);
const protocol = signal<'https' | 'ssh'>('https');
let loaded = false;

/** The user's desktop client and clone protocol, remembered across popups. */
export function useClonePreferences() {
  if (!loaded) {
    loaded = true;
    void clientItem.getValue().then((value) => (clientId.value = value));
    void protocolItem.getValue().then((value) => (protocol.value = value));
  }
  return {
    clientId,
    protocol,
    setClient(id: string) {
      clientId.value = id;
      void clientItem.setValue(id);
      void clientNameItem.setValue(desktopClient(id).name);
    },
    setProtocol(value: 'https' | 'ssh') {
      protocol.value = value;
      void protocolItem.setValue(value);
    },
  };
}
