import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  detectAzurePage,
  isBranchComparePage,
  isCommitPage,
  isFilesPage,
  isPullRequestCreatePage,
  isPullRequestPage,
  type AzurePage,
  type AzurePageType,
} from '@/lib/azure/page-detect';
import { detectCloudPage } from '@/lib/azure/cloud-page';
import { gitKrakenLink } from '@/lib/clients/gitkraken-link';

const BASE = 'https://dev.azure.com/fabrikam/FabrikamFiber/_git/Website';
const SHA = '4b1a6c0f3e2d5b7a9c8e1f0d2b3a4c5d6e7f8a9b';

type Expected = { type: AzurePageType; branch?: string | null; pullRequestId?: number | null; commitId?: string | null };

const pages: { url: string; expected: Expected }[] = [
  { url: BASE, expected: { type: 'files', branch: null, pullRequestId: null, commitId: null } },
  { url: `${BASE}/`, expected: { type: 'files' } },
  { url: `${BASE}?path=/src/index.ts&version=GBmain&_a=contents`, expected: { type: 'files', branch: 'main' } },
  { url: `${BASE}?path=/src&version=GBfeature/1234-login`, expected: { type: 'files', branch: 'feature/1234-login' } },
  { url: `${BASE}?path=%2Fsrc&version=GBfeature%2F1234-login`, expected: { type: 'files', branch: 'feature/1234-login' } },
  { url: `${BASE}?version=GBrelease%2Fv1.0%2Bhotfix`, expected: { type: 'files', branch: 'release/v1.0+hotfix' } },
  { url: `${BASE}?version=GBc++`, expected: { type: 'files', branch: 'c++' } },
  { url: `${BASE}?version=GBusers/jane/%C3%A9t%C3%A9`, expected: { type: 'files', branch: 'users/jane/été' } },
  { url: `${BASE}?version=GC${SHA}`, expected: { type: 'files', branch: null, commitId: SHA } },
  { url: `${BASE}?version=GTv1.0`, expected: { type: 'files', branch: null, commitId: null } },
  { url: `${BASE}?version=GB`, expected: { type: 'files', branch: null } },
  { url: `${BASE}?version=GB%E0%A4%A`, expected: { type: 'files', branch: null } },
  { url: `${BASE}?path=/README.md&_a=preview#heading`, expected: { type: 'files', branch: null } },
  { url: `${BASE}?version=GBmain&_a=history`, expected: { type: 'history', branch: 'main' } },
  { url: `${BASE}?_a=history`, expected: { type: 'history', branch: null } },
  { url: `${BASE}/commit/${SHA}`, expected: { type: 'commit', commitId: SHA, branch: null } },
  { url: `${BASE}/commit/${SHA}?refName=refs%2Fheads%2Fmain&path=/a.ts`, expected: { type: 'commit', commitId: SHA } },
  { url: `${BASE}/commit/not-a-sha`, expected: { type: 'commit', commitId: null } },
  { url: `${BASE}/commits`, expected: { type: 'commits' } },
  { url: `${BASE}/commits?version=GBdevelop`, expected: { type: 'commits', branch: 'develop' } },
  // Azure DevOps' own links to these two pages carry the branch as itemVersion (docs/azure-devops-pages.md#urls).
  { url: `${BASE}/commits?itemVersion=GBfeature%2F1234-login`, expected: { type: 'commits', branch: 'feature/1234-login' } },
  { url: `${BASE}/commits?itemVersion=GBrelease&version=GBignored`, expected: { type: 'commits', branch: 'release' } },
  { url: `${BASE}/commits?itemVersion=GC${SHA}`, expected: { type: 'commits', branch: null, commitId: SHA } },
  { url: `${BASE}/pushes`, expected: { type: 'pushes' } },
  { url: `${BASE}/pushes?itemVersion=GBdevelop`, expected: { type: 'pushes', branch: 'develop' } },
  { url: `${BASE}/pushes?version=GBdevelop`, expected: { type: 'pushes', branch: 'develop' } },
  { url: `${BASE}?itemVersion=GBdevelop`, expected: { type: 'files', branch: null } },
  { url: `${BASE}/branches`, expected: { type: 'branches' } },
  { url: `${BASE}/branches?_a=mine`, expected: { type: 'branches' } },
  { url: `${BASE}/tags`, expected: { type: 'tags' } },
  { url: `${BASE}/pullrequest/12`, expected: { type: 'pull-request', pullRequestId: 12, branch: null } },
  { url: `${BASE}/pullrequest/12?_a=files&path=/a.ts&iteration=2&base=1`, expected: { type: 'pull-request', pullRequestId: 12 } },
  { url: `${BASE}/pullrequest/abc`, expected: { type: 'pull-request', pullRequestId: null } },
  { url: `${BASE}/pullrequests`, expected: { type: 'pull-requests' } },
  { url: `${BASE}/pullrequests?_a=mine`, expected: { type: 'pull-requests' } },
  {
    url: `${BASE}/pullrequestcreate?sourceRef=feature/1234-login&targetRef=main`,
    expected: { type: 'pull-request-create', branch: 'feature/1234-login' },
  },
  {
    url: `${BASE}/pullrequestcreate?sourceRef=refs%2Fheads%2Ffeature%2Fx&targetRef=main`,
    expected: { type: 'pull-request-create', branch: 'feature/x' },
  },
  { url: `${BASE}/pullrequestcreate`, expected: { type: 'pull-request-create', branch: null } },
  {
    url: `${BASE}/branchCompare?baseVersion=GBmain&targetVersion=GBfeature%2F1234-login&_a=files`,
    expected: { type: 'branch-compare', branch: 'feature/1234-login' },
  },
  { url: `${BASE}/branchcompare?baseVersion=GBmain&targetVersion=GBtopic`, expected: { type: 'branch-compare', branch: 'topic' } },
  { url: `${BASE}/branchCompare?baseVersion=GBmain&version=GBignored`, expected: { type: 'branch-compare', branch: null } },
];

describe('lib/azure/page-detect', () => {
  it.each([
    `${BASE}?version=GB..%2F..%2F..%2Fworkspace%2F0b1d`,
    `${BASE}?version=GB.hidden`,
    `${BASE}?version=GBa%20b`,
    `${BASE}/branchCompare?baseVersion=GBmain&targetVersion=GBmain%2F..%2F..`,
    `${BASE}/pullrequestcreate?sourceRef=refs%2Fheads%2F..%2Fx`,
  ])('takes no branch from %s, whose name git refuses', (url) => {
    expect(detectAzurePage(url)?.branch).toBeNull();
    expect(detectCloudPage(url)?.branch).toBeNull();
  });

  it('keeps a crafted page URL from retargeting the GitKraken link to another GitLens link', () => {
    const page = detectCloudPage(`${BASE}?version=GB..%2F..%2F..%2Fworkspace%2F0b1d`)!;
    const link = new URL(gitKrakenLink({ httpsUrl: page.repo.httpsUrl, sshUrl: page.repo.sshUrl, protocol: 'https', branch: page.branch }));
    const inner = new URL(atob(decodeURIComponent(link.pathname.replace('/link/', ''))));
    expect(inner.pathname).toBe('/link/r/-');
    expect(inner.searchParams.get('url')).toBe(BASE);
  });

  it.each(pages)('detects $expected.type when given $url', ({ url, expected }) => {
    const page = detectAzurePage(url);
    expect(page).toMatchObject(expected);
    expect(page?.repo.httpsUrl).toBe(BASE);
  });

  it.each([
    'https://dev.azure.com/fabrikam/_git/FabrikamFiber/pullrequest/1',
    'https://fabrikam.visualstudio.com/_git/FabrikamFiber/pullrequest/1',
    'https://fabrikam.visualstudio.com/DefaultCollection/_git/FabrikamFiber/pullrequest/1',
  ])('reads the page after the repository when the URL is the default-repository form %s', (url) => {
    expect(detectAzurePage(url)).toMatchObject({
      type: 'pull-request',
      pullRequestId: 1,
      repo: { organization: 'fabrikam', project: 'FabrikamFiber', repository: 'FabrikamFiber' },
    });
  });

  it.each([
    ['https://fabrikam.visualstudio.com/FabrikamFiber/_git/Website/commit/' + SHA, 'commit'],
    ['https://fabrikam.visualstudio.com/DefaultCollection/FabrikamFiber/_git/Website/pullrequests', 'pull-requests'],
    ['https://dev.azure.com/fabrikam/FabrikamFiber/_git/_optimized/Website/branches', 'branches'],
  ] as const)('detects the page type when given the legacy or limited-refs form %s', (url, type) => {
    expect(detectAzurePage(url)).toMatchObject({ type, repo: { httpsUrl: BASE } });
  });

  it('detects server pages when the URL has a virtual directory and collection', () => {
    const page = detectAzurePage('https://tfs.contoso.com/tfs/DefaultCollection/Fabrikam/_git/Website/pullrequest/5?_a=overview');
    expect(page).toMatchObject({
      type: 'pull-request',
      pullRequestId: 5,
      repo: { kind: 'server', organization: 'DefaultCollection', project: 'Fabrikam', repository: 'Website' },
    });
  });

  it('decodes the repository names when the URL is percent-encoded', () => {
    const page = detectAzurePage('https://dev.azure.com/contoso/Framework%20de%20Automa%C3%A7%C3%A3o/_git/My%20Repo/pushes');
    expect(page).toMatchObject({ type: 'pushes', repo: { project: 'Framework de Automação', repository: 'My Repo' } });
  });

  it('accepts a URL object and keeps it on the page', () => {
    const page = detectAzurePage(new URL(`${BASE}/tags`));
    expect(page?.url.href).toBe(`${BASE}/tags`);
    expect(page?.type).toBe('tags');
  });

  it.each([
    'https://dev.azure.com/fabrikam/FabrikamFiber/_boards/board/t/Team/Stories',
    'https://dev.azure.com/fabrikam/FabrikamFiber/_wiki/wikis/FabrikamFiber.wiki',
    'https://dev.azure.com/fabrikam/FabrikamFiber/_build?definitionId=3',
    'https://dev.azure.com/fabrikam/FabrikamFiber/_workitems/edit/42',
    'https://dev.azure.com/fabrikam/_pulls',
    'https://dev.azure.com/fabrikam',
    'https://dev.azure.com/fabrikam/FabrikamFiber',
    'https://dev.azure.com/fabrikam/FabrikamFiber/_git',
    'https://dev.azure.com/fabrikam/FabrikamFiber/_git/',
    `${BASE}/unknownpage`,
    `${BASE}/constructor`,
    'git@ssh.dev.azure.com:v3/fabrikam/FabrikamFiber/Website',
    'ssh://tfs.contoso.com:22/tfs/DefaultCollection/Fabrikam/_git/Website',
    'https://github.com/owner/repo/pulls',
    'https://dev.azure.com.evil.com/fabrikam/FabrikamFiber/_git/Website',
    'not a url',
    '',
  ])('returns null when the page is not a repository page: %s', (url) => {
    expect(detectAzurePage(url)).toBeNull();
  });

  it('never throws when given any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), (url) => {
        expect(() => detectAzurePage(url)).not.toThrow();
      }),
    );
  });
});

describe('lib/azure/page-detect predicates', () => {
  const detect = (url: string): AzurePage => {
    const page = detectAzurePage(url);
    if (!page) throw new Error(`not a repository page: ${url}`);
    return page;
  };
  const predicates = {
    isFilesPage,
    isPullRequestPage,
    isCommitPage,
    isBranchComparePage,
    isPullRequestCreatePage,
  };
  const matching: Record<keyof typeof predicates, string> = {
    isFilesPage: `${BASE}?path=/a`,
    isPullRequestPage: `${BASE}/pullrequest/3`,
    isCommitPage: `${BASE}/commit/${SHA}`,
    isBranchComparePage: `${BASE}/branchCompare?baseVersion=GBmain&targetVersion=GBx`,
    isPullRequestCreatePage: `${BASE}/pullrequestcreate?sourceRef=x`,
  };

  it.each(Object.keys(predicates) as (keyof typeof predicates)[])('%s holds only when on its own page type', (name) => {
    for (const [other, url] of Object.entries(matching)) {
      expect(predicates[name](detect(url))).toBe(other === name);
    }
  });
});

describe('lib/azure/cloud-page (what the content script loads)', () => {
  // The content script reads the repository, the page type and the branch; the rest is the full detector's.
  const fullDetector = (url: string) => {
    const page = detectAzurePage(url);
    return page && { repo: page.repo, type: page.type, branch: page.branch };
  };

  const cloudForms = (url: string) => [
    url,
    url.replace('https://dev.azure.com/fabrikam/', 'https://fabrikam.visualstudio.com/'),
    url.replace('https://dev.azure.com/fabrikam/', 'https://fabrikam.visualstudio.com/DefaultCollection/'),
  ];

  it.each(pages.flatMap(({ url }) => cloudForms(url)))('reads %s exactly as the full detector does', (url) => {
    expect(detectCloudPage(url)).toEqual(fullDetector(url));
  });

  it.each([
    'https://dev.azure.com/fabrikam/_git/Website/pullrequest/3',
    'https://dev.azure.com/fabrikam/My%20Project/_git/My%20Repo?version=GBmain',
    'https://dev.azure.com/fabrikam/Fiber/_git/_optimized/Website',
    'https://dev.azure.com/fabrikam/Fiber/_boards/board',
    'https://dev.azure.com/fabrikam',
    'https://dev.azure.com/fabrikam/Fiber/_git',
    'https://dev.azure.com/-x/Fiber/_git/r',
    'https://dev.azure.com/fabrikam/a/b/_git/r',
    'https://dev.azure.com/fabrikam/Fiber/_git/%E0%A4%A',
  ])('agrees with the full detector on %s', (url) => {
    expect(detectCloudPage(url)).toEqual(fullDetector(url));
  });

  it('agrees with the full detector on any path under a cloud organization', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Fiber', '_git', 'Web%20Site', 'pullrequest', '12', 'commits', '_full', 'x.git', '..', '%ZZ'), { maxLength: 6 }), (segments) => {
        const url = `https://dev.azure.com/fabrikam/${segments.join('/')}`;
        expect(detectCloudPage(url)).toEqual(fullDetector(url));
      }),
    );
  });
});
