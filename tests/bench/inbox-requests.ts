/**
 * What one refresh of the pull request inbox costs (docs/pull-request-inbox.md#requests): requests per
 * organization against the fake Azure DevOps, on the first refresh (who am I, my teams) and on the
 * usual one (a listing per reviewer identity), with the REST client the background uses; with
 * notifications on, what reading my own pull requests adds (one listing, and one read per pull request
 * that left it: docs/pull-request-inbox.md#notifications).
 */
import { startFakeAdo } from '../fake-ado/server';
import { hostRoutedFetch } from '../fake-ado/host-routed-fetch';
import { basic } from '../fake-ado/fixtures/basic';
import { createRestClient } from '../../lib/azure/rest-client';
import { readReviewRequests, type CachedIdentities } from '../../lib/inbox/read-review-requests';
import { readMyPullRequests } from '../../lib/inbox/read-my-pull-requests';

const fake = await startFakeAdo({ port: 0 });
try {
  const rows = [];
  for (const [name, token] of [
    ['contoso', basic.pats.janeContoso],
    ['fabrikam', basic.pats.janeFabrikam],
  ] as const) {
    const client = createRestClient({ fetch: hostRoutedFetch(fake), getCredential: async () => ({ kind: 'pat', token }) });
    const organization = { key: `https://dev.azure.com/${name}`, name, baseUrl: `https://dev.azure.com/${name}` };
    const count = async (cached: CachedIdentities | null) => {
      const since = fake.control.requests().at(-1)?.seq ?? 0;
      const result = await readReviewRequests(client, organization, { includeDrafts: false, cached, now: Date.now() });
      return { result, requests: fake.control.requests({ since }).length };
    };
    const first = await count(null);
    const usual = await count(first.result.identities);
    const me = first.result.identities.me;
    const since = () => fake.control.requests().at(-1)?.seq ?? 0;
    let from = since();
    const mine = await readMyPullRequests(client, organization, me, null);
    const notifying = fake.control.requests({ since: from }).length;
    // One of mine completed since: it left the active listing and is read once by id.
    const closing = mine[0];
    if (closing) fake.control.changePullRequest({ org: name, pullRequestId: closing.id, status: 'completed' });
    from = since();
    await readMyPullRequests(client, organization, me, mine);
    const afterCompletion = fake.control.requests({ since: from }).length;
    rows.push({
      organization: name,
      teams: first.result.identities.teams.length,
      waiting: usual.result.requests.length,
      'first refresh': first.requests,
      'usual refresh': usual.requests,
      'notifications: + per refresh': notifying,
      'notifications: + after one completed': closing ? afterCompletion : '–',
    });
  }
  console.log(
    'Pull request inbox: requests per refresh and organization (first: who am I + my teams + listings; usual: one listing per reviewer identity; notifications on: my pull requests besides)',
  );
  console.table(rows);
} finally {
  await fake.close();
}
