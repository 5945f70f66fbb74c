/**
 * Size budgets of what a user downloads, gzip -9 of the production Chrome build, in bytes. `npm test`
 * fails when a bundle grows past its budget (tests/e2e/packaging.spec.ts); `npm run bench` prints the
 * figures (docs/page-footprint.md). The content script runs on every Azure DevOps page, so its budget
 * is the one that matters.
 */
export const BUDGETS_GZIP_BYTES = {
  // Everything the manifest injects on every Azure DevOps page, 4,864 B: the cloud page parser
  // (repository, page type, branch from version/itemVersion, the branch-name check; ~850 B), the
  // button styles (~430 B), "Clone in <client>" with GitKraken's link and the stored client (~600 B),
  // "Copy clone URL" (~230 B, and ~40 B since it copies through the one copyText and says a refused
  // copy in the extension's one sentence, as every other place does), "Create pull request" (~200 B), loading UI on demand (~170 B), the
  // anchors and their mounting, with one host per feature moved rather than added and our own bar
  // when no anchor appears once the page has settled (~520 B), the feature runner and SPA watcher
  // (~240 B), the open-PR links (~220 B), "Create PR" on each branch row (~270 B), acting only on a
  // person's clicks (~60 B), WXT's script wrapper (~160 B), features that read links and the address
  // with the runner's page reader (~30 B: the Server page script, registered on granted Server hosts
  // only, reuses them with its own URL model and costs cloud pages nothing else). GitKraken's extension injects 2,858 B for
  // one link; the issue's ≤3,600 B would mean dropping a feature users see. Menus, the client
  // catalogue and "Didn't open?" are the on-demand 'page menus' below.
  'content script': 4_870,
  // Registered at run time on the Azure DevOps Server hosts a user granted (never on the cloud): the
  // same features as the content script, with the Server URL model and the collection root read from
  // the page data (~500 B). 5,307 B.
  'Server page script': 5_310,
  // The quick PR dialog with Preact, loaded only when a user opens it: the page session transport
  // (with its deadline and the one -preview retry) and the Azure DevOps calls it runs over it (the
  // same as the background's) about 7.5 KB; every branch, paged through the refs' continuation tokens up
  // to 10,000 and the note when it stops there (~280 B), with the viewed and default branch looked up by
  // name beyond that; Create only after a person's click or Enter; only the sentences it uses, since
  // they are one export each; a Server's newest api-version learned from its refusal (~130 B) and the
  // Server release named in that sentence (~130 B); on a Server older than drafts (REST API 5.0),
  // "Create as draft" turned off with the version it needs rather than a pull request published to its
  // reviewers (~290 B); the one copyText and could-not-copy sentence (~40 B). 20,286 B.
  'pull request dialog': 20_300,
  // The copy and client menus, the desktop client catalogue (links that take only a branch name git
  // takes, Fork's "macOS only" on Windows) and "Didn't open?", injected on the first opening of a menu
  // or click on "Clone in …"; items act only on a person's click; on a Server page, why there is no
  // SSH URL (~100 B), and there asking the server for it on first opening, the item following the
  // answer (~230 B). 3,338 B.
  'page menus': 3_350,
  // Run by the popup in the active Azure DevOps tab: how page actions will authenticate there, and
  // whether the buttons sit in our own bar. 520 B.
  'page session status': 600,
  // The viewed branch's open pull requests read with the page's own sign-in, injected only when no
  // account serves the organization: the page session transport (which hands on a paged list's
  // continuation token, ~70 B) and its sentences, with a Server's api-version learned and its release
  // named (~260 B). 6,793 B.
  'branch pull requests': 6_800,
  // Injected on an Azure DevOps Server page when its copy menu first opens: the repository's SSH URL
  // as the server states it, read with the page's own sign-in (the page session transport and its
  // sentences, as above). 6,429 B.
  'Server SSH URL': 6_450,
  // A service worker cannot load code on demand, so everything the background does is here:
  // Dexie is most of it; the pull request dialog's handlers ~2 KB; New repository ~2.2 KB (templates are
  // packaged files read when needed); the desktop client catalogue for the context menu ~2.1 KB; the
  // pull request inbox behind the badge (who waits for whom across organizations and teams, backoff,
  // alarms) ~2.5 KB; keyboard shortcuts ~1.5 KB; the address bar with the repository filter ~1.1 KB,
  // and an Azure DevOps address typed without https:// or naming an old-form page that is no
  // repository page ~0.09 KB; the api-version table and its -preview retry ~0.3 KB; naming the field that is too long ~0.15 KB;
  // one key per organization whichever URL form names it ~0.07 KB; the organization's managed policy
  // (read, checked key by key, enforced at connect and organization choice, its three refusal
  // sentences, the clone choice kept to it) ~1.2 KB; pull request notifications (my pull requests
  // read and diffed against the stored inbox, each event once, grouped, the click that opens it)
  // ~1.6 KB; the Server page script's registration, the router's trust in granted Server pages, the
  // context menu following the granted Server hosts and the Server release named in a refused-version
  // sentence ~1.1 KB; paging the PR dialog's branches through continuation tokens ~0.2 KB; page actions
  // turned on from the popup for a Server the user only visits (kept origins, policy check, its two
  // sentences) ~0.45 KB; `ado <address>` typed without https:// ~0.09 KB; Server hosts the policy pre-approves ~0.05 KB; drafts and forks refused with the REST version they need on an older Server (instead of a published pull request or a plain repository) ~0.27 KB; a sign-in or sign-out refreshing the inbox after a running refresh, which never writes back an organization signed out meanwhile ~0.13 KB; what the inbox kept of an organization signed out or unselected deleted (and the badge put right) before the popup is answered, not after the refresh that follows ~0.08 KB. 80,038 B.
  background: 80_040,
  // What Chromium waits for before it shows the toolbar popup: popup.html with its styles and header
  // (the icon drawn in the page, ~0.2 KB) and its first script, which draws the accounts screen kept
  // from the last opening (elements, allowed attributes and text, for this version of the extension
  // only; ~0.5 KB) and loads the app once that frame is on show
  // (docs/page-footprint.md#first-screen-snapshot). One file with no import, so nothing is fetched
  // after it before the popup can show; the copy is written only when it changed (~7 B). 3,947 B.
  'popup first screen': 3_950,
  // What every opening loads: the first screen, then the app (Preact, the popup's state, and the two
  // screens a popup opens on: accounts, or connect for a new user). The app is three files that
  // gzip each on its own (its own code, the code it shares with the screens, the bundler's runtime;
  // ~1.3 KB more than one file), loaded after the popup is on show. It carries the inbox's
  // account-trouble line and which settings the organization's policy fixes (connect without the PAT
  // way when the policy allows none, ~0.12 KB), and the signal effect the repository filter prepares
  // its index with (Preact signals ship here); every other screen loads on demand (below). Over a tab
  // that looks like an Azure DevOps Server page, the check that offers page actions there (which tab
  // the popup serves, the URL test, the status question; ~0.48 KB). A clone client or protocol chosen
  // before the background has said what the policy fixes waits for it (~30 B). Screen headings carry
  // `elementtiming`, for the bench's presented first screen (~15 B). The requests of an opening wait
  // for its first presented frame, except with nothing cached, when the answer is what the user waits
  // for (docs/page-footprint.md#real-popup; ~0.12 KB); the accounts screen is kept for the next
  // opening (~0.3 KB). Measured with the chunks' content hashes as one fixed string (bundle-sizes.ts):
  // 19,826 B.
  popup: 19_830,
  // Popup screens and their shared code, loaded when first opened, 31,102 B: the repository browser
  // (with the desktop client catalogue, WXT storage for the clone preferences, the popup's own copy of
  // the last list, ticking repositories for a clone script whose builder is a chunk of its own), pull
  // requests by need, the remote URL helper, PAT form, organization picker, New repository ~2.4 KB,
  // SSH key ~3.1 KB, Forks ~2.2 KB; the clone client and protocol shown "Set by your organization"
  // and locked when the policy sets them, the PAT form explained away when it allows none, the
  // organization picker saying the policy limits it ~0.36 KB; the notifications switch on Pull
  // requests ~0.3 KB; the filter narrowing as it grows, its index prepared while idle and only the
  // count and the list following each key (~350 B); the "Enable page actions on {host}" offer, fetched
  // only over a Server page (~0.68 KB); a clone choice made before the policy is known waiting for
  // it (~30 B). With the popup's styles in its page, no screen asks for them again (~0.1 KB less).
  // 31,357 B with the chunks' content hashes as one fixed string (31,567 B with them: each screen
  // names the popup's script by its hash, so any change to that script moved this figure by a few
  // bytes either way).
  'popup on demand': 31_360,
  // Chromium only, opened for a moment to copy from the context menu or a shortcut.
  'offscreen document': 1_000,
} as const;

export type BundleName = keyof typeof BUDGETS_GZIP_BYTES;
