/**
 * Base64 of a string's UTF-8 bytes. `btoa` alone throws on anything outside Latin-1, and a PAT
 * pasted with a stray non-ASCII character must give a clean 401, not an exception.
 */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // Chunked: String.fromCharCode(...bytes) overflows the argument limit on large inputs.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
