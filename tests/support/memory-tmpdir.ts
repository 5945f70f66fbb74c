import fs from 'node:fs';

/** A tmpfs on Linux: files there live in memory, and fsync returns at once (docs/testing.md#browsers). */
const MEMORY_DIR = '/dev/shm';

/**
 * Points this process's temporary folder (and its children's: browsers, their profiles) at
 * /dev/shm where it exists and can be written. A browser profile writes and syncs its databases all
 * the time; on a disk-backed /tmp that made the Chromium E2E 7 % slower (docs/testing.md#time).
 * A TMPDIR the caller set is kept.
 */
export function preferMemoryTmpdir(): void {
  if (process.env.TMPDIR) return;
  try {
    fs.accessSync(MEMORY_DIR, fs.constants.W_OK);
    process.env.TMPDIR = MEMORY_DIR;
  } catch {
    // No tmpfs here (macOS, Windows): the system's temporary folder it is.
  }
}
