/** Base64 of bytes. Chunked: String.fromCharCode(...bytes) overflows the argument limit on large inputs. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Base64 of a string's UTF-8 bytes. `btoa` alone throws on anything outside Latin-1, and a PAT
 * pasted with a stray non-ASCII character must give a clean 401, not an exception.
 */
export function base64Utf8(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

/** RFC 4648 §5 base64url without padding, for PKCE values and JWT segments. */
export function base64UrlEncode(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of a base64url (or base64) text, padded or not; null when it is not base64. */
export function base64UrlDecode(text: string): Uint8Array | null {
  const base64 = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*$/.test(base64) || base64.length % 4 === 1) return null;
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
