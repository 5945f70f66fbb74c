import { describe, expect, it } from 'vitest';
import {
  isAzureDevOpsCloudHost,
  isAzureDevOpsServiceHost,
  legacyOrganizationOfHost,
  tokenOriginsOf,
  vsspsBaseOf,
} from '@/lib/azure/azure-hosts';
import { basic } from '../../../fake-ado/fixtures/basic';

describe('lib/azure/azure-hosts', () => {
  it.each([
    ['contoso.visualstudio.com', 'contoso'],
    ['Contoso.VisualStudio.com', 'contoso'],
    ['my-org2.visualstudio.com', 'my-org2'],
  ])('reads the organization of the legacy host %s', (host, org) => {
    expect(legacyOrganizationOfHost(host)).toBe(org);
  });

  it.each(['marketplace.visualstudio.com', 'app.visualstudio.com', 'www.visualstudio.com', 'vs-ssh.visualstudio.com', 'visualstudio.com', '-bad.visualstudio.com', 'contoso.vssps.visualstudio.com', 'visualstudio.com.evil.example'])(
    'takes %s for no organization',
    (host) => {
      expect(legacyOrganizationOfHost(host)).toBeNull();
      expect(isAzureDevOpsCloudHost(host)).toBe(false);
    },
  );

  it('reads organization service hosts only when asked to', () => {
    expect(legacyOrganizationOfHost('contoso.vssps.visualstudio.com', { withService: true })).toBe('contoso');
    expect(legacyOrganizationOfHost('contoso.evil.visualstudio.com', { withService: true })).toBeNull();
  });

  it('knows the web hosts and the service hosts of Azure DevOps Services', () => {
    expect(isAzureDevOpsCloudHost('dev.azure.com')).toBe(true);
    expect(isAzureDevOpsCloudHost('vssps.dev.azure.com')).toBe(false);
    expect(isAzureDevOpsServiceHost('vssps.dev.azure.com')).toBe(true);
    expect(isAzureDevOpsServiceHost('app.vssps.visualstudio.com')).toBe(true);
    expect(isAzureDevOpsServiceHost('dev.azure.com.evil.example')).toBe(false);
    expect(isAzureDevOpsServiceHost('marketplace.visualstudio.com')).toBe(false);
  });

  it('derives the vssps host of cloud organizations only', () => {
    expect(vsspsBaseOf('https://dev.azure.com/contoso')).toBe('https://vssps.dev.azure.com/contoso');
    expect(vsspsBaseOf('https://contoso.visualstudio.com/DefaultCollection')).toBe('https://contoso.vssps.visualstudio.com');
    expect(vsspsBaseOf(basic.orgs.server.url)).toBeNull();
    expect(vsspsBaseOf('https://localhost:8443/contoso')).toBeNull();
  });

  it("pins a cloud organization's token to that organization's hosts and the profile service", () => {
    expect(tokenOriginsOf('https://dev.azure.com/Contoso')).toEqual([
      'https://dev.azure.com',
      'https://vssps.dev.azure.com',
      'https://app.vssps.visualstudio.com',
      'https://contoso.visualstudio.com',
      'https://contoso.vssps.visualstudio.com',
    ]);
  });

  it("pins a Server collection's token to exactly its origin", () => {
    expect(tokenOriginsOf('https://tfs.contoso.test:8443/tfs/DefaultCollection')).toEqual(['https://tfs.contoso.test:8443']);
    expect(tokenOriginsOf('not a url')).toEqual([]);
  });
});
