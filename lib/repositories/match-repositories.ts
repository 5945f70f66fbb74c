import type { RepositoryListView, RepositoryView } from './repository-cache';

// One collator for every comparison: `localeCompare` builds one per call.
const { compare } = new Intl.Collator();

/** A repository with what the filter compares, worked out the first time a filter needs it and kept for the next keystrokes. */
interface IndexedRepository {
  repo: RepositoryView;
  organization: string;
  name?: string;
  /** "project name", lower case. */
  place?: string;
  /** The words of "organization project name", lower case. */
  words?: string[];
}

/** The repositories of one list in their place order (organization, project, name), ready to filter. */
export type RepositoryIndex = readonly IndexedRepository[];

/** By organization, project and name. */
function byPlace(orgNames: ReadonlyMap<string, string>) {
  const organization = (repo: RepositoryView) => orgNames.get(repo.orgKey) ?? '';
  return (a: RepositoryView, b: RepositoryView) => compare(organization(a), organization(b)) || compare(a.projectName, b.projectName) || compare(a.name, b.name);
}

/** The list with its repositories in place order, as the popup keeps its copy: indexing it again then takes one comparison per repository. */
export function inPlaceOrder(view: RepositoryListView): RepositoryListView {
  return { ...view, repositories: [...view.repositories].sort(byPlace(new Map(view.organizations.map((o) => [o.key, o.name])))) };
}

/** The repositories in place order, ready to filter: nothing else is worked out before a filter is typed. */
export function indexRepositories(repositories: readonly RepositoryView[], orgNames: ReadonlyMap<string, string>): RepositoryIndex {
  return [...repositories].sort(byPlace(orgNames)).map((repo) => ({ repo, organization: orgNames.get(repo.orgKey) ?? '' }));
}

/**
 * Repositories matching a filter typed as you go, best first: a name that starts with it, then a
 * name that contains it, then the project, then word beginnings in order across "organization project
 * name" (so "mapios" finds Mobile App / ios-app); by organization, project and name within each.
 * Empty filter: everything, by organization, project, name. `orgKey`: only that organization's.
 */
export function matchRepositories(index: RepositoryIndex, filter: string, orgKey = ''): RepositoryView[] {
  return rank(index, filter.trim().toLowerCase(), orgKey).repositories;
}

/**
 * `matchRepositories` for a filter box: when a filter extends the one before it (the next key typed),
 * only that one's matches are looked at again, since a repository that failed a filter fails every
 * longer one (each rule is about containing the filter, or its letters, in order) — unless the one
 * before had no letters at all ("-"), which left the word-beginnings rule out.
 */
export function createRepositoryMatcher(index: RepositoryIndex): (filter: string, orgKey?: string) => RepositoryView[] {
  let last: { needle: string; orgKey: string; kept: RepositoryIndex } | null = null;
  return (filter, orgKey = '') => {
    const needle = filter.trim().toLowerCase();
    const narrows = last !== null && last.orgKey === orgKey && needle.startsWith(last.needle) && (last.needle === '' || lettersOf(last.needle) !== '');
    const { kept, repositories } = rank(narrows ? last!.kept : index, needle, orgKey);
    last = { needle, orgKey, kept };
    return repositories;
  };
}

/**
 * Works out what the filter compares for `count` entries from `from` (done once per entry), so that
 * the first key typed does not pay for all of them; returns where to go on from.
 */
export function prepareRepositoryIndex(index: RepositoryIndex, from: number, count: number): number {
  const until = Math.min(index.length, from + count);
  for (let at = from; at < until; at++) {
    const entry = index[at]!;
    const name = (entry.name ??= entry.repo.name.toLowerCase());
    entry.place ??= `${entry.repo.projectName} ${name}`.toLowerCase();
    entry.words ??= wordsOf(entry, name);
  }
  return until;
}

const lettersOf = (needle: string) => needle.replace(/[^\p{L}\p{N}]+/gu, '');
const wordsOf = (entry: IndexedRepository, name: string) => `${entry.organization} ${entry.repo.projectName} ${name}`.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The matches of `needle` among `entries`, ranked, and the entries that matched, in their place order. */
function rank(entries: RepositoryIndex, needle: string, orgKey: string): { kept: IndexedRepository[]; repositories: RepositoryView[] } {
  const letters = lettersOf(needle);
  const ranked: RepositoryView[][] = [[], [], [], []];
  const kept: IndexedRepository[] = [];
  for (const entry of entries) {
    const { repo } = entry;
    if (orgKey && repo.orgKey !== orgKey) continue;
    // Nothing typed: everything, and nothing worked out for it.
    const name = needle ? (entry.name ??= repo.name.toLowerCase()) : '';
    const rank = name.startsWith(needle)
      ? 0
      : name.includes(needle)
        ? 1
        : (entry.place ??= `${repo.projectName} ${name}`.toLowerCase()).includes(needle)
          ? 2
          : letters && matchesWordStarts(letters, (entry.words ??= wordsOf(entry, name)))
            ? 3
            : -1;
    if (rank < 0) continue;
    ranked[rank]!.push(repo);
    kept.push(entry);
  }
  return { kept, repositories: ranked.flat() };
}

/** `needle` is made of a beginning of each of some `words`, in order ("mapios": Mobile App ios). */
function matchesWordStarts(needle: string, words: readonly string[]): boolean {
  // Each (position, word) pair is tried once, so a long filter over many words stays linear-ish.
  const failed = new Set<number>();
  const from = (at: number, word: number): boolean => {
    if (at === needle.length) return true;
    const state = at * 1024 + word;
    if (failed.has(state)) return false;
    for (let w = word; w < words.length; w++) {
      const candidate = words[w]!;
      // The longest beginning of this word that the needle continues with, then shorter ones.
      let common = 0;
      while (common < candidate.length && at + common < needle.length && candidate[common] === needle[at + common]) common++;
      for (let length = common; length > 0; length--) if (from(at + length, w + 1)) return true;
    }
    failed.add(state);
    return false;
  };
  return from(0, 0);
}
