import { describe, expect, it } from 'vitest';
import { groupRepositories } from '@/entrypoints/popup/repositories/group-repositories';
import { indexRepositories, matchRepositories } from '@/lib/repositories/match-repositories';
import { orgs, repo } from './repository-views';

const all = [repo('f', 'Web', 'portal'), repo('c', 'Mobile App', 'ios-app'), repo('c', 'Mobile App', 'android-app'), repo('c', 'Platform', 'app-shell'), repo('f', 'Web', 'web-app')];
const lines = (filter: string) =>
  groupRepositories(matchRepositories(indexRepositories(all, orgs), filter), orgs).map((item) =>
    item.kind === 'repository' ? `${item.index} ${item.repo.name}` : `${item.kind === 'organization' ? '#' : '##'} ${item.name}`,
  );

describe('popup/group-repositories', () => {
  it('puts every repository under its organization and project heading when nothing is typed', () => {
    expect(lines('')).toEqual(['# contoso', '## Mobile App', '0 android-app', '1 ios-app', '## Platform', '2 app-shell', '# fabrikam', '## Web', '3 portal', '4 web-app']);
  });

  it('orders the groups by their best match and numbers the repositories in the order shown', () => {
    // app-shell starts with "app" (best), then the names that contain it.
    expect(lines('app')).toEqual(['# contoso', '## Platform', '0 app-shell', '## Mobile App', '1 android-app', '2 ios-app', '# fabrikam', '## Web', '3 web-app']);
  });

  it('shows no heading without a match', () => {
    expect(lines('nothing-like-it')).toEqual([]);
  });
});
