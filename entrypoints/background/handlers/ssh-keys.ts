import type { createSshKeyUpload } from '@/lib/ssh-keys/ssh-key-upload';
import type { Handler } from '../router';

/** The popup's SSH key screen; extension pages only (the protocol says so). Public keys only. */
export function sshKeyHandlers(upload: () => ReturnType<typeof createSshKeyUpload>) {
  return {
    'sshKeys.add': (request) => upload().add(request),
  } satisfies { [K in 'sshKeys.add']: Handler<K> };
}
