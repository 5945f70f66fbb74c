// @vitest-environment node
/**
 * The fake serves each resource at the api-versions Microsoft Learn documents for it
 * (tests/fake-ado/resource-versions.ts, docs/azure-devops-rest.md#resource-versions): a released
 * version above the resource's is refused with VssInvalidPreviewVersionException, as the service does.
 */
import { describe, expect, it } from 'vitest';
import { basic } from '../fake-ado/fixtures/basic';
import { hostRoutedFetch } from '../fake-ado/host-routed-fetch';
import { RESOURCE_VERSIONS } from '../fake-ado/resource-versions';
import { apiRoutes } from '../fake-ado/routes/index';
import type { FakeAdo } from '../fake-ado/server';
import { basicAuth } from '../contract/helpers';
import { useFakeAdo } from './support/use-fake-ado';

const CONTOSO = 'https://dev.azure.com/contoso';
const REPO = `${CONTOSO}/Mobile%20App/_apis/git/repositories/ios-app`;

describe('fake-ado resource versions', () => {
  let fetch: typeof globalThis.fetch;
  useFakeAdo((started: FakeAdo) => (fetch = hostRoutedFetch(started)));

  it('names the resource of every versioned route, and Learn where Learn documents it', () => {
    const unnamed = apiRoutes.filter((r) => r.resource === null).map((r) => `${r.method} ${r.path}`);
    expect(unnamed).toEqual(['OPTIONS _apis/:area?']);
    for (const [name, row] of Object.entries(RESOURCE_VERSIONS)) {
      if (row.learn) expect(row.learn, name).toMatch(/^https:\/\/learn\.microsoft\.com\/rest\/api\/azure\/devops\//);
      if (row.released) expect(Number(row.released), name).toBeLessThanOrEqual(7.1);
    }
  });

  const cases: { url: string; version: string; status: number }[] = [
    { url: `${REPO}/refs?filter=heads/`, version: '7.1', status: 200 },
    { url: `${REPO}/refs?filter=heads/`, version: '7.2', status: 400 },
    { url: `${REPO}/refs?filter=heads/`, version: '7.2-preview.2', status: 200 },
    { url: `${CONTOSO}/_apis/wit/workitems?ids=1234`, version: '7.1', status: 400 },
    { url: `${CONTOSO}/_apis/wit/workitems?ids=1234`, version: '7.1-preview.3', status: 200 },
    { url: `${CONTOSO}/_apis/wit/workitems?ids=1234`, version: '7.0', status: 200 },
    { url: `${CONTOSO}/Mobile%20App/_apis/policy/configurations`, version: '7.1', status: 200 },
  ];
  it.each(cases)('answers $url at $version with $status', async ({ url, version, status }) => {
    const answer = await fetch(`${url}${url.includes('?') ? '&' : '?'}api-version=${version}`, {
      headers: { Authorization: basicAuth(basic.pats.janeContoso), 'X-TFS-FedAuthRedirect': 'Suppress' },
    });
    expect(answer.status).toBe(status);
    if (status === 400) {
      expect(await answer.json()).toMatchObject({
        typeKey: 'VssInvalidPreviewVersionException',
        message: `The requested version "${version}" of the resource is under preview. The -preview flag must be supplied in the api-version for such requests. For example: "${version}-preview"`,
      });
    }
  });

  it('reports a preview-only resource as released at 0.0 to the official client, and a released one at its version', async () => {
    const answer = await fetch(`${CONTOSO}/_apis/wit`, { method: 'OPTIONS' });
    const locations = (await answer.json()) as { value: { resourceName: string; releasedVersion: string }[] };
    expect(locations.value.find((l) => l.resourceName === 'workItems')?.releasedVersion).toBe('7.0');
    const git = (await (await fetch(`${CONTOSO}/_apis/git`, { method: 'OPTIONS' })).json()) as typeof locations;
    expect(git.value.find((l) => l.resourceName === 'refs')?.releasedVersion).toBe('7.1');
  });
});
