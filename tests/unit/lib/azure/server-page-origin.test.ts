import { describe, expect, it } from 'vitest';
import { serverPageOriginOf } from '@/lib/azure/server-page-origin';

describe('lib/azure/server-page-origin', () => {
  it.each([
    ['https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app', 'https://tfs.contoso.test'],
    ['http://tfs:8080/tfs/DefaultCollection/Legacy/_git/legacy-app?version=GBmain', 'http://tfs:8080'],
    ['https://ado.contoso.com/Collection/_git/Project', 'https://ado.contoso.com'],
    ['https://TFS.Contoso.test/tfs/DefaultCollection/_apis/projects', 'https://tfs.contoso.test'],
    ['https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_workitems/edit/12', 'https://tfs.contoso.test'],
  ])('takes %s for a page of the Server at its origin', (href, origin) => {
    expect(serverPageOriginOf(href)).toBe(origin);
  });

  it.each([
    ['an Azure DevOps Services page', 'https://dev.azure.com/contoso/web/_git/web'],
    ['a legacy Azure DevOps Services page', 'https://contoso.visualstudio.com/web/_git/web'],
    ['a page with no Azure DevOps segment', 'https://example.com/docs/git/intro'],
    ['a segment at the root, with no collection before it', 'https://example.com/_git/intro'],
    ['a look-alike segment', 'https://example.com/blog/_gitlab/x'],
    ['another scheme', 'ftp://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app'],
    ['an extension page', 'moz-extension://0a6c/popup.html'],
    ['no URL (the browser did not let us read it)', ''],
  ])('takes %s for no Server page', (_label, href) => {
    expect(serverPageOriginOf(href)).toBeNull();
  });
});
