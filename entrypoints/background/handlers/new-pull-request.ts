import { browser } from 'wxt/browser';
import type { CompanionDb, OrganizationRecord } from '@/lib/db/schema';
import type { Session } from '@/lib/auth/session';
import { cloudOrganizationOf, cloudOrganizationUrl } from '@/lib/azure/azure-hosts';
import { AppError } from '@/lib/errors/app-error';
import { appErrors } from '@/lib/errors/error-messages';
import type { SenderInfo } from '@/lib/messaging/classify-sender';
import type { RestClient } from '@/lib/azure/rest-client';
import {
  activePullRequestsFrom,
  checkWorkItems,
  compareBranches,
  createPullRequest,
  loadNewPullRequestContext,
  searchReviewers,
  type RepositoryAddress,
  type Reviewer,
} from '@/lib/pull-requests/new-pull-request';
import { getConnectionData } from '@/lib/azure/connection-data';
import type { Handler } from '../router';
import { organizationKeyOf } from '@/lib/azure/organization-key';

type Messages =
  | 'newPullRequest.openConnect'
  | 'newPullRequest.context'
  | 'newPullRequest.compare'
  | 'newPullRequest.searchReviewers'
  | 'newPullRequest.checkWorkItems'
  | 'newPullRequest.create'
  | 'pullRequests.fromBranch';

const RECENT_REVIEWERS = 8;

/**
 * The quick "Create pull request" dialog on Azure DevOps pages. Every request is about the
 * organization of the page that sent it — taken from the sender's URL as the browser reports it,
 * never from the message — and runs through the account stored for that organization.
 */
export function newPullRequestHandlers(deps: () => { db: CompanionDb; session: Pick<Session, 'clientFor'> }) {
  /**
   * Who the account is in each organization (`connectionData`), learnt when the dialog opens, so that
   * setting auto-complete costs no request of its own. Asked again when the service worker restarted.
   */
  const me = new Map<string, string>();
  const meKey = (organization: OrganizationRecord) => `${organization.key}|${organization.accountId}`;

  async function connect(from: SenderInfo): Promise<{ organization: OrganizationRecord; client: RestClient } | { organization: string; client: null }> {
    const { db, session } = deps();
    const { key, name } = await pageOrganization(db, from);
    const organization = await db.organizations.get(key);
    const account = organization?.selected ? await db.accounts.get(organization.accountId) : undefined;
    if (!organization || !account) return { organization: name, client: null };
    return { organization, client: session.clientFor(account) };
  }

  async function connected(from: SenderInfo, request: { project: string; repository: string }) {
    const link = await connect(from);
    if (!link.client) throw new AppError(appErrors.noAccountFor(link.organization));
    const address: RepositoryAddress = { baseUrl: link.organization.baseUrl, project: request.project, repository: request.repository };
    return { ...link, client: link.client, address };
  }

  return {
    'newPullRequest.openConnect': async () => {
      await openConnect();
      return {};
    },
    'newPullRequest.context': async (request, _kind, from) => {
      const link = await connect(from);
      if (!link.client) return { status: 'connect', organization: link.organization };
      const address = { baseUrl: link.organization.baseUrl, project: request.project, repository: request.repository };
      const context = await loadNewPullRequestContext(link.client, address, request.sourceBranch);
      me.set(meKey(link.organization), context.me.id);
      const stored = await deps().db.reviewers.where('orgKey').equals(link.organization.key).toArray();
      const recent: Reviewer[] = stored
        .sort((a, b) => b.lastUsedAt - a.lastUsedAt)
        .map((r) => ({ id: r.identityId, displayName: r.displayName, kind: r.kind ?? 'user', detail: r.mail }));
      for (const r of context.recentReviewers) if (!recent.some((x) => x.id === r.id)) recent.push(r);
      return { status: 'ready', context: { ...context, recentReviewers: recent.filter((r) => r.id !== context.me.id).slice(0, RECENT_REVIEWERS) } };
    },
    'newPullRequest.compare': async (request, _kind, from) => {
      const { client, address } = await connected(from, request);
      return compareBranches(client, address, request);
    },
    'newPullRequest.searchReviewers': async (request, _kind, from) => {
      const { client, address } = await connected(from, request);
      return { reviewers: await searchReviewers(client, address.baseUrl, request.query) };
    },
    'newPullRequest.checkWorkItems': async (request, _kind, from) => {
      const { client, address } = await connected(from, request);
      return { workItems: await checkWorkItems(client, address, request.ids) };
    },
    'newPullRequest.create': async (request, _kind, from) => {
      const { client, address, organization } = await connected(from, request);
      // Who sets auto-complete: needed only when it is wanted.
      const setBy = request.pullRequest.autoComplete ? (me.get(meKey(organization)) ?? (await getConnectionData(client, address.baseUrl)).userId) : '';
      const created = await createPullRequest(client, address, request.pullRequest, setBy);
      const now = Date.now();
      await deps().db.reviewers.bulkPut(
        request.pullRequest.reviewers.map((r) => ({
          key: `${organization.key}|${r.id}`,
          orgKey: organization.key,
          identityId: r.id,
          displayName: r.displayName,
          kind: r.kind,
          mail: r.detail,
          lastUsedAt: now,
        })),
      );
      return created;
    },
    'pullRequests.fromBranch': async (request, _kind, from) => {
      const link = await connect(from);
      if (!link.client) return { pullRequests: null };
      const address = { baseUrl: link.organization.baseUrl, project: request.project, repository: request.repository };
      return { pullRequests: await activePullRequestsFrom(link.client, address, request.branch) };
    },
  } satisfies { [K in Messages]: Handler<K> };
}

/**
 * The organization of the page that sent the message: its key (the organization's or collection's
 * base URL, lower case) and name. A Server page is one under a stored collection's base URL
 * (docs/azure-devops-hosts.md#server-pages).
 */
async function pageOrganization(db: CompanionDb, from: SenderInfo): Promise<{ key: string; name: string }> {
  let url: URL | null = null;
  try {
    url = from.url ? new URL(from.url) : null;
  } catch {
    url = null;
  }
  const organization = url && cloudOrganizationOf(url);
  if (organization) return { key: organizationKeyOf(cloudOrganizationUrl(organization)), name: organization };
  if (url) {
    const page = `${url.origin}${url.pathname}`.toLowerCase();
    const collections = (await db.organizations.toArray()).filter((record) => record.kind === 'server');
    const collection = collections.find((record) => page.startsWith(`${record.key.replace(/\/+$/, '')}/`));
    if (collection) return { key: collection.key, name: collection.name };
  }
  throw new AppError(appErrors.notThisPagesOrganization());
}

/** The popup's connect screen: the toolbar popup where the browser lets us open it, else the same page in a tab. */
async function openConnect(): Promise<void> {
  try {
    // MV2 (Firefox) names it browserAction.
    await (browser.action ?? browser.browserAction).openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  }
}
