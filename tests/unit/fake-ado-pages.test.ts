// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as selectors from '@/lib/azure/selectors';
import type { SelectorCandidates } from '@/lib/azure/selectors';
import * as peer from '../fake-ado/pages/peer-selectors';
import { isDarkTheme, readDataProviders } from '../fake-ado/pages/peer-selectors';
import type { FixtureOrganization, FixtureRepository, FixtureUser } from '../fake-ado/fixture-types';
import { CLIENT_SCRIPT } from '../fake-ado/pages/client-script';
import { renderPage, type PageRequest, type PageState } from '../fake-ado/pages/index';
import { AZURE_DEVOPS_UI_CLASSES, ICON_CLASS, OBSERVED_BY_PEERS } from '../fake-ado/pages/observed-classes';

const SHA_MAIN = '1111111111111111111111111111111111111111';
const SHA_LOGIN = '2222222222222222222222222222222222222222';
const XSS_NAME = '<img src=x onerror=alert(1)>';
const XSS_TITLE = 'Fix </script><script>alert(1)</script> & "quotes"';

function repository(name: string, extra: Partial<FixtureRepository> = {}): FixtureRepository {
  return {
    id: `repo-${name}`,
    name,
    defaultBranch: 'refs/heads/main',
    size: 100,
    branches: [
      { name: 'main', objectId: SHA_MAIN },
      { name: 'feature/login', objectId: SHA_LOGIN },
    ],
    pullRequests: [],
    ...extra,
  };
}

function makeState(): PageState {
  const users: FixtureUser[] = [
    { id: 'user-jane', memberId: 'm-jane', displayName: 'Jane Doe', email: 'jane@contoso.test', tenantId: 't' },
    { id: 'user-raj', memberId: 'm-raj', displayName: 'Raj Ü', email: 'raj@contoso.test', tenantId: 't' },
  ];
  const contoso: FixtureOrganization = {
    id: 'org-contoso',
    name: 'contoso',
    kind: 'cloud',
    tenantId: 't',
    oauthAllowed: true,
    members: ['user-jane', 'user-raj'],
    workItems: [{ id: 42, project: 'Fabrikam Web', type: 'Bug', title: 'Login <fails>', state: 'Active' }],
    projects: [
      {
        id: 'proj-fabrikam',
        name: 'Fabrikam Web',
        visibility: 'private',
        repositories: [
          repository('Fabrikam Web'),
          repository('api', {
            pullRequests: [
              {
                pullRequestId: 101,
                title: XSS_TITLE,
                description: 'Adds login',
                sourceRefName: 'refs/heads/feature/login',
                targetRefName: 'refs/heads/main',
                status: 'active',
                isDraft: false,
                createdBy: 'user-jane',
                creationDate: '2025-01-02T03:04:05Z',
                reviewers: [{ userId: 'user-raj', vote: 0, isRequired: true }],
                workItemIds: [42],
              },
              {
                pullRequestId: 102,
                title: 'Old change',
                sourceRefName: 'refs/heads/feature/login',
                targetRefName: 'refs/heads/main',
                status: 'completed',
                isDraft: false,
                createdBy: 'user-raj',
                creationDate: '2024-01-02T03:04:05Z',
                reviewers: [],
              },
              {
                pullRequestId: 103,
                title: 'Typo from a fork',
                sourceRefName: 'refs/heads/fix/typo',
                targetRefName: 'refs/heads/main',
                status: 'active',
                isDraft: false,
                createdBy: 'user-raj',
                creationDate: '2025-02-02T03:04:05Z',
                reviewers: [],
                forkSourceRepositoryId: 'repo-api-fork',
              },
            ],
          }),
          repository('empty-repo', { defaultBranch: undefined, size: 0, branches: [] }),
          repository('api-fork', {
            id: 'repo-api-fork',
            parentRepositoryId: 'repo-api',
            branches: [{ name: 'fix/typo', objectId: SHA_LOGIN }],
          }),
          repository(XSS_NAME),
          repository('retired', { isDisabled: true }),
        ],
      },
    ],
  };
  const server: FixtureOrganization = {
    id: 'org-server',
    name: 'DefaultCollection',
    kind: 'server',
    serverHost: 'tfs.contoso.test',
    virtualDirectory: 'tfs',
    maxApiVersion: '6.0',
    tenantId: 't',
    oauthAllowed: false,
    members: ['user-raj'],
    workItems: [],
    projects: [{ id: 'proj-legacy', name: 'Legacy', visibility: 'private', repositories: [repository('tools')] }],
  };
  return { users, organizations: [contoso, server] };
}

const JANE = makeState().users[0]!;

function request(url: string, cookie?: string, user: FixtureUser | null = JANE): PageRequest {
  const parsed = new URL(url);
  return { host: parsed.host, path: parsed.pathname, query: parsed.searchParams, organization: null, cookie, user };
}

function render(url: string, cookie?: string, user: FixtureUser | null = JANE) {
  return renderPage(request(url, cookie, user), makeState());
}

function load(url: string, cookie?: string, user: FixtureUser | null = JANE): Document {
  const page = render(url, cookie, user);
  if (!page) throw new Error(`no page for ${url}`);
  expect(page.status).toBe(200);
  return new DOMParser().parseFromString(page.html, 'text/html');
}

const API = 'https://dev.azure.com/contoso/Fabrikam%20Web/_git/api';
const PAGES = {
  files: API,
  empty: 'https://dev.azure.com/contoso/Fabrikam%20Web/_git/empty-repo',
  commit: `${API}/commit/${SHA_LOGIN}`,
  commits: `${API}/commits`,
  pushes: `${API}/pushes`,
  branches: `${API}/branches`,
  tags: `${API}/tags`,
  compare: `${API}/branchCompare?baseVersion=GBmain&targetVersion=GBfeature%2Flogin`,
  pullRequests: `${API}/pullrequests`,
  pullRequest: `${API}/pullrequest/101`,
  pullRequestCreate: `${API}/pullrequestcreate?sourceRef=feature/login&targetRef=main`,
  orgPullRequests: 'https://dev.azure.com/contoso/_pulls',
  orgHome: 'https://dev.azure.com/contoso',
  projectHome: 'https://dev.azure.com/contoso/Fabrikam%20Web',
  boards: 'https://dev.azure.com/contoso/Fabrikam%20Web/_boards/board',
} as const;
type PageKey = keyof typeof PAGES;
const NON_REPO_PAGES: PageKey[] = ['orgHome', 'projectHome', 'boards'];

/**
 * Every selector of lib/azure/selectors.ts (each candidate of each list), the fake pages where it must
 * match and how many times: on every other page of the table it must match nothing (refined-github's
 * selectors test has this shape). A candidate that matches nowhere names markup the fake no longer
 * renders (GP's positional PR path, which the capture of a live PR header does not match).
 */
const ALL = Object.fromEntries(Object.keys(PAGES).map((page) => [page, 1])) as Record<PageKey, number>;
const LIST_PAGES = { commit: 1, commits: 1, pushes: 1, branches: 1, tags: 1, compare: 1, pullRequests: 1, orgPullRequests: 1 } as const;
const SELECTOR_MATCHES: Record<string, Partial<Record<PageKey, number>>[]> = {
  APP_ROOT: [ALL],
  MAIN_CONTENT: [ALL],
  FILES_HEADER_COMMANDBAR: [{ files: 1 }, { files: 1 }],
  COMMIT_HEADER_COMMANDBAR: [{ files: 1, ...LIST_PAGES }, LIST_PAGES],
  LIST_HEADER_COMMANDBAR: [{ files: 1, ...LIST_PAGES }],
  PR_HEADER_COMMANDS: [{ pullRequest: 1 }, {}],
  PR_BRANCH_LINKS: [{ pullRequest: 2 }, { pullRequest: 2 }],
  // Each branch's own link (not its History link: `itemVersion=`; nor the compare link: `targetVersion=`).
  BRANCH_ROW_LINKS: [{ branches: 2 }, { branches: 2 }],
};

const candidateLists = Object.entries(selectors).filter((entry): entry is [string, SelectorCandidates] => Array.isArray(entry[1]));

/** What public peers query (tests/fake-ado/pages/peer-selectors.ts): where the fake must show it. `exclusive`: nowhere else. */
const PEER_ANCHORS: Record<string, { on: PageKey[]; exclusive: boolean }> = {
  HEADER_COMMAND_ITEM: {
    on: ['files', 'empty', 'commit', 'commits', 'pushes', 'branches', 'tags', 'compare', 'pullRequests', 'orgPullRequests', 'pullRequest'],
    exclusive: false,
  },
  FILES_HEADER_OVERFLOW_BUTTON: { on: ['files'], exclusive: false },
  FILES_HEADER_TITLE_AREA: { on: ['files'], exclusive: true },
  BRANCH_PICKER_BUTTON: { on: ['files', 'commits', 'pushes'], exclusive: true },
  BRANCH_PICKER_LABEL: { on: ['files', 'commits', 'pushes'], exclusive: true },
  FILES_BREADCRUMB_ITEM_TEXT: { on: ['files'], exclusive: true },
  EMPTY_REPO_CLONE_PANEL: { on: ['empty'], exclusive: true },
  COMPARE_HEADER_BUTTON_GROUP: { on: ['compare'], exclusive: false },
  PR_HEADER: { on: ['pullRequest'], exclusive: true },
  PR_HEADER_MENU_BUTTON: { on: ['pullRequest'], exclusive: true },
  PR_TITLE_ROW: { on: ['pullRequest'], exclusive: true },
  PR_TITLE_INPUT: { on: ['pullRequest'], exclusive: true },
  PR_VOTE_BUTTON: { on: ['pullRequest'], exclusive: true },
  PR_LIST_SECTION_CARD: { on: ['pullRequests', 'orgPullRequests'], exclusive: true },
  PR_LIST_ROW: { on: ['pullRequests', 'orgPullRequests'], exclusive: true },
};
const LEGACY_ONLY = new Set(['#pull-request-vote-button']);
const peerLists = Object.entries(peer).filter((entry): entry is [string, SelectorCandidates] => Array.isArray(entry[1]));

describe('fake-ado pages', () => {
  const documents = new Map<PageKey, Document>();
  beforeEach(() => {
    if (documents.size === 0) for (const [key, url] of Object.entries(PAGES)) documents.set(key as PageKey, load(url));
  });

  it('lists every selector of lib/azure/selectors, each candidate once', () => {
    expect(candidateLists.map(([name]) => name).sort()).toEqual(Object.keys(SELECTOR_MATCHES).sort());
    for (const [name, candidates] of candidateLists) expect(SELECTOR_MATCHES[name], name).toHaveLength(candidates.length);
  });

  describe.each(candidateLists.flatMap(([name, candidates]) => candidates.map((selector, i) => [name, selector, i] as const)))(
    '%s %s',
    (name, selector, i) => {
      it.each(Object.keys(PAGES) as PageKey[])('matches as often as expected on the %s page', (page) => {
        expect(documents.get(page)!.querySelectorAll(selector)).toHaveLength(SELECTOR_MATCHES[name]![i]![page] ?? 0);
      });
    },
  );

  it('covers every peer selector list', () => {
    expect(peerLists.map(([name]) => name).sort()).toEqual(Object.keys(PEER_ANCHORS).sort());
  });

  describe.each(peerLists)('peer %s', (name, candidates) => {
    const expected = PEER_ANCHORS[name]!;
    it.each(expected.on)('matches on the %s page, every current-UI candidate', (page) => {
      const doc = documents.get(page)!;
      for (const selector of candidates) {
        const found = doc.querySelector(selector);
        if (LEGACY_ONLY.has(selector)) expect(found, selector).toBeNull();
        else expect(found, `${selector} on ${page}`).not.toBeNull();
      }
    });

    it('matches nowhere it should not', () => {
      const elsewhere = (Object.keys(PAGES) as PageKey[]).filter((page) => !expected.on.includes(page));
      const mustBeAbsent = expected.exclusive ? elsewhere : elsewhere.filter((page) => NON_REPO_PAGES.includes(page));
      for (const page of mustBeAbsent) {
        for (const selector of candidates) {
          expect(documents.get(page)!.querySelector(selector), `${selector} on ${page}`).toBeNull();
        }
      }
    });
  });

  it('uses only observed classes; every class it invents starts with fake-', () => {
    // Observed: each class token in a selector of lib/azure/selectors.ts or of the peers', and the class constants there.
    const fromSelectors = new Set<string>();
    for (const value of [...Object.values(selectors), ...Object.values(peer)]) {
      const strings = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
      for (const selector of strings) {
        for (const match of selector.matchAll(/\.([-\w]+)/g)) fromSelectors.add(match[1]!);
        if (/^[-\w]+$/.test(selector)) fromSelectors.add(selector);
      }
    }
    expect(fromSelectors).toContain('repos-files-header-commandbar');
    expect(fromSelectors).toContain('scroll-hidden');
    const allowed = new Set([...fromSelectors, ...Object.keys(OBSERVED_BY_PEERS), ...AZURE_DEVOPS_UI_CLASSES]);
    const variants = [
      `${API}/pullrequest/102`,
      `${API}/pullrequest/101?_a=files`,
      `${API}?path=%2FREADME.md&version=GBfeature%2Flogin`,
      `${API}?theme=dark`,
      'https://dev.azure.com/contoso/Fabrikam%20Web/_git/retired',
    ];
    const docs = [...documents.values(), ...variants.map((url) => load(url))];
    const invented = new Set<string>();
    for (const doc of docs) {
      for (const element of doc.querySelectorAll('[class]')) {
        for (const name of element.classList) {
          if (!allowed.has(name) && !ICON_CLASS.test(name)) invented.add(name);
        }
      }
    }
    expect([...invented].filter((name) => !name.startsWith('fake-')).sort()).toEqual([]);
    // The ones the issue named stay invented.
    for (const name of ['repos-branches-header', 'repos-commits-header', 'repos-pr-create-source', 'repos-pr-list-row', 'repos-clone-panel']) {
      expect(invented, name).toContain(`fake-${name}`);
    }
  });

  it('serves the shell with the theme class, the React root and the page data on every page', () => {
    for (const [page, doc] of documents) {
      expect(doc.body.classList.contains(peer.LIGHT_THEME_BODY_CLASS), page).toBe(true);
      expect(doc.querySelectorAll('body > div.full-size')).toHaveLength(1);
      const data = readDataProviders(doc)!;
      expect(data['ms.vss-web.page-data'], page).toMatchObject({ user: { uniqueName: 'jane@contoso.test' } });
      expect(data['ms.vss-tfs-web.header-action-data']).toEqual({ suiteHomeUrl: '/contoso/' });
      expect(data['ms.vss-web.theme-data']).toEqual({ requestedThemeId: 'ms.vss-web.vsts-theme' });
    }
    expect(readDataProviders(documents.get('files')!)!['ms.vss-tfs-web.page-data']).toEqual({
      project: { id: 'proj-fabrikam', name: 'Fabrikam Web' },
    });
  });

  it('puts the repository id on files pages and the pull request on PR pages only', () => {
    const repoProvider = 'ms.vss-code-web.versioncontrol-viewmodel-data-provider';
    const prProvider = 'ms.vss-code-web.pr-detail-data-provider';
    expect(readDataProviders(documents.get('files')!)![repoProvider]).toMatchObject({ gitRepository: { id: 'repo-api' } });
    expect(readDataProviders(documents.get('empty')!)![repoProvider]).toMatchObject({ gitRepository: { id: 'repo-empty-repo' } });
    expect(readDataProviders(documents.get('pullRequest')!)![prProvider]).toMatchObject({
      pullRequest: { pullRequestId: 101, title: XSS_TITLE, createdBy: { displayName: 'Jane Doe' } },
    });
    for (const page of ['pullRequest', 'orgHome', 'boards'] as const) {
      expect(readDataProviders(documents.get(page)!)![repoProvider], page).toBeUndefined();
    }
    expect(readDataProviders(documents.get('files')!)![prProvider]).toBeUndefined();
  });

  it('lays out the files command bar as GK and GP expect', () => {
    const doc = documents.get('files')!;
    // GP: `div.repos-files-header-commandbar:nth-child(1)`, insert before the overflow item, strip scroll-hidden.
    const bar = doc.querySelector('div.repos-files-header-commandbar:nth-child(1)')!;
    expect(bar.classList.contains(peer.FILES_HEADER_COMMANDBAR_CLIP_CLASS)).toBe(true);
    const items = [...bar.children];
    expect(items.every((item) => item.matches('div.bolt-header-command-item-button'))).toBe(true);
    expect(items[0]!.textContent).toContain('Clone');
    const overflow = bar.querySelector(
      'div.bolt-header-command-item-button:has(button[id^="__bolt-header-command-bar-menu-button"])',
    );
    expect(overflow).toBe(items.at(-1));
    expect(overflow!.querySelector('button')!.id).toBe('__bolt-header-command-bar-menu-button-1');
    expect(doc.querySelector(peer.FILES_HEADER_OVERFLOW_BUTTON[0])!.closest(peer.HEADER_COMMAND_ITEM[0])).toBe(overflow);
  });

  it.each(['commits', 'pushes', 'pullRequests'] as const)('lays out the %s header command bar as azure-devops-ui renders it', (page) => {
    const doc = documents.get(page)!;
    const bar = doc.querySelector(selectors.LIST_HEADER_COMMANDBAR[0])!;
    expect(bar.closest('.bolt-header')!.querySelector('[role="heading"]')!.textContent).toBe(page === 'pullRequests' ? 'Pull requests' : page === 'pushes' ? 'Pushes' : 'Commits');
    // HeaderCommandBar.js: one button group inside the command bar, the items, then the filter toggle
    // (HeaderCommandBarWithFilter) and the overflow button last.
    expect([...bar.children].map((child) => child.className.includes('bolt-header-commandbar-button-group'))).toEqual([true]);
    const items = [...bar.firstElementChild!.children];
    expect(items.every((item) => item.matches(peer.HEADER_COMMAND_ITEM[0]))).toBe(true);
    expect(items.at(-2)!.querySelector('button')!.getAttribute('aria-label')).toBe('Filter');
    expect(items.at(-1)!.querySelector('button')!.id).toMatch(/^__bolt-header-command-bar-menu-button/);
    if (page === 'pullRequests') expect(items[0]!.textContent).toBe('New pull request');
  });

  it('shows the default branch in the picker without version= and the URL branch with it', () => {
    const label = (doc: Document) => doc.querySelector(peer.BRANCH_PICKER_LABEL[0])!.textContent;
    expect(label(documents.get('files')!)).toBe('main');
    expect(label(load(`${API}?path=%2Fsrc%2Fapp.ts&version=GBfeature%2Flogin`))).toBe('feature/login');
    // GP's XPath takes the first `text-ellipsis` span under `.version-dropdown`: it must be the label.
    const doc = load(`${API}?version=GBfeature%2Flogin`);
    expect(doc.querySelector('.version-dropdown span.text-ellipsis')!.textContent).toBe('feature/login');
    expect(label(load(`${API}?version=GC${SHA_LOGIN}`))).toBe(SHA_LOGIN.slice(0, 8));
  });

  it.each(['commits', 'pushes'] as const)('names the branch itemVersion on the %s page, in its picker and in the links to it', (page) => {
    const label = (doc: Document) => doc.querySelector(peer.BRANCH_PICKER_LABEL[0])!.textContent;
    expect(label(documents.get(page)!)).toBe('main');
    const doc = load(`${API}/${page}?itemVersion=GBfeature%2Flogin`);
    expect(label(doc)).toBe('feature/login');
    const picked = [...doc.querySelectorAll('.fake-ado-branch-menu a[data-spa]')].map((a) => new URL(a.getAttribute('href')!, 'https://dev.azure.com'));
    expect(picked.map((u) => [u.pathname, u.searchParams.get('itemVersion'), u.searchParams.has('version')])).toEqual([
      [`/contoso/Fabrikam%20Web/_git/api/${page}`, 'GBmain', false],
      [`/contoso/Fabrikam%20Web/_git/api/${page}`, 'GBfeature/login', false],
    ]);
    const history = [...documents.get('branches')!.querySelectorAll<HTMLAnchorElement>('a[href*="/commits?"]')].map((a) => a.getAttribute('href'));
    expect(history).toEqual(['/contoso/Fabrikam%20Web/_git/api/commits?itemVersion=GBmain', '/contoso/Fabrikam%20Web/_git/api/commits?itemVersion=GBfeature%2Flogin']);
  });

  it.each(['files', 'commits', 'pullRequest', 'branches'] as const)('hides every header anchor on the %s page served with unknown markup', (page) => {
    const doc = load(`${PAGES[page]}${PAGES[page].includes('?') ? '&' : '?'}fake-ado-anchors=unknown`);
    for (const selector of [...selectors.FILES_HEADER_COMMANDBAR, ...selectors.COMMIT_HEADER_COMMANDBAR, ...selectors.LIST_HEADER_COMMANDBAR, ...selectors.PR_HEADER_COMMANDS]) {
      expect(doc.querySelector(selector), selector).toBeNull();
    }
    expect(doc.querySelector(selectors.MAIN_CONTENT[0])!.querySelector('[class*="fake-unknown-"]')).not.toBeNull();
  });

  it('renders the path breadcrumb and keeps path and version in the branch list', () => {
    const doc = load(`${API}?path=%2Fsrc%2Fapp.ts&version=GBmain`);
    const crumbs = [...doc.querySelectorAll(peer.FILES_BREADCRUMB_ITEM_TEXT[0])].map((e) => e.textContent);
    expect(crumbs).toEqual(['api', 'src', 'app.ts']);
    const branchLinks = [...doc.querySelectorAll('.fake-ado-branch-menu a[data-spa]')].map(
      (a) => new URL(a.getAttribute('href')!, 'https://dev.azure.com'),
    );
    expect(branchLinks.map((u) => [u.searchParams.get('path'), u.searchParams.get('version')])).toEqual([
      ['/src/app.ts', 'GBmain'],
      ['/src/app.ts', 'GBfeature/login'],
    ]);
  });

  it('lays out the PR header as captured on a live page, and as GK, AZ, SH and MU expect', () => {
    const doc = documents.get('pullRequest')!;
    // The DevTools chain: root > div > div.flex-row.rhythm-horizontal-8.flex-center.flex-grow > div.repos-pr-header-vote-button… > button.
    const vote = doc.querySelector(
      'div.repos-pr-header.margin-bottom-8.bolt-header.flex-row.flex-noshrink.flex-start.bolt-header-no-spacing-defined > div > div.flex-row.rhythm-horizontal-8.flex-center.flex-grow > div.repos-pr-header-vote-button.bolt-split-button.flex-stretch.inline-flex-row > button',
    );
    expect(vote).not.toBeNull();
    expect(doc.querySelector('.repos-pr-header')!.children).toHaveLength(1);
    expect(doc.querySelector('.repos-pr-header.bolt-header-with-commandbar, .repos-pr-header .bolt-header-commandbar')).toBeNull();
    const commands = doc.querySelector(selectors.PR_HEADER_COMMANDS[0])!;
    // The actions row: vote first (the buttons go at its start, just before it), complete, then the ⋮ menu.
    expect([...commands.children].map((child) => child.className.split(' ')[0])).toEqual([
      'repos-pr-header-vote-button',
      'repos-pr-header-complete-button',
      'bolt-header-command-item-button',
    ]);
    expect(commands.lastElementChild!.querySelector('button')!.id).toMatch(/^__bolt-menu-button-\d+$/);
    expect((doc.querySelector(peer.PR_TITLE_INPUT[0]) as HTMLInputElement).value).toBe(XSS_TITLE);
    const links = [...doc.querySelectorAll<HTMLAnchorElement>(selectors.PR_BRANCH_LINKS[0])];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/contoso/Fabrikam%20Web/_git/api?version=GBfeature%2Flogin',
      '/contoso/Fabrikam%20Web/_git/api?version=GBmain',
    ]);
    // GK: `[, org, project, , repo] = pathname.split('/')`, branch = `searchParams.get('version').slice(2)`.
    const source = new URL(links[0]!.getAttribute('href')!, 'https://dev.azure.com');
    expect(source.pathname.split('/').map(decodeURIComponent)).toEqual(['', 'contoso', 'Fabrikam Web', '_git', 'api']);
    expect(source.searchParams.get('version')?.slice(2)).toBe('feature/login');
    expect(doc.querySelector('.pr-header-branches a:first-child')).toBe(links[0]); // AZ
    expect(links[1]!.textContent).toBe('main'); // MU / SH read the text
  });

  it('links the source branch of a PR from a fork to the fork, and puts forkSource in the page data', () => {
    const doc = load(`${API}/pullrequest/103`);
    const links = [...doc.querySelectorAll<HTMLAnchorElement>(selectors.PR_BRANCH_LINKS[0])].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      '/contoso/Fabrikam%20Web/_git/api-fork?version=GBfix%2Ftypo',
      '/contoso/Fabrikam%20Web/_git/api?version=GBmain',
    ]);
    expect(readDataProviders(doc)!['ms.vss-code-web.pr-detail-data-provider']).toMatchObject({
      pullRequest: {
        pullRequestId: 103,
        repository: { id: 'repo-api' },
        forkSource: { name: 'refs/heads/fix/typo', repository: { id: 'repo-api-fork', name: 'api-fork', project: { name: 'Fabrikam Web' } } },
      },
    });
    const own = readDataProviders(documents.get('pullRequest')!)!['ms.vss-code-web.pr-detail-data-provider'] as { pullRequest: object };
    expect(own.pullRequest).not.toHaveProperty('forkSource');
  });

  it('marks a completed pull request with .pr-status-completed', () => {
    expect(load(`${API}/pullrequest/102`).querySelector('.repos-pr-header .pr-status-completed')).not.toBeNull();
    expect(documents.get('pullRequest')!.querySelector('.pr-status-completed')).toBeNull();
  });

  it('lists pull requests in section cards with SPA rows', () => {
    const doc = documents.get('pullRequests')!;
    const titles = [...doc.querySelectorAll('.repos-pr-section-header-title > span')].map((e) => e.textContent);
    expect(titles).toEqual(['Created by me', 'Assigned to me']);
    const rows = [...doc.querySelectorAll(peer.PR_LIST_ROW[0])];
    expect(rows.map((r) => r.getAttribute('href'))).toEqual(['/contoso/Fabrikam%20Web/_git/api/pullrequest/101']);
    expect(rows.every((r) => r.hasAttribute('data-spa'))).toBe(true);
    const completed = load(`${API}/pullrequests?_a=completed`);
    expect([...completed.querySelectorAll(peer.PR_LIST_ROW[0])].map((r) => r.getAttribute('href'))).toEqual([
      '/contoso/Fabrikam%20Web/_git/api/pullrequest/102',
    ]);
    expect(doc.querySelector('.bolt-header-title.title-m.l')!.textContent).toBe('Pull requests');
  });

  it('shows the clone panel with the clone URL for an empty repository', () => {
    const panel = documents.get('empty')!.querySelector(peer.EMPTY_REPO_CLONE_PANEL[0])!;
    expect(panel.closest('.fake-repos-empty-repository')!.querySelector('input')!.value).toBe(
      'https://contoso@dev.azure.com/contoso/Fabrikam%20Web/_git/empty-repo',
    );
    expect(documents.get('empty')!.querySelector('.repos-files-header')).toBeNull();
  });

  it('links compare and create pages to each other with the branches of the URL', () => {
    const create = documents.get('compare')!.querySelector(`${peer.COMPARE_HEADER_BUTTON_GROUP[0]} a[data-spa]`)!;
    const url = new URL(create.getAttribute('href')!, 'https://dev.azure.com');
    expect(url.pathname).toBe('/contoso/Fabrikam%20Web/_git/api/pullrequestcreate');
    expect([url.searchParams.get('sourceRef'), url.searchParams.get('targetRef')]).toEqual(['feature/login', 'main']);
    const page = documents.get('pullRequestCreate')!;
    expect(page.querySelector('.fake-repos-pr-create-source')!.textContent).toBe('feature/login');
    expect(page.querySelector('.fake-repos-pr-create-target')!.textContent).toBe('main');
  });

  it('escapes names and titles: markup in fixture data renders as text', () => {
    const doc = load(`https://dev.azure.com/contoso/Fabrikam%20Web/_git/${encodeURIComponent(XSS_NAME)}`);
    expect(doc.querySelector('img')).toBeNull();
    expect(doc.querySelector('[onerror]')).toBeNull();
    expect(doc.querySelector(peer.FILES_BREADCRUMB_ITEM_TEXT[0])!.textContent).toBe(XSS_NAME);
    expect(doc.title).toBe(`Files - ${XSS_NAME}`);
    const pr = documents.get('pullRequest')!;
    expect(pr.querySelectorAll('script')).toHaveLength(2); // dataProviders + client script, none injected
    expect(pr.title).toBe(`Pull request 101: ${XSS_TITLE}`);
    const board = documents.get('boards')!;
    expect(board.querySelector('.fake-ado-board-card')!.textContent).toContain('Login <fails>');
  });

  it('answers the other URL forms of a repository', () => {
    const label = (url: string) => load(url).querySelector(peer.BRANCH_PICKER_LABEL[0])?.textContent;
    // Default repo of a project (GK parsePathname): `/{org}/_git/{project}`; links keep that form.
    const defaultRepo = load('https://dev.azure.com/contoso/_git/Fabrikam%20Web');
    expect(readDataProviders(defaultRepo)!['ms.vss-code-web.versioncontrol-viewmodel-data-provider']).toMatchObject({
      gitRepository: { id: 'repo-Fabrikam Web' },
    });
    expect(defaultRepo.querySelector('a[data-spa][href$="/branches"]')!.getAttribute('href')).toBe(
      '/contoso/_git/Fabrikam%20Web/branches',
    );
    expect(render('https://dev.azure.com/contoso/_git/api/pullrequest/101')?.status).toBe(200);
    expect(label('https://dev.azure.com/contoso/Fabrikam%20Web/_git/_optimized/api')).toBe('main');
    expect(label('https://dev.azure.com/contoso/Fabrikam%20Web/_git/_full/api')).toBe('main');
    expect(label('https://dev.azure.com/CONTOSO/fabrikam%20web/_git/API')).toBe('main');

    const legacy = load('https://contoso.visualstudio.com/Fabrikam%20Web/_git/api/pullrequest/101');
    expect(legacy.querySelector(selectors.PR_BRANCH_LINKS[0])!.getAttribute('href')).toBe(
      '/Fabrikam%20Web/_git/api?version=GBfeature%2Flogin',
    );
    expect(readDataProviders(legacy)!['ms.vss-tfs-web.header-action-data']).toEqual({ suiteHomeUrl: '/' });
    const legacyCollection = load('https://contoso.visualstudio.com/DefaultCollection/Fabrikam%20Web/_git/api');
    expect(legacyCollection.querySelector('a[data-spa][href$="/commits"]')!.getAttribute('href')).toBe(
      '/DefaultCollection/Fabrikam%20Web/_git/api/commits',
    );

    const server = load('https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/tools', undefined, makeState().users[1]!);
    expect(server.querySelector(selectors.FILES_HEADER_COMMANDBAR[0])).not.toBeNull();
    expect(readDataProviders(server)!['ms.vss-tfs-web.header-action-data']).toEqual({
      suiteHomeUrl: '/tfs/DefaultCollection/',
    });
    expect(readDataProviders(server)!['ms.vss-web.page-data']).toMatchObject({ user: { displayName: 'Raj Ü' } });
    expect(render('https://localhost:8443/tfs/DefaultCollection/Legacy/_git/tools')?.status).toBe(200);
  });

  it('renders organization, project and Boards pages with status 200 and no repository anchors', () => {
    for (const page of NON_REPO_PAGES) {
      expect(render(PAGES[page])?.status).toBe(200);
      expect(documents.get(page)!.querySelector('[data-fake-ado-deferred]'), page).toBeNull();
    }
    expect(render('https://tfs.contoso.test/tfs/DefaultCollection')?.status).toBe(200);
    const nav = [...documents.get('projectHome')!.querySelectorAll('nav a[data-spa]')].map((a) => a.getAttribute('href'));
    expect(nav).toContain('/contoso/Fabrikam%20Web/_boards/board');
    expect(nav).toContain('/contoso/Fabrikam%20Web/_git/Fabrikam%20Web/pullrequests');
  });

  it.each([
    'https://dev.azure.com/',
    'https://dev.azure.com/nobody',
    'https://dev.azure.com/contoso/NoProject',
    'https://dev.azure.com/contoso/Fabrikam%20Web/_git/missing',
    'https://dev.azure.com/contoso/Fabrikam%20Web/_git',
    `${API}/pullrequest/999`,
    `${API}/pullrequest/abc`,
    `${API}/commit/not-a-sha`,
    `${API}/unknown`,
    `${API}/branches/extra`,
    'https://dev.azure.com/contoso/Fabrikam%20Web/_git/empty-repo/commit/1111111',
    'https://dev.azure.com/contoso/Fabrikam%20Web/_git/retired/branches',
    'https://dev.azure.com/contoso/_apis/projects',
    'https://dev.azure.com/contoso/Fabrikam%20Web/_git/api/%E0%A4%A',
    'https://dev.azure.com/contoso/_settings',
    'https://nobody.visualstudio.com/Fabrikam%20Web/_git/api',
    'https://tfs.contoso.test/other/DefaultCollection/Legacy/_git/tools',
    'https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/nope',
  ])('returns null for %s', (url) => {
    expect(render(url)).toBeNull();
  });

  it('renders a disabled repository as a message without anchors', () => {
    const doc = load('https://dev.azure.com/contoso/Fabrikam%20Web/_git/retired');
    expect(doc.querySelector('[data-fake-ado-view="disabled-repository"]')).not.toBeNull();
    expect(doc.querySelector('.repos-files-header')).toBeNull();
  });

  it('picks the dark theme from ?theme=dark or the theme cookie', () => {
    const byQuery = load(`${API}?theme=dark`);
    expect(byQuery.body.className).toBe(peer.DARK_THEME_BODY_CLASS);
    expect(readDataProviders(byQuery)!['ms.vss-web.theme-data']).toEqual({ requestedThemeId: 'ms.vss-web.vsts-theme-dark' });
    expect(isDarkTheme(byQuery)).toBe(true);
    expect(isDarkTheme(load(API, 'a=b; fake-ado-theme=dark'))).toBe(true);
    expect(isDarkTheme(load(`${API}?theme=light`, 'fake-ado-theme=dark'))).toBe(false);
    expect(isDarkTheme(documents.get('files')!)).toBe(false);
  });

  it('renders as the signed-in user it is given, signed out without one, and takes instant timing from a cookie', () => {
    const raj = makeState().users[1]!;
    const doc = load(PAGES.pullRequest, 'fake-ado-timing=instant', raj);
    expect(readDataProviders(doc)!['ms.vss-web.page-data']).toEqual({
      user: { id: 'user-raj', displayName: 'Raj Ü', uniqueName: 'raj@contoso.test', email: 'raj@contoso.test' },
    });
    expect(doc.querySelector('.fake-ado-user')!.textContent).toBe('Raj Ü');
    const signedOut = load(PAGES.pullRequest, undefined, null);
    expect(readDataProviders(signedOut)!['ms.vss-web.page-data']).toEqual({});
    expect(signedOut.querySelector('.fake-ado-user')!.textContent).toBe('Signed out');
    expect(doc.querySelector('[data-fake-ado-view]')!.hasAttribute('data-fake-ado-instant')).toBe(true);
    const timed = documents.get('pullRequest')!.querySelector('[data-fake-ado-view]')!;
    expect(Number(timed.getAttribute('data-anchor-delay'))).toBeGreaterThanOrEqual(300);
    expect(documents.get('files')!.querySelector('[data-fake-ado-view]')!.getAttribute('data-anchor-delay')).toBe('100');
  });
});

describe('lib/azure/selectors helpers', () => {
  const parse = (markup: string) => new DOMParser().parseFromString(markup, 'text/html');

  it('readDataProviders returns null instead of throwing on missing or malformed data', () => {
    expect(readDataProviders(parse('<p>none</p>'))).toBeNull();
    expect(readDataProviders(parse('<script id="dataProviders">{not json</script>'))).toBeNull();
    expect(readDataProviders(parse('<script id="dataProviders">{"nodata":1}</script>'))).toBeNull();
    expect(readDataProviders(parse('<script id="dataProviders">{"data":[1]}</script>'))).toBeNull();
    expect(readDataProviders(parse('<script id="dataProviders">{"data":{"a":1}}</script>'))).toEqual({ a: 1 });
  });

  it('isDarkTheme prefers the body class and falls back to requestedThemeId', () => {
    const themed = (bodyClass: string, themeId: string) =>
      parse(
        `<body class="${bodyClass}"><script id="dataProviders">{"data":{"ms.vss-web.theme-data":{"requestedThemeId":"${themeId}"}}}</script></body>`,
      );
    expect(isDarkTheme(themed('ms-vss-web-vsts-theme', 'ms.vss-web.vsts-theme-dark'))).toBe(false);
    expect(isDarkTheme(themed('ms-vss-web-vsts-theme-dark', 'ms.vss-web.vsts-theme'))).toBe(true);
    expect(isDarkTheme(themed('other', 'ms.vss-web.vsts-theme-dark'))).toBe(true);
    expect(isDarkTheme(themed('', 'ms.vss-web.night-theme'))).toBe(true);
    expect(isDarkTheme(parse('<p></p>'))).toBe(false);
  });
});

describe('fake-ado client script', () => {
  const state = makeState();
  const origin = location.origin;
  let fetchMock: ReturnType<typeof vi.fn>;

  function mount(path: string) {
    history.replaceState(null, '', path);
    const page = renderPage(
      { host: 'dev.azure.com', path: location.pathname, query: new URLSearchParams(location.search), organization: null, user: state.users[0]! },
      state,
    )!;
    const parsed = new DOMParser().parseFromString(page.html, 'text/html');
    document.body.replaceWith(document.importNode(parsed.body, true));
    delete (window as { __fakeAdoClient?: boolean }).__fakeAdoClient;
    new Function(CLIENT_SCRIPT)();
  }

  beforeEach(() => {
    vi.useFakeTimers();
    fetchMock = vi.fn(async (input: string) => {
      const url = new URL(input, origin);
      const page = renderPage(
        { host: 'dev.azure.com', path: url.pathname, query: url.searchParams, organization: null, user: state.users[0]! },
        state,
      );
      return new Response(page?.html ?? 'not found', { status: page?.status ?? 404 });
    });
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const view = () => document.querySelector('[data-fake-ado-view]')!;

  it('renders the anchors after a delay, then replaces them once, soon after an extension added to them (its content is dropped)', async () => {
    mount('/contoso/Fabrikam%20Web/_git/api');
    expect(document.querySelector('.repos-files-header-commandbar')).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    const first = document.querySelector('.repos-files-header-commandbar')!;
    expect(first).not.toBeNull();
    expect(view().getAttribute('data-fake-ado-rendered')).toBe('1');
    await vi.advanceTimersByTimeAsync(300);
    first.insertAdjacentHTML('afterbegin', '<a class="gk-insert">mine</a>');
    await vi.advanceTimersByTimeAsync(99);
    expect(view().getAttribute('data-fake-ado-rendered')).toBe('1');
    await vi.advanceTimersByTimeAsync(1);
    const second = document.querySelector('.repos-files-header-commandbar')!;
    expect(second).not.toBe(first);
    expect(first.isConnected).toBe(false);
    expect(document.querySelector('.gk-insert')).toBeNull();
    expect(view().getAttribute('data-fake-ado-rendered')).toBe('2');
    await vi.advanceTimersByTimeAsync(5000);
    expect(document.querySelector('.repos-files-header-commandbar')).toBe(second);
  });

  it('re-renders a page no extension added to once, a second after its first render', async () => {
    mount('/contoso/Fabrikam%20Web/_git/api');
    await vi.advanceTimersByTimeAsync(100);
    const first = document.querySelector('.repos-files-header-commandbar')!;
    await vi.advanceTimersByTimeAsync(999);
    expect(view().getAttribute('data-fake-ado-rendered')).toBe('1');
    expect(first.isConnected).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(view().getAttribute('data-fake-ado-rendered')).toBe('2');
    expect(first.isConnected).toBe(false);
  });

  it('renders the anchors of a page served with late anchors only when told to', async () => {
    mount('/contoso/Fabrikam%20Web/_git/api?fake-ado-anchors=late');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(document.querySelector('.repos-files-header-commandbar')).toBeNull();
    document.dispatchEvent(new Event('fake-ado-render'));
    expect(document.querySelector('.repos-files-header-commandbar')).not.toBeNull();
    expect(view().getAttribute('data-fake-ado-rendered')).toBe('1');
  });

  it('navigates SPA links with pushState, keeps the root and the stale dataProviders', async () => {
    mount('/contoso/Fabrikam%20Web/_git/api');
    await vi.advanceTimersByTimeAsync(1100);
    const root = document.querySelector('body > div.full-size')!;
    const providers = document.getElementById('dataProviders')!.textContent;
    (document.querySelector('nav a[href$="/pullrequests"]') as HTMLElement).click();
    expect(location.pathname).toBe('/contoso/Fabrikam%20Web/_git/api/pullrequests');
    expect(document.querySelector('.repos-files-header')).toBeNull(); // old route unmounted at once
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledWith(`${origin}/contoso/Fabrikam%20Web/_git/api/pullrequests`, expect.anything());
    expect(view().getAttribute('data-fake-ado-view')).toBe('pullrequests');
    expect(document.querySelector('body > div.full-size')).toBe(root);
    expect(document.getElementById('dataProviders')!.textContent).toBe(providers);
    await vi.advanceTimersByTimeAsync(100);
    (document.querySelector('a[role="row"]') as HTMLElement).click();
    await vi.advanceTimersByTimeAsync(0);
    expect(location.pathname).toBe('/contoso/Fabrikam%20Web/_git/api/pullrequest/101');
    await vi.advanceTimersByTimeAsync(299);
    expect(document.querySelector('.repos-pr-header')).toBeNull(); // PR anchors wait ≥300 ms
    await vi.advanceTimersByTimeAsync(60);
    expect(document.querySelector('.repos-pr-title-row')).not.toBeNull();
  });

  it('switches branch from the picker via pushState and re-renders the label', async () => {
    mount('/contoso/Fabrikam%20Web/_git/api');
    await vi.advanceTimersByTimeAsync(100);
    const picker = document.querySelector('.version-dropdown > button') as HTMLElement;
    picker.click();
    const menu = document.querySelector('.fake-ado-branch-menu') as HTMLElement;
    expect(menu.hidden).toBe(false);
    expect(picker.getAttribute('aria-expanded')).toBe('true');
    ([...menu.querySelectorAll('a')].find((a) => a.textContent === 'feature/login') as HTMLElement).click();
    expect(new URLSearchParams(location.search).get('version')).toBe('GBfeature/login');
    await vi.advanceTimersByTimeAsync(100);
    expect(document.querySelector('.version-dropdown .bolt-dropdown-expandable-button-label')!.textContent).toBe(
      'feature/login',
    );
  });

  it('keeps the command bar across a branch switch right after the re-render an extension brought on', async () => {
    mount('/contoso/Fabrikam%20Web/_git/api');
    await vi.advanceTimersByTimeAsync(100);
    document.querySelector('div.repos-files-header-commandbar')!.insertAdjacentHTML('afterbegin', '<div class="extension-marker">Clone in main</div>');
    await vi.advanceTimersByTimeAsync(100);
    expect(view().getAttribute('data-fake-ado-rendered')).toBe('2');
    // The route has rendered for the last time: a query-only navigation patches it in place.
    const bar = document.querySelector('div.repos-files-header-commandbar')!;
    bar.insertAdjacentHTML('afterbegin', '<div class="extension-marker">Clone in main</div>');
    (document.querySelector('.version-dropdown > button') as HTMLElement).click();
    const menu = document.querySelector('.fake-ado-branch-menu') as HTMLElement;
    ([...menu.querySelectorAll('a')].find((a) => a.textContent === 'feature/login') as HTMLElement).click();
    await vi.advanceTimersByTimeAsync(0);
    expect(document.querySelector('div.repos-files-header-commandbar')).toBe(bar);
    expect(bar.querySelector('.extension-marker')).not.toBeNull();
    expect(view().getAttribute('data-fake-ado-rendered')).toBe('2');
  });

  it('keeps the command bar node and what an extension put in it across a branch switch (React reconciliation)', async () => {
    mount('/contoso/Fabrikam%20Web/_git/api');
    await vi.advanceTimersByTimeAsync(1100); // first render and its re-render are done
    const bar = document.querySelector('div.repos-files-header-commandbar')!;
    const header = document.querySelector('.repos-files-header')!;
    const label = document.querySelector('.version-dropdown .bolt-dropdown-expandable-button-label')!;
    bar.insertAdjacentHTML('afterbegin', '<div class="extension-marker">Clone in main</div>');
    bar.classList.remove('scroll-hidden'); // GP strips it; React does not put it back unless it changes
    (document.querySelector('.version-dropdown > button') as HTMLElement).click();
    const menu = document.querySelector('.fake-ado-branch-menu') as HTMLElement;
    ([...menu.querySelectorAll('a')].find((a) => a.textContent === 'feature/login') as HTMLElement).click();
    expect(new URLSearchParams(location.search).get('version')).toBe('GBfeature/login');
    expect(document.querySelector('div.repos-files-header-commandbar')).toBe(bar); // not unmounted meanwhile
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(document.querySelector('div.repos-files-header-commandbar')).toBe(bar);
    expect(document.querySelector('.repos-files-header')).toBe(header);
    expect(bar.querySelector('.extension-marker')!.textContent).toBe('Clone in main'); // stale unless the extension updates it
    expect(bar.firstElementChild!.className).toBe('extension-marker');
    expect(bar.classList.contains('scroll-hidden')).toBe(false);
    expect(label.isConnected).toBe(true);
    expect(label.textContent).toBe('feature/login');
    const readme = document.querySelector('.fake-repos-files-list a') as HTMLAnchorElement;
    expect(new URL(readme.href).searchParams.get('version')).toBe('GBfeature/login');
    expect(document.querySelector('.fake-ado-branch-menu a[aria-checked="true"]')!.textContent).toBe('feature/login');
    // No late re-render on a kept view: the marker survives.
    await vi.advanceTimersByTimeAsync(5000);
    expect(document.querySelector('.extension-marker')).not.toBeNull();
    // A new path mounts a new view: the old header is gone at once and the anchors arrive late again.
    (document.querySelector('nav a[href$="/commits"]') as HTMLElement).click();
    expect(document.querySelector('.extension-marker')).toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    expect(view().getAttribute('data-fake-ado-view')).toBe('commits');
    expect(view().hasAttribute('data-fake-ado-rendered')).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(view().getAttribute('data-fake-ado-rendered')).toBe('1');
  });

  it('keeps a list page\'s header and what an extension put in it when only the query changes', async () => {
    mount('/contoso/Fabrikam%20Web/_git/api/pullrequests');
    await vi.advanceTimersByTimeAsync(1100);
    const bar = document.querySelector(selectors.LIST_HEADER_COMMANDBAR[0])!;
    bar.insertAdjacentHTML('afterbegin', '<span class="extension-marker">Clone</span>');
    (document.querySelector('a[role="tab"][href$="_a=active"]') as HTMLElement).click();
    await vi.advanceTimersByTimeAsync(0);
    expect(document.querySelector('a[role="tab"][aria-selected="true"]')!.textContent).toBe('Active');
    await vi.advanceTimersByTimeAsync(5000);
    expect(document.querySelector(selectors.LIST_HEADER_COMMANDBAR[0])).toBe(bar);
    expect(bar.firstElementChild!.className).toBe('extension-marker');
    // Another list page is another route: its header arrives late, without the extension's node.
    (document.querySelector('nav a[href$="/pushes"]') as HTMLElement).click();
    expect(document.querySelector('.extension-marker')).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(view().getAttribute('data-fake-ado-view')).toBe('pushes');
    expect(document.querySelector(selectors.LIST_HEADER_COMMANDBAR[0])).not.toBeNull();
  });

  it('follows back navigation and switches the theme live', async () => {
    mount('/contoso/Fabrikam%20Web/_git/api');
    await vi.advanceTimersByTimeAsync(100);
    (document.querySelector('nav a[href$="/branches"]') as HTMLElement).click();
    await vi.advanceTimersByTimeAsync(200);
    expect(view().getAttribute('data-fake-ado-view')).toBe('branches');
    history.replaceState(null, '', '/contoso/Fabrikam%20Web/_git/api');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(200);
    expect(view().getAttribute('data-fake-ado-view')).toBe('files');
    (document.getElementById('__bolt-changeThemeLink') as HTMLElement).click();
    expect(isDarkTheme(document)).toBe(true);
    expect(document.cookie).toContain('fake-ado-theme=dark');
  });
});
