import type { RepositoryView } from '@/lib/repositories/repository-cache';

// One collator for every comparison: `localeCompare` builds one per call, which made sorting
// 5,000 repositories take most of a keystroke's time.
const { compare } = new Intl.Collator();

/**
 * Repositories matching a filter typed as you go, best first: a name that starts with it, then a
 * name that contains it, then the project, then word beginnings in order across "organization project
 * name" (so "mapios" finds Mobile App / ios-app). Empty filter: everything, by organization, project, name.
 */
export function matchRepositories(repositories: readonly RepositoryView[], filter: string, orgNames: ReadonlyMap<string, string>): RepositoryView[] {
  const needle = filter.trim().toLowerCase();
  const byPlace = (a: RepositoryView, b: RepositoryView) =>
    compare(orgNames.get(a.orgKey) ?? '', orgNames.get(b.orgKey) ?? '') || compare(a.projectName, b.projectName) || compare(a.name, b.name);
  if (!needle) return [...repositories].sort(byPlace);
  const ranked: { repo: RepositoryView; rank: number }[] = [];
  for (const repo of repositories) {
    const name = repo.name.toLowerCase();
    const rank = name.startsWith(needle)
      ? 0
      : name.includes(needle)
        ? 1
        : `${repo.projectName} ${name}`.toLowerCase().includes(needle)
          ? 2
          : matchesWordStarts(needle.replace(/[^\p{L}\p{N}]+/gu, ''), `${orgNames.get(repo.orgKey) ?? ''} ${repo.projectName} ${repo.name}`)
            ? 3
            : -1;
    if (rank >= 0) ranked.push({ repo, rank });
  }
  return ranked.sort((a, b) => a.rank - b.rank || byPlace(a.repo, b.repo)).map((r) => r.repo);
}

/** `needle` is made of a beginning of each of some words of `text`, in order ("mapios": Mobile App ios). */
function matchesWordStarts(needle: string, text: string): boolean {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  // Each (position, word) pair is tried once, so a long filter over many words stays linear-ish.
  const failed = new Set<number>();
  const from = (at: number, word: number): boolean => {
    if (at === needle.length) return true;
    const state = at * 1024 + word;
    if (failed.has(state)) return false;
    for (let w = word; w < words.length; w++) {
      const candidate = words[w]!;
      for (let length = Math.min(candidate.length, needle.length - at); length > 0; length--) {
        if (needle.startsWith(candidate.slice(0, length), at) && from(at + length, w + 1)) return true;
      }
    }
    failed.add(state);
    return false;
  };
  return needle.length > 0 && from(0, 0);
}
