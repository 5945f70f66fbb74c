import { base64UrlEncode } from '../encoding/base64';

/** RFC 7636 proof key: the verifier stays in memory, the challenge goes to the authorize URL. */
export interface Pkce {
  /** 43 characters of the unreserved set (`[A-Za-z0-9_-]`), from 32 random bytes. */
  verifier: string;
  /** base64url(SHA-256(verifier)). */
  challenge: string;
  method: 'S256';
}

const VERIFIER_BYTES = 32;

/** A fresh S256 PKCE pair (WebCrypto, looked up at call time so importing this runs nothing). */
export async function createPkce(): Promise<Pkce> {
  const verifier = base64UrlEncode(randomBytes(VERIFIER_BYTES));
  return { verifier, challenge: await pkceChallenge(verifier), method: 'S256' };
}

/** The S256 challenge of a verifier: base64url(SHA-256(ASCII verifier)). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64UrlEncode(new Uint8Array(digest));
}

/** An unguessable OAuth `state` (43 base64url characters). */
export function randomState(): string {
  return base64UrlEncode(randomBytes(32));
}

function randomBytes(count: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(count));
}
