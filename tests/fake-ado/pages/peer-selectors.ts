// What public extensions and userscripts query on real Azure DevOps pages, beyond the anchors the
// page features use (lib/azure/selectors.ts): the fake pages must satisfy these too, so that they stay
// shaped like the pages those peers saw (docs/azure-devops-pages.md names the sources). Nothing in the
// product uses them. [GK] gitkraken/gk-browser-extension, [GP] gitpod-io/browser-extension,
// [AZ] alejandro5042/azdo-userscripts, [SH] shamrt/azdo-userscripts, [MU] Muldoser/devops-pr-branch-copy,
// [FS] public excerpts whose repository could not be named (weak evidence; docs/azure-devops-pages.md).
import type { SelectorCandidates } from '../../../lib/azure/selectors';

// --- App root and page data ---------------------------------------------------------------


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


/** Button group of `/branchCompare` (insert `afterbegin`). GK src/hosts/azureDevops.ts `case 'branchCompare'`. */
export const COMPARE_HEADER_BUTTON_GROUP: SelectorCandidates = [
  '.bolt-header-commandbar-button-group',
  '.bolt-header-commandbar',
];

// --- Commits, pushes, pull request list and branches pages -----------------------------------------


// --- Pull request page ----------------------------------------------------------------------

/** PR page header. GP button-contributions.ts `ado-pr`. */
export const PR_HEADER: SelectorCandidates = ['.repos-pr-header'];


/** The PR header's "…" menu button. GP button-contributions.ts `button[id^="__bolt-menu-button-"]`. */
export const PR_HEADER_MENU_BUTTON: SelectorCandidates = ['.repos-pr-header button[id^="__bolt-menu-button-"]'];

/** PR title row (GK inserts its links `afterend`). GK src/hosts/azureDevops.ts `case 'pullrequest'`. */
export const PR_TITLE_ROW: SelectorCandidates = ['.repos-pr-title-row'];

/** PR title text field (`.value` is the title). [FS] Jira userscripts. */
export const PR_TITLE_INPUT: SelectorCandidates = ['.repos-pr-title-row input.bolt-textfield-input'];


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
