import type { GitPush, GitRepository } from 'azure-devops-node-api/interfaces/GitInterfaces';
import type { TeamProjectReference } from 'azure-devops-node-api/interfaces/CoreInterfaces';
import { AppError } from '../errors/app-error';
import { appErrors, toAppErrorValue } from '../errors/error-messages';
import type { CompanionDb, OrganizationRecord } from '../db/schema';
import type { Session } from '../auth/session';
import { organizationClient } from '../auth/organization-client';
import type { AppErrorValue } from '../errors/app-error';
import { toRepositoryRecord } from '../repositories/repository-list';
import { toRepositoryView, type RepositoryView } from '../repositories/repository-cache';
import { repositoryNameProblem } from './repository-name';
import { buildInitialFiles, type ReadTemplate } from './initial-files';
import type { GitignoreId, LicenseId } from './templates';

/** A project a repository can be created in. */
export interface ProjectView {
  id: string;
  name: string;
}

/** The outcome of "New repository". */
export interface CreatedRepositoryView {
  repository: RepositoryView;
  /** Paths of the files in the first commit; none when nothing was pushed. */
  files: string[];
  /** The repository exists, but its first commit failed. */
  commitError?: AppErrorValue;
}

export interface NewRepositoryDeps {
  db: CompanionDb;
  session: Pick<Session, 'clientFor'>;
  now: () => number;
  readTemplate: ReadTemplate;
}

export interface NewRepositoryInput {
  orgKey: string;
  projectId: string;
  name: string;
  readme: boolean;
  gitignore?: GitignoreId;
  license?: LicenseId;
  /** Copyright holder; the account's display name when empty. */
  holder?: string;
}

const ZERO_OBJECT_ID = '0000000000000000000000000000000000000000';
const FIRST_BRANCH = 'refs/heads/main';

/**
 * "New repository" (docs/azure-devops-rest.md#create-repository): create it in a project, then push
 * one commit with the chosen files on main. The files are built here from the choices and packaged
 * templates; the new repository joins the cache so the repository list shows it at once.
 */
export function createNewRepository(deps: NewRepositoryDeps) {
  const { db } = deps;

  const organizationAndClient = (orgKey: string) => organizationClient(deps, orgKey);

  /** The organization's projects, by name. */
  async function projects(input: { orgKey: string }) {
    const { organization, client } = await organizationAndClient(input.orgKey);
    const answer = await client.request<{ value?: TeamProjectReference[] } | undefined>({
      url: `${base(organization)}/_apis/projects`,
      // One page: the service's default is 100 projects.
      query: { $top: 1000 },
      context: { organization: organization.name, requiredScope: 'vso.project' },
    });
    const list = (answer?.value ?? []).flatMap((p) => (p.id && p.name ? [{ id: p.id, name: p.name }] : []));
    return { projects: list.sort((a, b) => a.name.localeCompare(b.name)) };
  }

  async function create(input: NewRepositoryInput): Promise<CreatedRepositoryView> {
    const problem = repositoryNameProblem(input.name);
    if (problem) throw new AppError(appErrors.invalidRepositoryName(problem));
    const { organization, account, client } = await organizationAndClient(input.orgKey);
    let files;
    try {
      files = await buildInitialFiles(
        { ...input, holder: input.holder?.trim() || account.displayName, year: new Date(deps.now()).getFullYear() },
        deps.readTemplate,
      );
    } catch {
      throw new AppError(appErrors.templateUnreadable());
    }

    const projectUrl = `${base(organization)}/${encodeURIComponent(input.projectId)}`;
    const created = await client.request<GitRepository>({
      method: 'POST',
      url: `${projectUrl}/_apis/git/repositories`,
      body: { name: input.name, project: { id: input.projectId } },
      context: { organization: organization.name, requiredScope: 'vso.code_manage' },
    });

    let repository = created;
    let commitError: AppErrorValue | undefined;
    if (files.length > 0) {
      try {
        await client.request<GitPush>({
          method: 'POST',
          url: `${projectUrl}/_apis/git/repositories/${encodeURIComponent(created.id ?? '')}/pushes`,
          body: {
            refUpdates: [{ name: FIRST_BRANCH, oldObjectId: ZERO_OBJECT_ID }],
            commits: [
              {
                comment: 'Initial commit',
                changes: files.map((file) => ({
                  changeType: 'add',
                  item: { path: file.path },
                  newContent: { content: file.content, contentType: 'rawText' },
                })),
              },
            ],
          },
          context: { organization: organization.name, requiredScope: 'vso.code_write' },
        });
        // The first branch pushed to an empty repository becomes its default branch.
        repository = { ...created, defaultBranch: FIRST_BRANCH };
      } catch (error) {
        commitError = appErrors.initialCommitFailed(input.name, toAppErrorValue(error));
      }
    }

    const record = toRepositoryRecord(repository, organization.key, deps.now());
    if (!record) throw new AppError(appErrors.unreadableAnswer(new URL(organization.baseUrl).host, 201));
    await db.transaction('rw', [db.organizations, db.repositories], async () => {
      // Only while the organization is still served by the same account (as a refresh does).
      if ((await db.organizations.get(organization.key))?.accountId === organization.accountId) await db.repositories.put(record);
    });
    return {
      repository: toRepositoryView(record),
      files: commitError ? [] : files.map((f) => f.path.slice(1)),
      ...(commitError ? { commitError } : {}),
    };
  }

  return { projects, create };
}

function base(organization: OrganizationRecord): string {
  return organization.baseUrl.replace(/\/+$/, '');
}
