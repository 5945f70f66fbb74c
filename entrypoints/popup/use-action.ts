import { useSignal } from '@preact/signals';
import type { AppErrorValue } from '@/lib/errors/app-error';
import type { MessageResult } from '@/lib/messaging/result';

/**
 * "Send a message, show busy, show the error": the one way a popup screen runs a background action.
 * `run` resolves to the answer's data, or null after putting the error where the screen shows it;
 * nothing typed is touched, so a failed action loses nothing.
 */
export function useAction() {
  const busy = useSignal(false);
  const error = useSignal<AppErrorValue | null>(null);

  async function run<T>(action: () => Promise<MessageResult<T>>): Promise<T | null> {
    busy.value = true;
    error.value = null;
    try {
      const result = await action();
      if (result.ok) return result.data;
      error.value = result.error;
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
