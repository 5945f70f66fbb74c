import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIREFOX_EXTENSION_DIR } from './launch-firefox';

/** Where Debian's Firefox ESR reads enterprise policies (docs/testing.md#browsers, docs/managed-configuration.md). */
export const FIREFOX_POLICIES_FILE = process.env.FIREFOX_POLICIES_FILE ?? '/usr/lib/firefox-esr/distribution/policies.json';

/**
 * The add-on id of the copy a policy spec installs. The policies file is the machine's, read by every
 * Firefox that starts meanwhile (other worktrees' tests too): a policy for this id touches none of them.
 */
export const POLICY_ADDON_ID = 'ado-companion-policy-e2e@ado-companion.dev';

export interface PresetFirefoxPolicy {
  /** The built add-on, copied with POLICY_ADDON_ID as its id. */
  extensionDir: string;
  remove(): void;
}

/**
 * Writes `policy` as the `3rdparty` policy of POLICY_ADDON_ID into Firefox's policies.json (kept
 * beside whatever the file held, which `remove` puts back). Firefox reads it when it starts.
 * Returns why not when the file cannot be written (not root).
 */
export function presetFirefoxPolicy(policy: Record<string, unknown>): PresetFirefoxPolicy | { skip: string } {
  const folder = path.dirname(FIREFOX_POLICIES_FILE);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    return { skip: `Firefox's distribution folder ${folder} cannot be written by this user (it needs root).` };
  }
  const before = fs.existsSync(FIREFOX_POLICIES_FILE) ? fs.readFileSync(FIREFOX_POLICIES_FILE, 'utf8') : null;
  const existing = (before ? JSON.parse(before) : {}) as { policies?: { '3rdparty'?: { Extensions?: Record<string, unknown> } } };
  const policies = existing.policies ?? {};
  const thirdParty = policies['3rdparty'] ?? {};
  const next = { ...existing, policies: { ...policies, '3rdparty': { ...thirdParty, Extensions: { ...thirdParty.Extensions, [POLICY_ADDON_ID]: policy } } } };

  const copyRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'ado-companion-policy-'));
  const extensionDir = path.join(copyRoot, 'firefox-mv2');
  fs.cpSync(FIREFOX_EXTENSION_DIR, extensionDir, { recursive: true });
  const manifestFile = path.join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  manifest.browser_specific_settings.gecko.id = POLICY_ADDON_ID;
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  fs.writeFileSync(FIREFOX_POLICIES_FILE, JSON.stringify(next, null, 2));
  return {
    extensionDir,
    remove() {
      if (before === null) fs.rmSync(FIREFOX_POLICIES_FILE, { force: true });
      else fs.writeFileSync(FIREFOX_POLICIES_FILE, before);
      fs.rmSync(copyRoot, { recursive: true, force: true });
    },
  };
}
