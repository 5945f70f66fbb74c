/**
 * DOM anchors on Azure DevOps web pages (the "New Repos experience", bolt / azure-devops-ui).
 *
 * The single place content scripts look up where to mount. No Microsoft document describes this DOM:
 * every selector is third-party knowledge (see docs/azure-devops-pages.md) and can
 * change without notice. Candidate lists are ordered most specific first; mount into the first match.
 * tests/fake-ado/pages renders the same markup and tests/unit/fake-ado-pages.test.ts proves each
 * selector here matches the fake page it belongs to.
 *
 * Sources (named in docs/azure-devops-pages.md): [GK] gitkraken/gk-browser-extension, [GP] gitpod-io/browser-extension,
 * [AZ] alejandro5042/azdo-userscripts, [SH] shamrt/azdo-userscripts, [MU] Muldoser/devops-pr-branch-copy,
 * [FS] unattributed public excerpts (weak evidence).
 */

/** Selectors to try in order; the first one that matches is the anchor. */
export type SelectorCandidates = readonly [string, ...string[]];

// --- App root and page data ---------------------------------------------------------------

/** React root that survives SPA navigation; the lowest stable node to observe. AZ azdo-pr-dashboard.user.js (MutationObserver root). */
export const APP_ROOT: SelectorCandidates = ['body > div.full-size'];

/**
 * The page's main content, where our own bar goes when no anchor of a feature appears
 * (docs/azure-devops-pages.md#fallback): `#skip-to-main-content`, the first step of a DevTools selector
 * chain copied from a live pull request page. One source.
 */
export const MAIN_CONTENT: SelectorCandidates = ['#skip-to-main-content'];

/** Id of `<script id="dataProviders">` holding `{"data": {...}}`. AZ azdo-pr-dashboard.user.js `onReady`. */
export const DATA_PROVIDERS_SCRIPT_ID = 'dataProviders';

/** Body class of the dark theme (id `ms.vss-web.vsts-theme-dark`, dots → dashes). [FS] theme-sync userscripts. */
export const DARK_THEME_BODY_CLASS = 'ms-vss-web-vsts-theme-dark';
/** Body class of the light theme. [FS] theme-sync userscripts. */
export const LIGHT_THEME_BODY_CLASS = 'ms-vss-web-vsts-theme';

// --- Shared bolt pieces ---------------------------------------------------------------------

/**
 * One command-bar entry (a `div` wrapping a `button`); injected buttons use this class to look native.
 * GP button-contributions.ts (`insertBefore` target); GK src/hosts/azureDevops.ts (class of its own `<a>`).
 */
export const HEADER_COMMAND_ITEM: SelectorCandidates = ['div.bolt-header-command-item-button'];

// --- Files page (repo root / file view) -----------------------------------------------------

/**
 * Files header command bar (Clone, …, overflow "More actions"). Insert at its start (GK) or before the
 * overflow item (GP). GK src/hosts/azureDevops.ts `.repos-files-header-commandbar`; GP
 * button-contributions.ts `div.repos-files-header-commandbar:nth-child(1)`; the generic bolt command bar
 * inside the files header as a fallback (docs/azure-devops-pages.md#anchors).
 */
export const FILES_HEADER_COMMANDBAR: SelectorCandidates = [
  'div.repos-files-header-commandbar',
  '.repos-files-header .bolt-header-commandbar',
];

/** Class ADO puts on the files command bar that clips extra buttons; GP removes it. GP button-contributions.ts `manipulations`. */
export const FILES_HEADER_COMMANDBAR_CLIP_CLASS = 'scroll-hidden';

/**
 * The overflow "…" button of the files command bar; its `closest(HEADER_COMMAND_ITEM)` is the item
 * to insert before. GP button-contributions.ts
 * `div.bolt-header-command-item-button:has(button[id^="__bolt-header-command-bar-menu-button"])`.
 */
export const FILES_HEADER_OVERFLOW_BUTTON: SelectorCandidates = [
  'div.repos-files-header-commandbar button[id^="__bolt-header-command-bar-menu-button"]',
  'button[id^="__bolt-header-command-bar-menu-button"]',
];

/** Title area of the files header (path breadcrumb). AZ azdo-pr-dashboard.user.js `watchForRepoBrowsingPages` (`after()` it). */
export const FILES_HEADER_TITLE_AREA: SelectorCandidates = ['.repos-files-header .bolt-header-title-area'];

/** Branch picker button; React re-renders it (AZ issue #172). AZ azdo-pr-dashboard.user.js (copy-branch button `after()` it). */
export const BRANCH_PICKER_BUTTON: SelectorCandidates = ['.version-dropdown > button'];

/**
 * Branch picker label: its text is the branch being viewed (full name; the ellipsis is CSS only).
 * AZ azdo-pr-dashboard.user.js `.bolt-dropdown-expandable-button-label`; GP button-contributions.ts
 * XPath `//div[contains(@class,'version-dropdown')]//span[contains(@class,'text-ellipsis')]`.
 */
export const BRANCH_PICKER_LABEL: SelectorCandidates = [
  '.version-dropdown > button .bolt-dropdown-expandable-button-label',
  '.version-dropdown span.text-ellipsis',
];

/** Text of each repo-path breadcrumb item. [FS] "azure-devOps-get-item-info" bookmarklet. */
export const FILES_BREADCRUMB_ITEM_TEXT: SelectorCandidates = [
  '.bolt-breadcrumb-container > div .bolt-breadcrumb-item > span .bolt-breadcrumb-item-text',
];

/** "Clone in VS Code / IDE" block of the empty-repository page. GP button-contributions.ts `ado-repo-empty`. */
export const EMPTY_REPO_CLONE_PANEL: SelectorCandidates = ['div.clone-with-application'];

// --- Commit and compare pages ---------------------------------------------------------------

/** Header command bar of `/commit/{sha}` (insert `afterbegin`). GK src/hosts/azureDevops.ts `case 'commit'`. */
export const COMMIT_HEADER_COMMANDBAR: SelectorCandidates = [
  '.bolt-header-commandbar',
  '.bolt-header-commandbar-button-group',
];

/** Button group of `/branchCompare` (insert `afterbegin`). GK src/hosts/azureDevops.ts `case 'branchCompare'`. */
export const COMPARE_HEADER_BUTTON_GROUP: SelectorCandidates = [
  '.bolt-header-commandbar-button-group',
  '.bolt-header-commandbar',
];

// --- Commits, pushes, pull request list and branches pages -----------------------------------------

/**
 * Header command bar of the repository's list pages (`/commits`, `/pushes`, `/pullrequests`, which
 * have a filter toggle in their header, azure-devops-ui's `HeaderCommandBarWithFilter`; `/branches`,
 * whose header holds "New branch"): both render `CustomHeaderCommandBar`, whose outer
 * `div.bolt-header-commandbar` holds the `div.bolt-header-commandbar-button-group` that lays out the
 * native items and hides those that do not fit, by measuring its children one by one; mounting before
 * that group (insert `afterbegin`, as on the commit page) keeps out of that count. npm `azure-devops-ui`
 * 2.277.0, `Components/HeaderCommandBar/CustomHeaderCommandBar.js` and `HeaderCommandBar.js`
 * (docs/azure-devops-pages.md#anchors). No public capture of these pages: when it is missing, no button.
 */
export const LIST_HEADER_COMMANDBAR: SelectorCandidates = ['.bolt-header .bolt-header-commandbar'];

// --- Pull request page ----------------------------------------------------------------------

/** PR page header. GP button-contributions.ts `ado-pr`. */
export const PR_HEADER: SelectorCandidates = ['.repos-pr-header'];

/**
 * The row of the PR header's actions (vote, complete, ⋮), found as the parent of the vote button, which
 * opens it: mounting at its start puts the buttons just before the vote button. `.repos-pr-header-vote-button`:
 * AZ, and a DevTools selector chain of a live page with nthomsencph/unfuck-ado docs/INTERNALS.md; then GP's
 * positional path (button-contributions.ts), which that capture no longer matches (docs/azure-devops-pages.md#anchors).
 */
export const PR_HEADER_COMMANDS: SelectorCandidates = [
  '.repos-pr-header :has(>.repos-pr-header-vote-button)',
  '.repos-pr-header>div:nth-child(2)>div:nth-child(1)',
];

/** The PR header's "…" menu button. GP button-contributions.ts `button[id^="__bolt-menu-button-"]`. */
export const PR_HEADER_MENU_BUTTON: SelectorCandidates = ['.repos-pr-header button[id^="__bolt-menu-button-"]'];

/** PR title row (GK inserts its links `afterend`). GK src/hosts/azureDevops.ts `case 'pullrequest'`. */
export const PR_TITLE_ROW: SelectorCandidates = ['.repos-pr-title-row'];

/** PR title text field (`.value` is the title). [FS] Jira userscripts. */
export const PR_TITLE_INPUT: SelectorCandidates = ['.repos-pr-title-row input.bolt-textfield-input'];

/**
 * Source (first) and target (second) branch links; `href` = `/{org}/{project}/_git/{repo}?version=GB{branch}`.
 * Use with querySelectorAll. GK src/hosts/azureDevops.ts `.pr-header-branches > .bolt-link`;
 * AZ `.pr-header-branches a:first-child`; SH `a.bolt-link`; MU `children[0]`.
 */
export const PR_BRANCH_LINKS: SelectorCandidates = ['.pr-header-branches > a.bolt-link', '.pr-header-branches a'];

/** Vote button: new PR experience first, then the old UI id. AZ `conditionallyAddBypassReminderAsync` (issue #80). */
export const PR_VOTE_BUTTON: SelectorCandidates = ['.repos-pr-header-vote-button', '#pull-request-vote-button'];

// --- Pull request lists ---------------------------------------------------------------------

/** A section ("Created by me", "Assigned to me", …) of a PR list. AZ `watchPullRequestDashboard` (PR #94). */
export const PR_LIST_SECTION_CARD: SelectorCandidates = ['.repos-pr-section-card'];

/** One PR row; React recycles rows, key state by PR id. AZ `watchPullRequestDashboard`. */
export const PR_LIST_ROW: SelectorCandidates = ['.repos-pr-section-card a[role="row"]'];

// --- Helpers --------------------------------------------------------------------------------

/**
 * `data` of the page's `<script id="dataProviders">`, or null when absent or not JSON.
 * Only user, suiteHomeUrl and theme stay right after SPA navigation (AZ); take repo/PR ids from the URL.
 */
export function readDataProviders(doc: Document): Record<string, unknown> | null {
  try {
    const text = doc.getElementById(DATA_PROVIDERS_SCRIPT_ID)?.textContent;
    if (!text) return null;
    const parsed: unknown = JSON.parse(text);
    if (!isRecord(parsed) || !isRecord(parsed.data)) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

// AZ treats any theme id containing these words as dark.
const DARK_THEME_ID = /(dark|night|neptune)/i;

/**
 * Whether Azure DevOps shows a dark theme: the body class first (it follows live theme changes),
 * then `ms.vss-web.theme-data.requestedThemeId` (AZ `onReady`).
 */
export function isDarkTheme(doc: Document): boolean {
  try {
    const themeClasses = Array.from(doc.body?.classList ?? []).filter((name) => name.startsWith('ms-vss-web-'));
    if (themeClasses.length > 0) return themeClasses.some((name) => DARK_THEME_ID.test(name));
    const themeData = readDataProviders(doc)?.['ms.vss-web.theme-data'];
    const themeId = isRecord(themeData) ? themeData.requestedThemeId : undefined;
    return typeof themeId === 'string' && DARK_THEME_ID.test(themeId);
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
