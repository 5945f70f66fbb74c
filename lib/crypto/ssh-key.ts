/**
 * SSH key pairs for Azure DevOps, made with WebCrypto (docs/ssh-keys.md): RSA only, because that is
 * the one key type Azure DevOps accepts. The public key comes out in OpenSSH `authorized_keys` form
 * (`ssh-rsa <base64 of the RFC 4253 key blob> comment`), the private key in OpenSSH's own file format
 * (openssh-key-v1, unencrypted), which every OpenSSH since 6.5 reads.
 *
 * Nothing here stores a key: the caller gets the texts and decides where they go.
 */
import { base64UrlDecode, bytesToBase64 } from '../encoding/base64';

/** The sizes offered; 3072 is what ssh-keygen makes by default. */
export const SSH_KEY_SIZES = [3072, 4096] as const;
export type SshKeySize = (typeof SSH_KEY_SIZES)[number];

export interface SshKeyPair {
  /** `ssh-rsa AAAA… comment`, one line, no trailing newline. */
  publicKey: string;
  /** `-----BEGIN OPENSSH PRIVATE KEY-----` … with a trailing newline, as ssh-keygen writes it. */
  privateKey: string;
  /** `SHA256:…` as `ssh-keygen -l` prints it. */
  fingerprint: string;
  bits: SshKeySize;
  comment: string;
}

/** The RSA numbers an OpenSSH key file needs, as WebCrypto exports them (JWK, base64url). */
export interface RsaJwk {
  n?: string;
  e?: string;
  d?: string;
  p?: string;
  q?: string;
  qi?: string;
}

export interface GenerateSshKeyOptions {
  bits?: SshKeySize;
  comment: string;
  /** Default: the global WebCrypto. */
  crypto?: Crypto;
}

/**
 * A new RSA key pair. The algorithm name only decides how WebCrypto may use the key; the numbers
 * are the same for any RSA key, and SSH signs with rsa-sha2-256/512 from the same `ssh-rsa` file.
 */
export async function generateSshKeyPair(options: GenerateSshKeyOptions): Promise<SshKeyPair> {
  const crypto = options.crypto ?? globalThis.crypto;
  const bits = options.bits ?? 3072;
  const comment = cleanComment(options.comment);
  const pair = await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  const jwk = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as RsaJwk;
  const checkint = crypto.getRandomValues(new Uint32Array(1))[0]!;
  const blob = publicKeyBlob(jwk);
  return {
    publicKey: openSshPublicKey(jwk, comment),
    privateKey: openSshPrivateKey(jwk, comment, checkint),
    fingerprint: await sshFingerprint(blob, crypto),
    bits,
    comment,
  };
}

/** One line, no control characters: `authorized_keys` and Azure DevOps take a single line. */
export function cleanComment(comment: string): string {
  return comment.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
}

/** The `ssh-rsa` public key blob (RFC 4253 section 6.6): string "ssh-rsa", mpint e, mpint n. */
export function publicKeyBlob(jwk: RsaJwk): Uint8Array<ArrayBuffer> {
  const w = new SshWriter();
  w.string(text('ssh-rsa'));
  w.mpint(number(jwk, 'e'));
  w.mpint(number(jwk, 'n'));
  return w.bytes();
}

/** `ssh-rsa AAAA… comment` (the comment is left out when empty). */
export function openSshPublicKey(jwk: RsaJwk, comment: string): string {
  const clean = cleanComment(comment);
  return `ssh-rsa ${bytesToBase64(publicKeyBlob(jwk))}${clean ? ` ${clean}` : ''}`;
}

const AUTH_MAGIC = 'openssh-key-v1\0';
/** The block size of the `none` cipher (OpenSSH pads the private section to it). */
const BLOCK_SIZE = 8;

/**
 * The OpenSSH private key file (OpenSSH PROTOCOL.key): magic, cipher and KDF `none`, one public
 * key, then the private section: the same checkint twice (how a reader tells a wrong passphrase),
 * the RSA private key as OpenSSH orders it (n, e, d, iqmp, p, q), the comment, and padding 1, 2, 3…
 * to a multiple of the block size. Base64 wrapped at 70 columns like ssh-keygen.
 */
export function openSshPrivateKey(jwk: RsaJwk, comment: string, checkint: number): string {
  const inner = new SshWriter();
  inner.uint32(checkint);
  inner.uint32(checkint);
  inner.string(text('ssh-rsa'));
  inner.mpint(number(jwk, 'n'));
  inner.mpint(number(jwk, 'e'));
  inner.mpint(number(jwk, 'd'));
  inner.mpint(number(jwk, 'qi'));
  inner.mpint(number(jwk, 'p'));
  inner.mpint(number(jwk, 'q'));
  inner.string(text(cleanComment(comment)));
  for (let pad = 1; inner.length % BLOCK_SIZE !== 0; pad++) inner.byte(pad);

  const outer = new SshWriter();
  outer.raw(text(AUTH_MAGIC));
  outer.string(text('none')); // cipher
  outer.string(text('none')); // KDF
  outer.string(new Uint8Array(0)); // KDF options
  outer.uint32(1); // number of keys
  outer.string(publicKeyBlob(jwk));
  outer.string(inner.bytes());

  const body = bytesToBase64(outer.bytes()).replace(/.{70}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

/** `SHA256:` and the unpadded base64 of the blob's SHA-256, as `ssh-keygen -l` shows it. */
export async function sshFingerprint(blob: Uint8Array<ArrayBuffer>, crypto: Crypto = globalThis.crypto): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', blob));
  return `SHA256:${bytesToBase64(digest).replace(/=+$/, '')}`;
}

function text(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

function number(jwk: RsaJwk, field: keyof RsaJwk): Uint8Array {
  const value = jwk[field];
  const bytes = value === undefined ? null : base64UrlDecode(value);
  if (!bytes) throw new TypeError(`RSA key without "${field}"`);
  return bytes;
}

/** The SSH data types of RFC 4251 section 5 (uint32, string, mpint), appended to a buffer. */
class SshWriter {
  private chunks: Uint8Array[] = [];
  length = 0;

  raw(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  byte(value: number): void {
    this.raw(Uint8Array.of(value & 0xff));
  }

  uint32(value: number): void {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, value >>> 0);
    this.raw(bytes);
  }

  string(bytes: Uint8Array): void {
    this.uint32(bytes.length);
    this.raw(bytes);
  }

  /** A non-negative integer, big-endian: no leading zero bytes, except one when the top bit is set. */
  mpint(unsigned: Uint8Array): void {
    let start = 0;
    while (start < unsigned.length && unsigned[start] === 0) start++;
    const digits = unsigned.subarray(start);
    if (digits.length > 0 && digits[0]! & 0x80) {
      this.uint32(digits.length + 1);
      this.byte(0);
      this.raw(digits);
    } else {
      this.string(digits);
    }
  }

  bytes(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
