import type { GitForkSyncRequest, GitRepository, GitRepositoryRef } from 'azure-devops-node-api/interfaces/GitInterfaces';
import { AppError } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import type { CompanionDb, OrganizationRecord } from '../db/schema';
import type { Session } from '../auth/session';
import { organizationClient } from '../auth/organization-client';
import type { RepositoryView } from '../repositories/repository-cache';
import { getConnectionData } from '../azure/connection-data';
import { missingServerFeature } from '../azure/server-features';
import type { RestClient } from '../azure/rest-client';
import { toRepositoryRecord } from '../repositories/repository-list';
import { toRepositoryView } from '../repositories/repository-cache';
import { repositoryNameProblem } from '../new-repository/repository-name';

export interface ForkDeps {
  db: CompanionDb;
  session: Pick<Session, 'clientFor'>;
  now: () => number;
}

/** A fork copy in progress, as the popup shows it (docs/azure-devops-rest.md#forks). */
export type ForkCopyStatus = 'queued' | 'inProgress' | 'completed' | 'failed' | 'abandoned';

export interface ForkView {
  id: string;
  name: string;
  projectName: string;
  httpsUrl: string;
  sshUrl: string | null;
  webUrl: string;
}

/**
 * Forks of a repository (docs/azure-devops-rest.md#forks): listing them, and creating one, which
 * Azure DevOps does asynchronously — the fork exists at once but stays empty until its copy
 * operation completes, so the popup polls `copyStatus` and offers clone only then.
 */
export function createForks(deps: ForkDeps) {
  const { db } = deps;

  const organizationAndClient = (orgKey: string) => organizationClient(deps, orgKey);

  async function list(input: { orgKey: string; repositoryId: string }): Promise<{ forks: ForkView[] }> {
    const { organization, client } = await organizationAndClient(input.orgKey);
    refuseWithoutForks(organization, client);
    // The organization's own collection id: forks in other organizations are not listed.
    const collectionId = organization.instanceId ?? (await getConnectionData(client, organization.baseUrl)).instanceId;
    const answer = await client.request<{ value?: GitRepositoryRef[] }>({
      url: `${base(organization)}/_apis/git/repositories/${encodeURIComponent(input.repositoryId)}/forks/${encodeURIComponent(collectionId)}`,
      context: { organization: organization.name, requiredScope: 'vso.code' },
    });
    const forks = (answer?.value ?? []).flatMap((fork) =>
      fork.id && fork.name && fork.remoteUrl
        ? [
            {
              id: fork.id,
              name: fork.name,
              projectName: fork.project?.name ?? '',
              httpsUrl: fork.remoteUrl.replace(/^https:\/\/[^@/]+@/, 'https://'),
              sshUrl: fork.sshUrl ?? null,
              webUrl: fork.remoteUrl.replace(/^https:\/\/[^@/]+@/, 'https://'),
            },
          ]
        : [],
    );
    return { forks: forks.sort((a, b) => `${a.projectName}/${a.name}`.localeCompare(`${b.projectName}/${b.name}`)) };
  }

  async function create(input: { orgKey: string; repositoryId: string; projectId: string; name: string }) {
    const problem = repositoryNameProblem(input.name);
    if (problem) throw new AppError(appErrors.invalidRepositoryName(problem));
    const { organization, client } = await organizationAndClient(input.orgKey);
    refuseWithoutForks(organization, client);
    const parent = await db.repositories.get(input.repositoryId);
    if (!parent || parent.orgKey !== organization.key) throw new AppError(appErrors.organizationGone());
    const fork = await client.request<GitRepository & { _links?: { forkSyncOperation?: { href?: string } } }>({
      method: 'POST',
      url: `${base(organization)}/${encodeURIComponent(input.projectId)}/_apis/git/repositories`,
      body: { name: input.name, project: { id: input.projectId }, parentRepository: { id: parent.id, project: { id: parent.projectId } } },
      context: { organization: organization.name, requiredScope: 'vso.code_manage' },
    });
    const operationId = Number(fork?._links?.forkSyncOperation?.href?.split('/').pop());
    if (!fork?.id || !Number.isInteger(operationId)) throw new AppError(appErrors.unreadableAnswer(new URL(organization.baseUrl).host, 201));
    return { forkId: fork.id, operationId, status: 'queued' as ForkCopyStatus };
  }

  /** Where the copy stands; once completed, the fork joins the repository cache and comes back ready to clone. */
  async function copyStatus(input: { orgKey: string; forkId: string; operationId: number }): Promise<{ status: ForkCopyStatus; repository: RepositoryView | null }> {
    const { organization, client } = await organizationAndClient(input.orgKey);
    const forkUrl = `${base(organization)}/_apis/git/repositories/${encodeURIComponent(input.forkId)}`;
    const sync = await client.request<GitForkSyncRequest & { status?: unknown }>({
      url: `${forkUrl}/forkSyncRequests/${input.operationId}`,
      context: { organization: organization.name, requiredScope: 'vso.code' },
    });
    const status = copyStatusOf(sync?.status);
    if (status !== 'completed') return { status, repository: null };
    const repository = await client.request<GitRepository>({ url: forkUrl, context: { organization: organization.name } });
    const record = toRepositoryRecord(repository, organization.key, deps.now());
    if (!record) return { status, repository: null };
    await db.transaction('rw', [db.organizations, db.repositories], async () => {
      if ((await db.organizations.get(organization.key))?.accountId === organization.accountId) await db.repositories.put(record);
    });
    return { status, repository: toRepositoryView(record) };
  }

  return { list, create, copyStatus };
}

/** The REST answer names the status (`"inProgress"`); the official client's enum numbers it. */
function copyStatusOf(value: unknown): ForkCopyStatus {
  const names: ForkCopyStatus[] = ['queued', 'inProgress', 'completed', 'failed', 'abandoned'];
  if (typeof value === 'number') return names[value - 1] ?? 'queued';
  const found = names.find((name) => name.toLowerCase() === String(value).toLowerCase());
  return found ?? 'queued';
}

/** An older Azure DevOps Server has no forks, and would make a plain repository of a fork request: say which version they need instead. */
function refuseWithoutForks(organization: OrganizationRecord, client: RestClient): void {
  const newest = client.newestApiVersion(organization.baseUrl) ?? organization.apiVersion ?? undefined;
  const missing = missingServerFeature('forks', new URL(organization.baseUrl).host, newest);
  if (missing) throw new AppError(missing);
}

function base(organization: OrganizationRecord): string {
  return organization.baseUrl.replace(/\/+$/, '');
}
