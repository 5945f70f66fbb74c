import { browser } from 'wxt/browser';
import { appErrors, toAppErrorValue } from '@/lib/errors/error-messages';
import { AppError } from '@/lib/errors/app-error';
import { classifySender, type SenderInfo } from '@/lib/messaging/classify-sender';
import { envelopeSchema, protocol, type MessageType, type RequestOf, type ResponseOf, type SenderKind } from '@/lib/messaging/protocol';
import type { MessageResult } from '@/lib/messaging/result';
import { isAzureDevOpsCloudHost } from '@/lib/azure/azure-hosts';

/** `from` is what the browser says about the sender (its page URL, tab and frame), never what the message says. */
export type Handler<K extends MessageType> = (request: RequestOf<K>, sender: SenderKind, from: SenderInfo) => Promise<ResponseOf<K>> | ResponseOf<K>;
export type Handlers = { [K in MessageType]: Handler<K> };

/**
 * Validates every incoming message (envelope, type, request schema) and its sender, then runs the
 * handler. Fails closed: anything unrecognised gets an error answer, never a handler call.
 */
export interface RouterOptions {
  /**
   * Whether a page is on an Azure DevOps Server host whose page script we registered (a granted host
   * with an account): its content script is trusted like the cloud's. Default: none is.
   */
  isServerPage?: (url: URL) => Promise<boolean>;
}

export async function routeMessage(
  message: unknown,
  sender: SenderInfo,
  handlers: Handlers,
  options: RouterOptions = {},
): Promise<MessageResult<unknown>> {
  try {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success || !Object.hasOwn(protocol, envelope.data.type)) {
      throw new AppError(appErrors.unknownMessage());
    }
    const type = envelope.data.type as MessageType;
    const rule = protocol[type];
    const classify = (serverPage: boolean) =>
      classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'), (url) => serverPage || isAzureDevOpsCloudHost(url.hostname));
    // The Server question reads the database: asked only of a sender the cheap rules refuse.
    const senderKind = classify(false) ?? ((await serverPageOf(sender, options)) ? classify(true) : null);
    if (!senderKind || !rule.senders.includes(senderKind)) {
      throw new AppError(appErrors.forbiddenSender());
    }
    const request = rule.request.safeParse(envelope.data.data);
    if (!request.success) {
      throw new AppError(tooLong(request.error.issues) ?? appErrors.malformedMessage());
    }
    const handler = handlers[type] as Handler<MessageType>;
    return { ok: true, data: await handler(request.data, senderKind, sender) };
  } catch (error) {
    return { ok: false, error: toAppErrorValue(error) };
  }
}

/**
 * The `runtime.onMessage` listener. It answers through `sendResponse` and returns `true` (keep the
 * channel open): returning a Promise is honoured only by Firefox and recent Chrome, and older Chrome
 * or Edge would drop the answer, leaving every popup action with "background did not answer".
 */
export function createMessageListener(handlers: Handlers, options: RouterOptions = {}) {
  return (message: unknown, sender: SenderInfo, sendResponse: (response: unknown) => void): true => {
    void routeMessage(message, sender, handlers, options).then(sendResponse);
    return true;
  };
}

export function startMessageRouter(handlers: Handlers, options: RouterOptions = {}): void {
  browser.runtime.onMessage.addListener(createMessageListener(handlers, options));
}

/** Whether a web page in a tab is on a granted Azure DevOps Server host (the cloud's were taken before). */
async function serverPageOf(sender: SenderInfo, options: RouterOptions): Promise<boolean> {
  if (!options.isServerPage || !sender.tab || !sender.url) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  return url.protocol.startsWith('http') && (await options.isServerPage(url).catch(() => false));
}

/** The names users know the fields by that they type into (or that the app fills for them). */
const FIELD_NAMES: Record<string, string> = { title: 'title', description: 'description', displayName: 'key name', name: 'name', holder: 'copyright holder', comment: 'comment' };

/** "The key name is longer than …" for a field a user can shorten, rather than a bare "malformed request". */
function tooLong(issues: readonly { code: string; path: readonly PropertyKey[]; maximum?: unknown }[]) {
  for (const issue of issues) {
    const field = FIELD_NAMES[String(issue.path.at(-1))];
    if (issue.code === 'too_big' && field && typeof issue.maximum === 'number') return appErrors.fieldTooLong(field, issue.maximum);
  }
  return null;
}
