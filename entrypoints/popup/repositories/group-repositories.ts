import type { RepositoryView } from '@/lib/repositories/repository-cache';

/** One line of the repository list: an organization or project heading, or a repository. */
export type RepositoryListItem =
  | { kind: 'organization' | 'project'; key: string; name: string }
  /** `index`: the repository's place among the repositories shown, for arrow keys. */
  | { kind: 'repository'; key: string; repo: RepositoryView; index: number };

/**
 * The matches under a heading per organization and, inside it, per project. Groups come in the order
 * of their best match and keep the matches' order inside, so the best match stays on top while typing.
 */
export function groupRepositories(matches: readonly RepositoryView[], orgNames: ReadonlyMap<string, string>): RepositoryListItem[] {
  const groups = new Map<string, Map<string, RepositoryView[]>>();
  for (const repo of matches) {
    let projects = groups.get(repo.orgKey);
    if (!projects) groups.set(repo.orgKey, (projects = new Map()));
    let repositories = projects.get(repo.projectName);
    if (!repositories) projects.set(repo.projectName, (repositories = []));
    repositories.push(repo);
  }
  const items: RepositoryListItem[] = [];
  let index = 0;
  for (const [orgKey, projects] of groups) {
    items.push({ kind: 'organization', key: orgKey, name: orgNames.get(orgKey) ?? '' });
    for (const [project, repositories] of projects) {
      items.push({ kind: 'project', key: `${orgKey}/${project}`, name: project });
      for (const repo of repositories) items.push({ kind: 'repository', key: repo.id, repo, index: index++ });
    }
  }
  return items;
}
