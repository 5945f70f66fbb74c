import type { GitRepository } from 'azure-devops-node-api/interfaces/GitInterfaces';
import type { RepositoryRecord } from '../db/schema';
import type { RestClient } from '../azure/rest-client';
import { parseAzureRemote } from '../azure/remote-url';

/**
 * Every repository of one organization (docs/azure-devops-rest.md#repositories): one organization-wide
 * call. Disabled repositories refuse Git operations, so they are left out.
 */
export async function listOrganizationRepositories(client: RestClient, orgKey: string, baseUrl: string, now: number): Promise<RepositoryRecord[]> {
  const answer = await client.request<{ value?: GitRepository[] } | undefined>({ url: `${baseUrl.replace(/\/+$/, '')}/_apis/git/repositories` });
  return (answer?.value ?? []).flatMap((repo) => toRepositoryRecord(repo, orgKey, now) ?? []);
}

/** A repository as the cache keeps it; null for one that cannot be used (incomplete, or disabled). */
export function toRepositoryRecord(repo: GitRepository, orgKey: string, now: number): RepositoryRecord | null {
  if (!repo.id || !repo.name || !repo.project?.id || repo.isDisabled) return null;
  // The service may put `{org}@` in front of the host; it is not part of the address.
  const remoteUrl = (repo.remoteUrl ?? '').replace(/^(https?:\/\/)[^@/]+@/, '$1');
  const sshUrl = repo.sshUrl ?? null;
  return {
    id: repo.id,
    orgKey,
    projectId: repo.project.id,
    projectName: repo.project.name ?? '',
    name: repo.name,
    defaultBranch: repo.defaultBranch ? repo.defaultBranch.replace(/^refs\/heads\//, '') : null,
    webUrl: repo.webUrl ?? '',
    remoteUrl,
    sshUrl,
    canonical: canonicalCloneUrls(remoteUrl, sshUrl),
    isFork: repo.isFork === true,
    size: typeof repo.size === 'number' ? repo.size : 0,
    cachedAt: now,
  };
}

/** The clone URLs in their canonical forms: dev.azure.com for legacy organizations, no user name in the URL. */
export function canonicalCloneUrls(remoteUrl: string, sshUrl: string | null): NonNullable<RepositoryRecord['canonical']> {
  return {
    httpsUrl: parseAzureRemote(remoteUrl)?.httpsUrl ?? remoteUrl,
    sshUrl: sshUrl ? (parseAzureRemote(sshUrl)?.sshUrl ?? sshUrl) : null,
  };
}
