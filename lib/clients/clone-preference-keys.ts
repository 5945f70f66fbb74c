/**
 * The storage.local keys of the user's clone choices, shared by the popup, the page buttons and the
 * context menu on repository links (the last two read them with the plain storage API).
 */
export const CLONE_CLIENT_KEY = 'clone-client';
/**
 * The chosen client's name, stored beside its id by whoever sets it: the page's "Clone in <client>"
 * shows it at once, without loading the client catalogue (docs/page-footprint.md).
 */
export const CLONE_CLIENT_NAME_KEY = 'clone-client-name';
export const CLONE_PROTOCOL_KEY = 'clone-protocol';
