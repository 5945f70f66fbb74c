import type { GitPullRequest } from 'azure-devops-node-api/interfaces/GitInterfaces';
import type { WebApiTeam } from 'azure-devops-node-api/interfaces/CoreInterfaces';
import { AppError } from '../errors/app-error';
import type { RestClient } from '../azure/rest-client';
import { getConnectionData } from '../azure/connection-data';
import { reviewRequestsFor, type ReviewerIdentities, type ReviewRequest } from './review-requests';

/** Who the user is and their teams change rarely: asked again after this long (two requests saved per refresh). */
export const IDENTITIES_MAX_AGE_MS = 6 * 60 * 60_000;
/** More than anyone reviews at once; the listing is not paged further. */
const LISTING_TOP = 100;

export interface CachedIdentities extends ReviewerIdentities {
  /** ms epoch when they were read. */
  at: number;
}

/**
 * One organization's pull requests waiting for the user (docs/pull-request-inbox.md#requests): who the
 * user is (connectionData) and their teams (`_apis/teams?$mine=true`), both kept for a few hours;
 * then one organization-wide listing of active pull requests per reviewer identity: the user, then
 * each team.
 */
export async function readReviewRequests(
  client: RestClient,
  organization: { key: string; name: string; baseUrl: string },
  options: { includeDrafts: boolean; cached: CachedIdentities | null; now: number },
): Promise<{ requests: ReviewRequest[]; identities: CachedIdentities }> {
  const base = organization.baseUrl.replace(/\/+$/, '');
  const fresh = options.cached && options.now - options.cached.at < IDENTITIES_MAX_AGE_MS && options.cached.at <= options.now;
  const identities = fresh ? options.cached! : await readIdentities(client, base, options.now);
  const listings = await Promise.all(
    [identities.me, ...identities.teams.map((t) => t.id)].map((reviewerId) =>
      client.request<{ value?: GitPullRequest[] } | undefined>({
        url: `${base}/_apis/git/pullrequests`,
        query: { 'searchCriteria.status': 'active', 'searchCriteria.reviewerId': reviewerId, $top: LISTING_TOP },
        context: { organization: organization.name, requiredScope: 'vso.code' },
      }),
    ),
  );
  const pullRequests = listings.flatMap((answer) => answer?.value ?? []);
  return { requests: reviewRequestsFor(pullRequests, identities, organization, options), identities };
}

async function readIdentities(client: RestClient, base: string, now: number): Promise<CachedIdentities> {
  const me = (await getConnectionData(client, base)).userId;
  return { me, teams: await readMyTeams(client, base), at: now };
}

/**
 * The teams the user belongs to. A token without "Project and Team: Read" (or a Server without the
 * resource) gets none: the badge then counts what the user is asked by name, rather than nothing.
 */
async function readMyTeams(client: RestClient, base: string): Promise<ReviewerIdentities['teams']> {
  try {
    const answer = await client.request<{ value?: WebApiTeam[] } | undefined>({
      url: `${base}/_apis/teams`,
      query: { $mine: true, $top: LISTING_TOP },
      context: { requiredScope: 'vso.project' },
    });
    return (answer?.value ?? []).filter((t) => t.id).map((t) => ({ id: t.id!, name: t.projectName ? `[${t.projectName}]\\${t.name ?? ''}` : (t.name ?? '') }));
  } catch (error) {
    if (error instanceof AppError && (error.kind === 'auth-missing-scope' || error.kind === 'not-found')) return [];
    throw error;
  }
}
