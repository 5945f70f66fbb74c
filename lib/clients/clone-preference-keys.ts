/**
 * The storage.local keys of the user's clone choices, shared by the popup and the page buttons (which
 * read them with the plain storage API to stay small).
 */
export const CLONE_CLIENT_KEY = 'clone-client';
export const CLONE_PROTOCOL_KEY = 'clone-protocol';
