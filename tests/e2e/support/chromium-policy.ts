import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXTENSION_DIR } from './launch-browser';

/** Where Debian's Chromium reads the machine's mandatory policies (docs/testing.md#browsers, docs/managed-configuration.md). */
export const CHROMIUM_POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/**
 * Chromium's id for an extension loaded unpacked without a manifest `key`: the SHA-256 of its
 * absolute path, whose first 32 hex digits are written with the letters a–p.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export interface PresetPolicy {
  /** The copy of the built extension the policy is for. */
  extensionDir: string;
  extensionId: string;
  remove(): void;
}

/**
 * A policy for a copy of the built extension at a path of its own, so for an id of its own: the
 * policy folder is the machine's, and every other Chromium running meanwhile (other tests, other
 * worktrees) loads the extension under another id that this policy does not name. Returns why not
 * when the folder cannot be written (not root).
 */
export function presetChromiumPolicy(policy: Record<string, unknown>): PresetPolicy | { skip: string } {
  try {
    fs.mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
    fs.accessSync(CHROMIUM_POLICY_DIR, fs.constants.W_OK);
  } catch {
    return { skip: `Chromium's policy folder ${CHROMIUM_POLICY_DIR} cannot be written by this user (it needs root).` };
  }
  const copyRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'ado-companion-policy-'));
  const extensionDir = path.join(copyRoot, 'chrome-mv3');
  fs.cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const extensionId = unpackedExtensionId(extensionDir);
  updatePolicies((extensions) => ({ ...extensions, [extensionId]: policy }));
  return {
    extensionDir,
    extensionId,
    remove() {
      updatePolicies(({ [extensionId]: _gone, ...others }) => others);
      fs.rmSync(copyRoot, { recursive: true, force: true });
    },
  };
}

/** The one file the tests write: Chromium takes a policy such as `3rdparty` from one file only, not a merge. */
const POLICY_FILE = () => path.join(CHROMIUM_POLICY_DIR, 'ado-companion-e2e.json');

/**
 * Changes the extensions' policies in the tests' file, under a lock: specs with policies run in
 * parallel workers, each adding its copy's entry (a running Chromium rereads the folder when it changes).
 */
function updatePolicies(change: (extensions: Record<string, unknown>) => Record<string, unknown>): void {
  const lock = `${POLICY_FILE()}.lock`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) fs.rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    let extensions: Record<string, unknown> = {};
    try {
      extensions = JSON.parse(fs.readFileSync(POLICY_FILE(), 'utf8'))['3rdparty'].extensions;
    } catch {
      // No file yet.
    }
    const next = change(extensions);
    if (Object.keys(next).length === 0) fs.rmSync(POLICY_FILE(), { force: true });
    else {
      // Written beside the folder and renamed into it: a Chromium that rereads the folder meanwhile
      // must never see a half-written file (it would drop every policy in it for a moment).
      const written = path.join(path.dirname(CHROMIUM_POLICY_DIR), `.ado-companion-e2e-${process.pid}.json.tmp`);
      fs.writeFileSync(written, JSON.stringify({ '3rdparty': { extensions: next } }));
      fs.renameSync(written, POLICY_FILE());
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
