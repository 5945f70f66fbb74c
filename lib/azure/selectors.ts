/**
 * DOM anchors on Azure DevOps web pages (the "New Repos experience", bolt / azure-devops-ui), the ones
 * the page features use, and nothing else.
 *
 * The single place content scripts look up where to mount. No Microsoft document describes this DOM:
 * every selector is third-party knowledge and can change without notice. docs/azure-devops-pages.md#selectors
 * names each one's public evidence and its verdict (seen by two or more sources / one source /
 * unobserved); tests/unit/fake-ado-pages.test.ts pairs each with the fake pages where it must match
 * and how many times. Candidate lists are ordered most specific first; the first that matches is used,
 * and a feature whose candidates all miss shows in a bar of our own (docs/azure-devops-pages.md#fallback).
 */

/** Selectors to try in order; the first one that matches is the anchor. */
export type SelectorCandidates = readonly [string, ...string[]];

/** React root that survives SPA navigation; the lowest stable node to observe. One source. */
export const APP_ROOT: SelectorCandidates = ['body > div.full-size'];

/** The page's main content, where our own bar goes when no anchor of a feature appears. One source. */
export const MAIN_CONTENT: SelectorCandidates = ['#skip-to-main-content'];

/** Files header command bar: the specific Repos class (two sources), then the generic bolt bar inside the files header (one). */
export const FILES_HEADER_COMMANDBAR: SelectorCandidates = [
  'div.repos-files-header-commandbar',
  '.repos-files-header .bolt-header-commandbar',
];

/** Header command bar of `/commit/{sha}` (and the files page's last resort). One source. */
export const COMMIT_HEADER_COMMANDBAR: SelectorCandidates = [
  '.bolt-header-commandbar',
  '.bolt-header-commandbar-button-group',
];

/**
 * Header command bar of the repository's list pages (`/commits`, `/pushes`, `/pullrequests`,
 * `/branches`): azure-devops-ui's `HeaderCommandBar` (package source). Unobserved on these pages.
 */
export const LIST_HEADER_COMMANDBAR: SelectorCandidates = ['.bolt-header .bolt-header-commandbar'];

/** The PR header's actions row, as the parent of the vote button (which opens it); then GP's positional path. */
export const PR_HEADER_COMMANDS: SelectorCandidates = [
  '.repos-pr-header :has(>.repos-pr-header-vote-button)',
  '.repos-pr-header>div:nth-child(2)>div:nth-child(1)',
];

/** The PR header's source (first) and target branch links; `href` = `/{org}/{project}/_git/{repo}?version=GB{branch}`. Several sources. */
export const PR_BRANCH_LINKS: SelectorCandidates = ['.pr-header-branches > a.bolt-link', '.pr-header-branches a'];

/**
 * The branch links in the Branches page's rows: rows of an azure-devops-ui table with an accessible
 * name (`table[aria-label] tr.bolt-table-row`, seen on other Repos pages), then any ARIA row. Unobserved
 * on the Branches page itself; the feature checks each href besides (a branch of this repository).
 */
export const BRANCH_ROW_LINKS: SelectorCandidates = ['table[aria-label] tr.bolt-table-row a[href*="version=GB"]', '[role="row"] a[href*="version=GB"]'];
