/**
 * Size budgets of what a user downloads, gzip -9 of the production Chrome build, in bytes. `npm test`
 * fails when a bundle grows past its budget (tests/e2e/packaging.spec.ts); `npm run bench` prints the
 * figures (docs/page-footprint.md). The content script runs on every Azure DevOps page, so its budget
 * is the one that matters.
 */
export const BUDGETS_GZIP_BYTES = {
  // Everything the manifest injects: 3,862 B with all three buttons, page detection and SPA handling.
  // The issue aimed at 2,900 B (GitKraken's extension injects 2,858 B for one link); what takes the
  // bytes: the cloud page parser (repository, page type, branch; ~790 B), the button styles (~450 B),
  // "Clone in <client>" with GitKraken's link and the stored client (~600 B), "Copy clone URL"
  // (~230 B), "Create pull request" (~200 B), loading UI on demand (~170 B), the header anchors and
  // their mounting (~260 B), the feature runner and SPA watcher (~240 B), WXT's script wrapper (~160 B).
  // Menus, the client catalogue and "Didn't open?" are the on-demand 'page menus' below.
  'content script': 3_900,
  // The quick PR dialog with Preact, loaded only when a user opens it.
  'pull request dialog': 13_500,
  // The copy and client menus, the desktop client catalogue and "Didn't open?", injected on the first
  // opening of a menu or click on "Clone in …" (on page load when the user picked a client other than
  // GitKraken Desktop, whose link the content script builds itself).
  'page menus': 2_800,
  // Dexie is most of it; the pull request dialog's handlers added about 2 KB.
  background: 65_000,
  // The repository browser, the remote URL helper and my pull requests brought it from 22 to 27 KiB;
  // the SSH key screen (OpenSSH encoding, the screen, its sentences) adds about 2.4 KB.
  popup: 31_000,
} as const;

export type BundleName = keyof typeof BUDGETS_GZIP_BYTES;

/** Stands for every file the manifest's `content_scripts` inject. */
export const MANIFEST_CONTENT_SCRIPTS = 'manifest content_scripts';

/** Which files of `.output/chrome-mv3` make up each bundle. */
export const BUNDLE_ENTRIES: Record<BundleName, string[]> = {
  'content script': [MANIFEST_CONTENT_SCRIPTS],
  'pull request dialog': ['pull-request-dialog.js'],
  'page menus': ['page-menus.js'],
  background: ['background.js'],
  popup: ['popup.html', 'chunks', 'assets'],
};
