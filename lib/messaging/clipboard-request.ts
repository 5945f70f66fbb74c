/**
 * The one message the background sends rather than receives: "copy this text", to its offscreen
 * document on Chromium (docs/context-menu.md). It travels on a channel of its own, so the message
 * router never takes it for a protocol message and the offscreen document ignores everything else.
 */
export const CLIPBOARD_CHANNEL = 'ado-companion-clipboard';

export interface ClipboardRequest {
  channel: typeof CLIPBOARD_CHANNEL;
  text: string;
}

export function clipboardRequest(text: string): ClipboardRequest {
  return { channel: CLIPBOARD_CHANNEL, text };
}

/** Checked by hand, not with zod: the offscreen page stays a few hundred bytes. */
export function isClipboardRequest(message: unknown): message is ClipboardRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { channel, text } = message as Record<string, unknown>;
  return channel === CLIPBOARD_CHANNEL && typeof text === 'string';
}
