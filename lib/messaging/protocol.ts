import { z } from 'zod/mini';

/**
 * The single catalogue of messages between extension pages / content scripts and the background.
 * Each message names its request schema and who may send it. Content scripts may only ask for what
 * a page action needs; they never receive a token or the account list.
 */
export type SenderKind = 'extension-page' | 'content-script';

export interface ProtocolMap {
  ping: { request: Record<string, never>; response: { pong: true; version: string } };
}

export type MessageType = keyof ProtocolMap;
export type RequestOf<K extends MessageType> = ProtocolMap[K]['request'];
export type ResponseOf<K extends MessageType> = ProtocolMap[K]['response'];

interface MessageRule<K extends MessageType> {
  request: z.ZodMiniType<RequestOf<K>>;
  senders: readonly SenderKind[];
}

export const protocol: { [K in MessageType]: MessageRule<K> } = {
  ping: { request: z.strictObject({}), senders: ['extension-page', 'content-script'] },
};

/** Every message travels in this envelope, so stray messages from other code are recognisable. */
export const envelopeSchema = z.strictObject({
  channel: z.literal('ado-companion'),
  type: z.string().check(z.maxLength(64)),
  data: z.unknown(),
});
export type Envelope = z.infer<typeof envelopeSchema>;
