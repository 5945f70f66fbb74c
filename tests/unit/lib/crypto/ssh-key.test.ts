// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanComment, generateSshKeyPair, openSshPrivateKey, openSshPublicKey, type SshKeyPair } from '@/lib/crypto/ssh-key';

/** The real OpenSSH tool judges the files, so the encoding cannot agree only with itself. */
const sshKeygen = (...args: string[]) => execFileSync('ssh-keygen', args, { encoding: 'utf8' }).trim();

describe('lib/crypto/ssh-key', () => {
  let dir: string;
  const pairs = new Map<number, SshKeyPair>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssh-key-test-'));
    for (const bits of [3072, 4096] as const) {
      pairs.set(bits, await generateSshKeyPair({ bits, comment: 'jane@contoso ado-companion', crypto: webcrypto as Crypto }));
    }
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function writeKeys(name: string, pair: SshKeyPair) {
    const privatePath = path.join(dir, name);
    fs.writeFileSync(privatePath, pair.privateKey, { mode: 0o600 });
    fs.writeFileSync(`${privatePath}.pub`, `${pair.publicKey}\n`);
    return privatePath;
  }

  for (const bits of [3072, 4096]) {
    it(`makes an RSA ${bits} public key that ssh-keygen reads, with the same SHA256 fingerprint`, () => {
      const pair = pairs.get(bits)!;
      const file = writeKeys(`id_${bits}`, pair);
      expect(pair.publicKey).toMatch(/^ssh-rsa AAAAB3NzaC1yc2E[A-Za-z0-9+/]+=* jane@contoso ado-companion$/);
      expect(sshKeygen('-l', '-E', 'sha256', '-f', `${file}.pub`)).toBe(`${bits} ${pair.fingerprint} jane@contoso ado-companion (RSA)`);
    });

    it(`makes an RSA ${bits} OpenSSH private key from which ssh-keygen derives the same public key`, () => {
      const pair = pairs.get(bits)!;
      const file = writeKeys(`id_${bits}_only`, pair);
      fs.rmSync(`${file}.pub`);
      expect(pair.privateKey).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n(?:[A-Za-z0-9+/=]{1,70}\n)+-----END OPENSSH PRIVATE KEY-----\n$/);
      // -y reads the private section (checkints, key, comment, padding), not the public copy before it.
      expect(sshKeygen('-y', '-f', file)).toBe(pair.publicKey);
      expect(sshKeygen('-l', '-E', 'sha256', '-f', file)).toBe(`${bits} ${pair.fingerprint} jane@contoso ado-companion (RSA)`);
    });
  }

  it('writes a private key whose RSA numbers are consistent (ssh-keygen re-exports it as PKCS#1 and Node loads it)', () => {
    const pair = pairs.get(3072)!;
    const file = writeKeys('id_export', pair);
    // -p with empty passphrases rewrites the file: ssh-keygen must parse every field to do so.
    execFileSync('ssh-keygen', ['-p', '-N', '', '-P', '', '-m', 'PEM', '-f', file], { encoding: 'utf8' });
    const pem = fs.readFileSync(file, 'utf8');
    expect(pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    const derived = createPublicKey(createPrivateKey(pem)).export({ format: 'jwk' });
    expect(openSshPublicKey(derived, 'jane@contoso ado-companion')).toBe(pair.publicKey);
  });

  it('pads the private section to 8 bytes with 1, 2, 3… and repeats the checkint', () => {
    const jwk = { n: 'AQAB', e: 'AQAB', d: 'AQ', p: 'Aw', q: 'BQ', qi: 'Bw' };
    const pem = openSshPrivateKey(jwk, 'x', 0x01020304);
    const bytes = Buffer.from(pem.split('\n').slice(1, -2).join(''), 'base64');
    expect(bytes.subarray(0, 15).toString('latin1')).toBe('openssh-key-v1\0');
    const offset = findPrivateSection(bytes);
    const section = bytes.subarray(offset + 4, offset + 4 + bytes.readUInt32BE(offset));
    expect(offset + 4 + section.length).toBe(bytes.length);
    expect(section.length % 8).toBe(0);
    expect(section.readUInt32BE(0)).toBe(0x01020304);
    expect(section.readUInt32BE(4)).toBe(0x01020304);
    const tail = section.subarray(unpaddedLength(section));
    expect(tail.length).toBe(6);
    expect([...tail]).toEqual(Array.from({ length: tail.length }, (_, i) => i + 1));
  });

  it('keeps a comment on one line', () => {
    expect(cleanComment('  laptop\n\tjane  ')).toBe('laptop jane');
    expect(openSshPublicKey({ n: 'AQAB', e: 'AQAB' }, '')).toBe('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAAwEAAQ==');
  });
});

/** Offset of the private section's length field: after magic, cipher, KDF, options, count and the public key. */
function findPrivateSection(bytes: Buffer): number {
  let offset = 15;
  for (let i = 0; i < 3; i++) offset += 4 + bytes.readUInt32BE(offset);
  offset += 4; // number of keys
  offset += 4 + bytes.readUInt32BE(offset); // public key
  return offset;
}

/** Length of the private section before its padding: checkints, key type, six mpints, comment. */
function unpaddedLength(section: Buffer): number {
  let offset = 8;
  for (let i = 0; i < 8; i++) offset += 4 + section.readUInt32BE(offset);
  return offset;
}
