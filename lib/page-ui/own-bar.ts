/**
 * The attribute of the bar of our own that the page script shows buttons in when none of their
 * anchors appeared on a page (docs/azure-devops-pages.md#fallback); the popup's line about the active
 * tab looks for it, so a user can tell us which page changed.
 */
export const OWN_BAR_ATTRIBUTE = 'data-ado-companion-bar';
