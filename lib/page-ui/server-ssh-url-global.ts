/** Where entrypoints/content/server-ssh-url leaves its lookup, in the content script's isolated world. */
export const SERVER_SSH_URL_GLOBAL = 'adoCompanionServerSshUrl';

/** A Server repository's SSH URL as the server states it (`GitRepository.sshUrl`); null when it states none or cannot be asked. */
export type ServerSshUrlFromPage = (repo: { project: string; repository: string }) => Promise<string | null>;
