/**
 * Size budgets of what a user downloads, gzip -9 of the production Chrome build, in bytes. `npm test`
 * fails when a bundle grows past its budget (tests/e2e/packaging.spec.ts); `npm run bench` prints the
 * figures (docs/page-footprint.md). The content script runs on every Azure DevOps page, so its budget
 * is the one that matters.
 */
export const BUDGETS_GZIP_BYTES = {
  // Everything the manifest injects on every Azure DevOps page, 4,792 B: the cloud page parser
  // (repository, page type, branch from version/itemVersion, the branch-name check; ~850 B), the
  // button styles (~430 B), "Clone in <client>" with GitKraken's link and the stored client (~600 B),
  // "Copy clone URL" (~230 B), "Create pull request" (~200 B), loading UI on demand (~170 B), the
  // anchors and their mounting, with one host per feature moved rather than added and our own bar
  // when no anchor appears once the page has settled (~520 B), the feature runner and SPA watcher
  // (~240 B), the open-PR links (~220 B), "Create PR" on each branch row (~270 B), acting only on a
  // person's clicks (~60 B), WXT's script wrapper (~160 B). GitKraken's extension injects 2,858 B for
  // one link; the issue's ≤3,600 B would mean dropping a feature users see. Menus, the client
  // catalogue and "Didn't open?" are the on-demand 'page menus' below.
  'content script': 4_800,
  // The quick PR dialog with Preact, loaded only when a user opens it: the page session transport
  // (with its deadline and the one -preview retry) and the Azure DevOps calls it runs over it (the
  // same as the background's) about 7.5 KB; every branch, paged through the refs' continuation tokens up
  // to 10,000 and the note when it stops there (~280 B), with the viewed and default branch looked up by
  // name beyond that; Create only after a person's click or Enter; only the sentences it uses, since
  // they are one export each. 19,684 B.
  'pull request dialog': 19_700,
  // The copy and client menus, the desktop client catalogue (links that take only a branch name git
  // takes, Fork's "macOS only" on Windows) and "Didn't open?", injected on the first opening of a menu
  // or click on "Clone in …"; items act only on a person's click. 3,003 B.
  'page menus': 3_100,
  // Run by the popup in the active Azure DevOps tab: how page actions will authenticate there, and
  // whether the buttons sit in our own bar. 520 B.
  'page session status': 600,
  // The viewed branch's open pull requests read with the page's own sign-in, injected only when no
  // account serves the organization: the page session transport (which hands on a paged list's
  // continuation token, ~70 B) and its sentences. 6,503 B.
  'branch pull requests': 6_550,
  // A service worker cannot load code on demand, so everything the background does is here:
  // Dexie is most of it; the pull request dialog's handlers ~2 KB; New repository ~2.2 KB (templates are
  // packaged files read when needed); the desktop client catalogue for the context menu ~2.1 KB; the
  // pull request inbox behind the badge (who waits for whom across organizations and teams, backoff,
  // alarms) ~2.5 KB; keyboard shortcuts ~1.5 KB; the address bar with the repository filter ~1.1 KB;
  // the api-version table and its -preview retry ~0.3 KB; naming the field that is too long ~0.15 KB;
  // paging the PR dialog's branches through continuation tokens ~0.2 KB. 75,004 B (the address bar's
  // filter shares the popup's, which can now narrow as a filter grows).
  background: 75_100,
  // What the popup loads when it opens: popup.html and the script and styles it names, 17,034 B. It
  // carries only the two screens a popup opens on (accounts, or connect for a new user), with the
  // inbox's account-trouble line; every other screen loads on demand (below). 17,134 B with the signal
  // effect the repository filter prepares its index with (Preact signals ship in this first download).
  popup: 17_200,
  // Popup screens and their shared code, loaded when first opened, 30,060 B: the repository browser
  // (with the desktop client catalogue, WXT storage for the clone preferences, the popup's own copy of
  // the last list, ticking repositories for a clone script whose builder is a chunk of its own), pull
  // requests by need, the remote URL helper, PAT form, organization picker, New repository ~2.4 KB,
  // SSH key ~3.1 KB, Forks ~2.2 KB; the filter narrowing as it grows, its index prepared while idle and
  // only the count and the list following each key (~350 B). 30,412 B.
  'popup on demand': 30_500,
  // Chromium only, opened for a moment to copy from the context menu or a shortcut.
  'offscreen document': 1_000,
} as const;

export type BundleName = keyof typeof BUDGETS_GZIP_BYTES;
