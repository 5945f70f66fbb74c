/**
 * The storage.local keys of the user's clone choices, shared by the popup, the page buttons and the
 * context menu on repository links (the last two read them with the plain storage API).
 */
export const CLONE_CLIENT_KEY = 'clone-client';
export const CLONE_PROTOCOL_KEY = 'clone-protocol';
