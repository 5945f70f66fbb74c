/**
 * Size budgets of what a user downloads, gzip -9 of the production Chrome build, in bytes. `npm test`
 * fails when a bundle grows past its budget (tests/e2e/packaging.spec.ts); `npm run bench` prints the
 * figures. The content script runs on every Azure DevOps page, so its budget is the one that matters:
 * the page-actions work brings it to 2,900 B with all three buttons (GitKraken's extension injects
 * 2,858 B for one link); until then it may not grow past what it is.
 */
export const BUDGETS_GZIP_BYTES = {
  // 2,535 B for the runner, WXT's context and the cloud-page parser; "Copy clone URL" adds about
  // 1.7 KB (its menu, styles and mount logic) and "Clone in <client>" about 1.8 KB (the client
  // catalogue, the pull request source branch); the "Create pull request" button about 260 B (its
  // dialog is a separate script, injected on the first click), the open-PR indicator about 220 B. The page-actions issue aims at 2,900 B
  // by loading menus and the catalogue on demand.
  'content script': 6_700,
  // The quick PR dialog with Preact, loaded only when a user opens it.
  'pull request dialog': 13_500,
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
  // by organization and project, windowed, with arrow keys: +1.1 KB; the performance marks that
  // tests/bench/popup-timings.ts reads: +0.1 KB (28,174 B). The issue asks for 30,000.
  popup: 28_300,
  // Popup screens loaded when first opened: New repository 2.4 KB, SSH key 3.1 KB.
  'popup on demand': 6_000,
  // Chromium only, opened for a moment to copy from the context menu.
  'offscreen document': 1_000,
} as const;

export type BundleName = keyof typeof BUDGETS_GZIP_BYTES;
