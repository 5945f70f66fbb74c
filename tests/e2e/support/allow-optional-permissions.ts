import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Chromium's id of an unpacked extension: the first 128 bits of SHA-256 of its path, hex digits as a–p. */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(path.resolve(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * A new Chromium profile in which the user already allowed these optional API permissions to the
 * extension at `extensionDir`, as after answering "Allow" to its prompt once. Chromium's permission
 * prompt is browser UI that automation cannot click (microsoft/playwright#32755); with the grant
 * remembered, `permissions.request` in the extension's own click handler resolves without a prompt,
 * so the click path runs for real. The extension only holds the permission once it asked for it.
 */
export function profileAllowing(extensionDir: string, permissions: readonly string[]): string {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ado-companion-profile-'));
  const grant = { api: [...permissions], explicit_host: [], manifest_permissions: [], scriptable_host: [] };
  const settings = { [unpackedExtensionId(extensionDir)]: { granted_permissions: grant, runtime_granted_permissions: grant } };
  mkdirSync(path.join(userDataDir, 'Default'));
  writeFileSync(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ extensions: { settings } }));
  return userDataDir;
}
