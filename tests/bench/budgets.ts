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
  // Then the open-PR links (~220 B) and the answer to the popup's "how will page actions
  // authenticate here" (~340 B: the listener, the sender check, three reads of the page data), and
  // "Create PR" on each branch of the Branches page (~270 B).
  // Menus, the client catalogue and "Didn't open?" are the on-demand 'page menus' below.
  'content script': 4_800,
  // The quick PR dialog with Preact, loaded only when a user opens it; the page session transport and
  // the Azure DevOps calls it runs over it (the same as the background's) about 7 KB; only the
  // sentences it uses since they are one export each.
  'pull request dialog': 19_000,
  // The copy and client menus, the desktop client catalogue and "Didn't open?", injected on the first
  // opening of a menu or click on "Clone in …" (on page load when the user picked a client other than
  // GitKraken Desktop, whose link the content script builds itself).
  'page menus': 2_800,
  // Dexie is most of it. The pull request dialog's handlers added about 2 KB; New repository
  // (creating, the name rules, their sentences) 2.2 KB, its templates are packaged files the
  // background reads when needed, in no bundle. The context menu on repository links brought the
  // desktop client catalogue into it (about 2.1 KB; a service worker cannot load code on demand).
  background: 69_000,
  // What the popup loads when it opens: popup.html and the script and styles it names.
  // The repository browser, the remote URL helper and my pull requests brought it from 22 to 27 KiB;
  // New repository about 1 KB (its button, the on-demand loader, its sentences). The extension's own
  // sentences are one export each (lib/errors/app-errors.ts), so the popup keeps only those it uses
  // (-1.9 KB), and the SSH key screen loads on demand (-2.3 KB): 26,932 B. The repository list grouped
  // by organization and project, windowed, with arrow keys: +1.1 KB; the page-actions line, the
  // Forks action and the stored client name: +0.7 KB; the performance marks that
  // tests/bench/popup-timings.ts reads: +0.1 KB. The issue asks for 30,000.
  popup: 29_000,
  // Popup screens loaded when first opened: New repository 2.4 KB, SSH key 3.1 KB, Forks 2.2 KB.
  'popup on demand': 8_500,
  // Chromium only, opened for a moment to copy from the context menu.
  'offscreen document': 1_000,
} as const;

export type BundleName = keyof typeof BUDGETS_GZIP_BYTES;
