import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64UrlDecode, base64UrlEncode } from '@/lib/encoding/base64';
import { createPkce, pkceChallenge, randomState } from '@/lib/auth/pkce';

const UNRESERVED_43_TO_128 = /^[A-Za-z0-9\-._~]{43,128}$/;

describe('pkce', () => {
  it('makes a 43-character verifier of unreserved characters and its S256 challenge', async () => {
    const pkce = await createPkce();
    expect(pkce.method).toBe('S256');
    expect(pkce.verifier).toMatch(UNRESERVED_43_TO_128);
    expect(pkce.verifier).toHaveLength(43); // 32 random bytes
    expect(pkce.challenge).toBe(createHash('sha256').update(pkce.verifier, 'ascii').digest('base64url'));
  });

  it('matches the RFC 7636 appendix B example', async () => {
    expect(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('never repeats a verifier or a state', async () => {
    const verifiers = new Set(await Promise.all(Array.from({ length: 50 }, async () => (await createPkce()).verifier)));
    expect(verifiers.size).toBe(50);
    const states = new Set(Array.from({ length: 50 }, randomState));
    expect(states.size).toBe(50);
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('base64url', () => {
  it('round-trips every length and byte value without padding', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 31) % 256);
      const text = base64UrlEncode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(base64UrlDecode(text)).toEqual(bytes);
    }
  });

  it('decodes padded and standard base64 and rejects what is not base64', () => {
    expect(base64UrlDecode('+/8=')).toEqual(Uint8Array.of(0xfb, 0xff));
    expect(base64UrlDecode('-_8')).toEqual(Uint8Array.of(0xfb, 0xff));
    expect(base64UrlDecode('a')).toBeNull();
    expect(base64UrlDecode('ab$c')).toBeNull();
  });
});
