import { useSignal } from '@preact/signals';
import type { AppErrorValue } from '@/lib/errors/app-error';
import type { MessageResult } from '@/lib/messaging/result';

/**
 * "Send a message, show busy, show the error": the one way a popup screen runs a background action.
 * `run` resolves to the answer's data, or null after putting the error where the screen shows it;
 * nothing typed is touched, so a failed action loses nothing. An answer no longer `wanted` (the user
 * has since asked for something else) resolves to null and leaves busy and error to the newer one.
 */
export function useAction() {
  const busy = useSignal(false);
  const error = useSignal<AppErrorValue | null>(null);

  async function run<T>(action: () => Promise<MessageResult<T>>, wanted: () => boolean = () => true): Promise<T | null> {
    busy.value = true;
    error.value = null;
    try {
      const result = await action();
      if (!wanted()) return null;
      if (result.ok) return result.data;
      error.value = result.error;
      return null;
    } finally {
      if (wanted()) busy.value = false;
    }
  }

  return { busy, error, run };
}
