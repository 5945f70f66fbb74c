import { describe, expect, it } from 'vitest';
import { createRepositoryMatcher, indexRepositories, matchRepositories, prepareRepositoryIndex } from '@/lib/repositories/match-repositories';
import { orgs, repo } from '../../entrypoints/popup/repository-views';

const all = [repo('f', 'Web', 'portal'), repo('c', 'Mobile App', 'ios-app'), repo('c', 'Mobile App', 'android-app'), repo('c', 'Platform', 'app-shell'), repo('c', 'Tools', 'scripts')];
const names = (filter: string, orgKey?: string) => matchRepositories(indexRepositories(all, orgs), filter, orgKey).map((r) => r.name);

describe('lib/repositories/match-repositories', () => {
  it('lists everything by organization, project and name when the filter is empty', () => {
    expect(names('  ')).toEqual(['android-app', 'ios-app', 'app-shell', 'scripts', 'portal']);
  });

  it('ranks a name that starts with the filter before one that contains it', () => {
    expect(names('app')).toEqual(['app-shell', 'android-app', 'ios-app']);
  });

  it('finds the letters in order across organization, project and name when nothing else matches', () => {
    expect(names('mapios')).toEqual(['ios-app']);
    expect(names('fab web')).toEqual(['portal']);
  });

  it('matches the project name too, and nothing for a filter no repository fits', () => {
    expect(names('tools')).toEqual(['scripts']);
    expect(names('zzz')).toEqual([]);
  });

  it('filters 5,000 repositories without copying more than it returns', () => {
    const many = Array.from({ length: 5000 }, (_, i) => repo('c', `Project ${i % 50}`, `service-${i}`));
    expect(matchRepositories(indexRepositories(many, orgs), 'service-4999').map((r) => r.name)).toEqual(['service-4999']);
  });

  it('as a filter box narrows key after key, finds what a fresh match finds: backspaces, a letterless start and another organization included', () => {
    const typed: [string, string?][] = [['m'], ['ma'], ['map'], ['mapi'], ['mapios'], ['mapio'], ['-'], ['-s'], ['-'], ['-a'], ['-ap'], ['p', 'f'], ['p'], ['p ', 'c'], ['p s'], ['tools'], ['']];
    const index = indexRepositories(all, orgs);
    const match = createRepositoryMatcher(index);
    for (const [filter, orgKey] of typed) expect(match(filter, orgKey).map((r) => r.name), `${filter} in ${orgKey ?? 'all'}`).toEqual(names(filter, orgKey));
  });

  it('finds the same after the index was prepared ahead of the first key', () => {
    const index = indexRepositories(all, orgs);
    expect(prepareRepositoryIndex(index, 0, 2)).toBe(2);
    expect(prepareRepositoryIndex(index, 2, 100)).toBe(all.length);
    expect(matchRepositories(index, 'mapios').map((r) => r.name)).toEqual(['ios-app']);
    expect(matchRepositories(index, 'app').map((r) => r.name)).toEqual(['app-shell', 'android-app', 'ios-app']);
  });

  it('keeps to one organization when one is chosen', () => {
    expect(names('', 'c')).toEqual(['android-app', 'ios-app', 'app-shell', 'scripts']);
    expect(names('p', 'f')).toEqual(['portal']);
  });
});
