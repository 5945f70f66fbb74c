import type { GitCommitRef } from 'azure-devops-node-api/interfaces/GitInterfaces';
import type { RestClient } from '../azure/rest-client';
import type { RepositoryRecord } from '../db/schema';

/**
 * When a repository last changed, as its list shows it: the committer date of the newest commit of
 * its default branch (docs/azure-devops-rest.md#commits: the history of a branch is walked from its
 * tip, so the first commit listed is the head). Null for an empty repository, without a request.
 */
export async function defaultBranchUpdatedAt(
  client: RestClient,
  baseUrl: string,
  repo: Pick<RepositoryRecord, 'id' | 'projectId' | 'defaultBranch'>,
): Promise<string | null> {
  if (!repo.defaultBranch) return null;
  const answer = await client.request<{ value?: GitCommitRef[] } | undefined>({
    url: `${baseUrl.replace(/\/+$/, '')}/${repo.projectId}/_apis/git/repositories/${repo.id}/commits`,
    query: {
      'searchCriteria.itemVersion.version': repo.defaultBranch,
      'searchCriteria.itemVersion.versionType': 'branch',
      'searchCriteria.$top': 1,
    },
  });
  const date = answer?.value?.[0]?.committer?.date;
  const time = date ? new Date(date).getTime() : NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
