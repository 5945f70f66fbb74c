// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectionRootOf, detectServerPage } from '@/lib/azure/server-page';

describe('lib/azure/server-page', () => {
  it.each([
    // [page URL, collection root from the page data, expected HTTPS clone URL, collection, project, repository]
    ['https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app', '/tfs/DefaultCollection/', 'https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app', 'DefaultCollection', 'Legacy', 'legacy-app'],
    ['https://ado.contoso.test/Main/Web%20Site/_git/portal', '/Main/', 'https://ado.contoso.test/Main/Web%20Site/_git/portal', 'Main', 'Web Site', 'portal'],
    ['https://ado.contoso.test/devops/tfs/Main/Web/_git/portal', '/devops/tfs/Main/', 'https://ado.contoso.test/devops/tfs/Main/Web/_git/portal', 'Main', 'Web', 'portal'],
    ['https://tfs.contoso.test:8443/tfs/DefaultCollection/Legacy/_git/legacy-app', '/tfs/DefaultCollection/', 'https://tfs.contoso.test:8443/tfs/DefaultCollection/Legacy/_git/legacy-app', 'DefaultCollection', 'Legacy', 'legacy-app'],
    ['http://tfs:8080/tfs/DefaultCollection/Legacy/_git/legacy-app', '/tfs/DefaultCollection/', 'http://tfs:8080/tfs/DefaultCollection/Legacy/_git/legacy-app', 'DefaultCollection', 'Legacy', 'legacy-app'],
    // The project's default repository, linked without the project: only the page data tells.
    ['https://tfs.contoso.test/tfs/DefaultCollection/_git/Legacy', '/tfs/DefaultCollection/', 'https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/Legacy', 'DefaultCollection', 'Legacy', 'Legacy'],
    // Without page data the URL decides: the two segments before `_git` are collection and project.
    ['https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app/commits', null, 'https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app', 'DefaultCollection', 'Legacy', 'legacy-app'],
    ['https://ado.contoso.test/Main/Web/_git/portal', null, 'https://ado.contoso.test/Main/Web/_git/portal', 'Main', 'Web', 'portal'],
  ])('reads %s (collection root %s)', (href, root, httpsUrl, organization, project, repository) => {
    const page = detectServerPage(href, root);
    expect(page?.repo).toEqual({ kind: 'server', organization, project, repository, httpsUrl, sshUrl: null });
  });

  it('reads the page and the branch as on the cloud', () => {
    const page = detectServerPage('https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app?version=GBfeature%2Fx', '/tfs/DefaultCollection/');
    expect([page?.type, page?.branch]).toEqual(['files', 'feature/x']);
    expect(detectServerPage('https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app/pullrequest/7', '/tfs/DefaultCollection/')?.type).toBe('pull-request');
  });

  it.each([
    ['no repository page', 'https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_boards', '/tfs/DefaultCollection/'],
    ['one segment before _git and no page data', 'https://tfs.contoso.test/DefaultCollection/_git/Legacy', null],
    ['more than a project between the collection and _git', 'https://tfs.contoso.test/tfs/DefaultCollection/Legacy/extra/_git/app', '/tfs/DefaultCollection/'],
    ['a path segment of dots', 'https://tfs.contoso.test/tfs/DefaultCollection/%2e%2e/_git/app', '/tfs/DefaultCollection/'],
    ['another scheme', 'ftp://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/app', null],
  ])('reads no page from %s', (_what, href, root) => {
    expect(detectServerPage(href, root)).toBeNull();
  });

  it('takes the collection root from the page data, and only on the page’s own origin', () => {
    const data = (home: string) => `<script id="dataProviders" type="application/json">${JSON.stringify({ data: { 'ms.vss-tfs-web.header-action-data': { suiteHomeUrl: home } } })}</script>`;
    document.body.innerHTML = data('/tfs/DefaultCollection/');
    expect(collectionRootOf(document)).toBe('/tfs/DefaultCollection/');
    document.body.innerHTML = data('https://evil.example/tfs/Other/');
    expect(collectionRootOf(document)).toBeNull();
    document.body.innerHTML = '';
    expect(collectionRootOf(document)).toBeNull();
  });
});
