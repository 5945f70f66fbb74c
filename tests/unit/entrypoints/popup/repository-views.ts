import type { RepositoryView } from '@/lib/repositories/repository-cache';

/** A cached repository as the popup gets it, with only what list tests look at. */
export const repo = (orgKey: string, projectName: string, name: string): RepositoryView => ({
  id: `${orgKey}/${projectName}/${name}`,
  orgKey,
  projectId: `${orgKey}/${projectName}`,
  projectName,
  name,
  defaultBranch: 'main',
  webUrl: '',
  httpsUrl: '',
  sshUrl: null,
  isFork: false,
});

export const orgs = new Map([
  ['c', 'contoso'],
  ['f', 'fabrikam'],
]);
