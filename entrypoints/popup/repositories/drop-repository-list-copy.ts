/** The popup's own database for its copy of the repository list (repository-list-copy.ts). */
export const REPOSITORY_LIST_COPY_DATABASE = 'ado-companion-popup';

/**
 * Forgets the popup's copy of the repository list: after a sign-out it would still name the
 * account's repositories. Apart from the copy itself so that the first screen does not download it.
 */
export function dropRepositoryListCopy(): void {
  indexedDB.deleteDatabase(REPOSITORY_LIST_COPY_DATABASE);
}
