import { browser } from 'wxt/browser';
import { appErrors } from '../errors/error-messages';
import type { MessageType, RequestOf, ResponseOf } from './protocol';
import type { MessageResult } from './result';

/** Ask the background. Never throws: a dead or missing background becomes an error value. */
export async function sendMessage<K extends MessageType>(
  type: K,
  data: RequestOf<K>,
): Promise<MessageResult<ResponseOf<K>>> {
  try {
    const result = (await browser.runtime.sendMessage({ channel: 'ado-companion', type, data })) as
      | MessageResult<ResponseOf<K>>
      | undefined;
    if (result && typeof result === 'object' && 'ok' in result) return result;
  } catch {
    // Falls through: the background could not be reached (extension reloaded or updating).
  }
  return { ok: false, error: appErrors.backgroundSilent() };
}
