import { describe, expect, it } from 'vitest';
import {
  isAzureDevOpsCloudHost,
  isAzureDevOpsServiceHost,
  isAzureDevOpsSshHost,
  legacyOrganizationOfHost,
  mayCarryToken,
  significantPort,
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

  it.each(['https://dev.azure.com/', 'https://dev.azure.com/_apis/resourceAreas', 'https://marketplace.visualstudio.com/items', 'https://app.vssps.visualstudio.com/', 'https://dev.azure.com.evil.example/contoso'])(
    'pins no origin when %s names no organization on a Microsoft cloud host',
    (baseUrl) => {
      expect(tokenOriginsOf(baseUrl)).toEqual([]);
    },
  );

  it.each(['https://dev.azure.com/', 'https://dev.azure.com/_apis', 'https://marketplace.visualstudio.com/'])('derives no vssps host when %s names no organization', (baseUrl) => {
    expect(vsspsBaseOf(baseUrl)).toBeNull();
  });

  describe('mayCarryToken', () => {
    const CONTOSO = 'https://dev.azure.com/contoso';
    it.each([
      'https://dev.azure.com/contoso/_apis/connectionData',
      'https://dev.azure.com/Contoso/Platform/_apis/git/repositories',
      'https://vssps.dev.azure.com/contoso/_apis/Token/SessionTokens',
      'https://contoso.visualstudio.com/_apis/projects',
      'https://contoso.vssps.visualstudio.com/_apis/Token',
      'https://app.vssps.visualstudio.com/_apis/profile/profiles/me',
      'https://dev.azure.com:443/contoso/_apis/projects',
    ])('lets the token of dev.azure.com/contoso go to %s', (url) => {
      expect(mayCarryToken(new URL(url), CONTOSO)).toBe(true);
    });

    it.each([
      'https://dev.azure.com/fabrikam/_apis/projects',
      'https://vssps.dev.azure.com/fabrikam/_apis/Token',
      'https://fabrikam.visualstudio.com/_apis/projects',
      'http://dev.azure.com/contoso/_apis/projects',
      'https://dev.azure.com:8443/contoso/_apis/projects',
      'https://marketplace.visualstudio.com/_apis/gallery',
      'https://dev.azure.com.evil.example/contoso/_apis/projects',
      'https://evil.example/contoso/_apis/projects',
      'https://tfs.contoso.test/tfs/DefaultCollection/_apis/projects',
    ])('keeps the token of dev.azure.com/contoso from %s', (url) => {
      expect(mayCarryToken(new URL(url), CONTOSO)).toBe(false);
    });

    it('reads the organization of a legacy base URL when the request goes to dev.azure.com', () => {
      expect(mayCarryToken(new URL('https://dev.azure.com/contoso/_apis/projects'), 'https://contoso.visualstudio.com/DefaultCollection')).toBe(true);
      expect(mayCarryToken(new URL('https://dev.azure.com/fabrikam/_apis/projects'), 'https://contoso.visualstudio.com/DefaultCollection')).toBe(false);
    });

    it("keeps a Server collection's token on exactly its scheme, host and port", () => {
      const base = 'https://tfs.contoso.test:8443/tfs/DefaultCollection';
      expect(mayCarryToken(new URL('https://tfs.contoso.test:8443/tfs/DefaultCollection/_apis/projects'), base)).toBe(true);
      expect(mayCarryToken(new URL('https://tfs.contoso.test/tfs/DefaultCollection/_apis/projects'), base)).toBe(false);
      expect(mayCarryToken(new URL('http://tfs.contoso.test:8443/tfs/DefaultCollection/_apis/projects'), base)).toBe(false);
      expect(mayCarryToken(new URL('https://dev.azure.com/contoso/_apis/projects'), base)).toBe(false);
    });
  });

  it.each(['ssh.dev.azure.com', 'vs-ssh.visualstudio.com', 'SSH.Dev.Azure.com'])('takes %s for an Azure DevOps SSH host', (host) => {
    expect(isAzureDevOpsSshHost(host)).toBe(true);
  });

  it.each(['dev.azure.com', 'ssh.dev.azure.com.evil.example', 'contoso.visualstudio.com', 'tfs.contoso.test'])('takes %s for no Azure DevOps SSH host', (host) => {
    expect(isAzureDevOpsSshHost(host)).toBe(false);
  });

  it.each([
    ['https', ''],
    ['https', '443'],
    ['https:', '443'],
    ['http', '80'],
    ['ssh', '22'],
  ])('drops the port when %s names its default port %j', (scheme, port) => {
    expect(significantPort(scheme, port)).toBe('');
  });

  it.each([
    ['https', '8443'],
    ['http', '443'],
    ['ssh', '2222'],
  ])('keeps the port when %s names the non-default port %s', (scheme, port) => {
    expect(significantPort(scheme, port)).toBe(port);
  });
});
