/**
 * Where the on-demand dialog script leaves its "open" function, in the content script's isolated
 * world (shared by our scripts in one frame, invisible to the page's own scripts).
 */
export const OPEN_DIALOG_GLOBAL = 'adoCompanionOpenPullRequestDialog';
