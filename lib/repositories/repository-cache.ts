import Dexie from 'dexie';
import { toAppErrorValue } from '../errors/error-messages';
import type { CompanionDb, RepositoryRecord } from '../db/schema';
import type { Session } from '../auth/session';
import type { RestClient } from '../azure/rest-client';
import type { AppErrorValue } from '../errors/app-error';
import { canonicalCloneUrls, listOrganizationRepositories } from './repository-list';
import { defaultBranchUpdatedAt } from './last-update';

/** A cached repository as the popup shows it. */
export interface RepositoryView {
  id: string;
  orgKey: string;
  /** The project's id: with `id`, what Azure DevOps' own "Clone in Visual Studio" names the repository by. */
  projectId: string;
  projectName: string;
  name: string;
  defaultBranch: string | null;
  webUrl: string;
  httpsUrl: string;
  sshUrl: string | null;
  isFork: boolean;
  /** When its default branch last changed (null: empty); absent until asked (`repositories.updatedAt`). */
  updatedAt?: string | null;
}

export interface RepositoryListView {
  repositories: RepositoryView[];
  /** Selected organizations, with when their list was last fetched (null: never). */
  organizations: { key: string; name: string; refreshedAt: number | null }[];
  /** Organizations whose refresh failed; their cached rows are kept. */
  failures: { key: string; name: string; error: AppErrorValue }[];
}

export interface RepositoryCacheDeps {
  db: CompanionDb;
  session: Pick<Session, 'clientFor'>;
  now: () => number;
}

/**
 * The repositories of every selected organization, cached in IndexedDB: the popup paints from the
 * cache at once, and asks for a refresh when the list is old or the user wants one. A refresh replaces an organization's rows in one
 * transaction, and only while that organization is still connected to the same account.
 */
export function createRepositoryCache(deps: RepositoryCacheDeps) {
  const { db } = deps;
  /**
   * The last listing, while the service worker lives: reading thousands of rows takes tens of
   * milliseconds each time the popup opens the list. Any committed write to the repositories or the
   * organizations (a refresh, a new repository or fork, a selection, a sign-out) drops it.
   */
  let listed: Promise<RepositoryListView> | null = null;
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((part) => part.startsWith(`idb://${db.name}/repositories/`) || part.startsWith(`idb://${db.name}/organizations/`))) listed = null;
  });

  function list(): Promise<RepositoryListView> {
    if (listed) return listed;
    const reading = (listed = read());
    // A failed read is not kept.
    reading.catch(() => listed === reading && (listed = null));
    return reading;
  }

  async function read(): Promise<RepositoryListView> {
    const [organizations, repositories] = await Promise.all([db.organizations.toArray(), db.repositories.toArray()]);
    const selected = organizations.filter((o) => o.selected);
    const keys = new Set(selected.map((o) => o.key));
    return {
      repositories: repositories.filter((r) => keys.has(r.orgKey)).map(toRepositoryView),
      // Kept on the organization, not read from its rows: an organization without repositories was refreshed too.
      organizations: selected.map((o) => ({ key: o.key, name: o.name, refreshedAt: o.repositoriesRefreshedAt ?? null })),
      failures: [],
    };
  }

  async function refresh(): Promise<RepositoryListView> {
    const organizations = (await db.organizations.toArray()).filter((o) => o.selected);
    const failures = await Promise.all(
      organizations.map(async (organization) => {
        try {
          const account = await db.accounts.get(organization.accountId);
          if (!account) return null;
          const now = deps.now();
          const rows = await listOrganizationRepositories(deps.session.clientFor(account), organization.key, organization.baseUrl, now);
          await db.transaction('rw', [db.organizations, db.repositories], async () => {
            const current = await db.organizations.get(organization.key);
            if (current?.accountId !== organization.accountId) return;
            await db.repositories.where('orgKey').equals(organization.key).delete();
            await db.repositories.bulkPut(rows);
            await db.organizations.update(organization.key, { repositoriesRefreshedAt: now });
          });
          return null;
        } catch (error) {
          // One organization failing (offline, signed out) keeps its cached rows and says why.
          return { key: organization.key, name: organization.name, error: toAppErrorValue(error) };
        }
      }),
    );
    return { ...(await list()), failures: failures.filter((f) => f !== null) };
  }

  /**
   * When each of these repositories last changed: from the cache, else asked of Azure DevOps (one
   * request each, all at once: a screenful) and kept. One that cannot be asked now (offline, signed
   * out, throttled) is left out of the answer.
   */
  async function updatedAt(ids: readonly string[]): Promise<Record<string, string | null>> {
    const rows = (await db.repositories.bulkGet([...ids])).filter((row) => row !== undefined);
    // The rows in view mostly share one organization: its account is looked up once.
    const clients = new Map<string, Promise<{ client: RestClient; baseUrl: string } | null>>();
    const clientOf = async (orgKey: string) => {
      const organization = await db.organizations.get(orgKey);
      const account = organization?.selected ? await db.accounts.get(organization.accountId) : undefined;
      return organization && account ? { client: deps.session.clientFor(account), baseUrl: organization.baseUrl } : null;
    };
    const answers = await Promise.all(
      rows.map(async (row): Promise<[string, string | null] | null> => {
        if (row.updatedAt !== undefined) return [row.id, row.updatedAt];
        try {
          if (!clients.has(row.orgKey)) clients.set(row.orgKey, clientOf(row.orgKey));
          const link = await clients.get(row.orgKey)!;
          if (!link) return null;
          const time = await defaultBranchUpdatedAt(link.client, link.baseUrl, row);
          // Only onto the row it was asked for: a refresh meanwhile replaced it with a fresher one.
          await db.repositories.where('id').equals(row.id).and((current) => current.cachedAt === row.cachedAt).modify({ updatedAt: time });
          return [row.id, time];
        } catch {
          return null;
        }
      }),
    );
    return Object.fromEntries(answers.filter((answer) => answer !== null));
  }

  return { list, refresh, updatedAt };
}

/** A cached repository as the popup shows it. */
export function toRepositoryView(record: RepositoryRecord): RepositoryView {
  const { httpsUrl, sshUrl } = record.canonical ?? canonicalCloneUrls(record.remoteUrl, record.sshUrl);
  return {
    id: record.id,
    orgKey: record.orgKey,
    projectId: record.projectId,
    projectName: record.projectName,
    name: record.name,
    defaultBranch: record.defaultBranch,
    webUrl: record.webUrl,
    httpsUrl,
    sshUrl,
    isFork: record.isFork,
    ...(record.updatedAt !== undefined && { updatedAt: record.updatedAt }),
  };
}
