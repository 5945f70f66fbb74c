import { describe, expect, it } from 'vitest';
import { indexRepositories, matchRepositories } from '@/lib/repositories/match-repositories';
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

  it('keeps to one organization when one is chosen', () => {
    expect(names('', 'c')).toEqual(['android-app', 'ios-app', 'app-shell', 'scripts']);
    expect(names('p', 'f')).toEqual(['portal']);
  });
});
