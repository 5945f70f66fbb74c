import { describe, expect, it } from 'vitest';
import { desktopClient } from '@/lib/clients/desktop-clients';
import {
  CLOUD_REPOSITORY_LINK_PATTERNS,
  repositoryLinkPatterns,
  cloneItemTitle,
  repositoryLinkAction,
  repositoryLinkMenu,
} from '@/lib/context-menu/repository-link-menu';
import { parseAzureRemote } from '@/lib/azure/remote-url';

/**
 * A match pattern as the browsers apply it to a link (docs/context-menu.md): scheme `*` is http or
 * https, host `*` any host and `*.x` x or any name under it, the port and user name are ignored, and
 * the path glob is matched against the path and query.
 */
function matches(pattern: string, link: string): boolean {
  const [, scheme, host, path] = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)(\/.*)$/.exec(pattern)!;
  const url = new URL(link);
  const schemeOk = scheme === '*' ? url.protocol === 'http:' || url.protocol === 'https:' : url.protocol === `${scheme}:`;
  const hostOk = host === '*' || (host!.startsWith('*.') ? url.hostname === host!.slice(2) || url.hostname.endsWith(host!.slice(1)) : url.hostname === host);
  const glob = new RegExp(`^${path!.split('*').map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('.*')}$`);
  return schemeOk && hostOk && glob.test(url.pathname + url.search);
}
const shown = (patterns: readonly string[], link: string) => patterns.some((pattern) => matches(pattern, link));

const IOS = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';
const IOS_SSH = 'git@ssh.dev.azure.com:v3/contoso/Mobile%20App/ios-app';
const SERVER = 'https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app';
/** The Server hosts the user granted in these tests. */
const GRANTED = ['https://tfs.contoso.test', 'http://tfs.contoso.test:8080', 'https://ado.contoso.test'];
const REPOSITORY_LINK_PATTERNS = repositoryLinkPatterns(GRANTED);

/** Web and HTTPS clone links to repositories, in every form a page may carry. */
const REPOSITORY_LINKS = [
  IOS,
  `${IOS}.git`,
  `${IOS}/pullrequest/12`,
  `${IOS}?path=/README.md&version=GBdevelop`,
  'https://dev.azure.com/contoso/_git/Mobile%20App',
  'https://jane@dev.azure.com/contoso/Mobile%20App/_git/ios-app',
  'https://dev.azure.com/contoso/Mobile%20App/_git/_optimized/ios-app',
  'https://contoso.visualstudio.com/Mobile%20App/_git/ios-app',
  'https://contoso.visualstudio.com/DefaultCollection/Mobile%20App/_git/ios-app',
  'https://contoso.visualstudio.com/_git/Mobile%20App',
  'https://contoso.visualstudio.com/DefaultCollection/_git/Mobile%20App',
  SERVER,
  'http://tfs.contoso.test:8080/tfs/DefaultCollection/Legacy/_git/legacy-app',
  'https://ado.contoso.test/DefaultCollection/Legacy/_git/legacy-app',
];

const OTHER_LINKS = [
  'https://github.com/contoso/ios-app',
  'https://dev.azure.com/contoso/Mobile%20App/_boards/board',
  'https://dev.azure.com/contoso/Mobile%20App',
  'https://contoso.visualstudio.com/Mobile%20App/_wiki',
  'ftp://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app',
];

describe('lib/context-menu/repository-link-menu', () => {
  it('shows the entries on every link form the parser reads as a repository', () => {
    for (const link of REPOSITORY_LINKS) {
      expect(parseAzureRemote(link), link).not.toBeNull();
      expect(shown(REPOSITORY_LINK_PATTERNS, link), link).toBe(true);
    }
  });

  it('shows no entry on links to other pages or sites', () => {
    for (const link of OTHER_LINKS) expect(shown(REPOSITORY_LINK_PATTERNS, link), link).toBe(false);
  });

  it('shows no entry on a Server link before its host is granted, nor on another site’s `_git` link', () => {
    expect(shown(repositoryLinkPatterns([]), SERVER)).toBe(false);
    expect(shown(REPOSITORY_LINK_PATTERNS, 'https://git.example.org/team/app/_git/app')).toBe(false);
    expect(shown(repositoryLinkPatterns(['https://tfs.contoso.test']), SERVER)).toBe(true);
  });

  it('shows "Copy SSH clone URL" on cloud links only, where the link gives the SSH URL', () => {
    for (const link of REPOSITORY_LINKS) {
      expect(shown(CLOUD_REPOSITORY_LINK_PATTERNS, link), link).toBe(parseAzureRemote(link)!.kind === 'cloud');
    }
  });

  it('lists the four entries, on links only, with "Clone in" naming the default client', () => {
    expect(repositoryLinkMenu(desktopClient('vscode'), true, GRANTED)).toEqual([
      { id: 'clone-in-client', title: 'Clone in Visual Studio Code', targetUrlPatterns: REPOSITORY_LINK_PATTERNS },
      { id: 'copy-https-clone-url', title: 'Copy HTTPS clone URL', targetUrlPatterns: REPOSITORY_LINK_PATTERNS },
      { id: 'copy-ssh-clone-url', title: 'Copy SSH clone URL', targetUrlPatterns: CLOUD_REPOSITORY_LINK_PATTERNS },
      { id: 'open-in-azure-devops', title: 'Open in Azure DevOps', targetUrlPatterns: REPOSITORY_LINK_PATTERNS },
    ]);
    expect(cloneItemTitle(desktopClient(undefined), false)).toBe('Clone in GitKraken Desktop');
  });

  it('says on Windows that Fork takes the link on macOS only', () => {
    expect(cloneItemTitle(desktopClient('fork'), true)).toBe('Clone in Fork (macOS only)');
    expect(cloneItemTitle(desktopClient('fork'), false)).toBe('Clone in Fork');
  });

  it('offers to copy the clone URL for a client that cannot be handed one', () => {
    expect(cloneItemTitle(desktopClient('sublime-merge'), false)).toBe('Copy clone URL for Sublime Merge');
    expect(repositoryLinkAction('clone-in-client', IOS, { client: desktopClient('sublime-merge'), protocol: 'ssh' })).toEqual({
      kind: 'copy',
      text: IOS_SSH,
    });
  });

  const https = { client: desktopClient('gitkraken'), protocol: 'https' as const };

  it('copies canonical clone URLs, the dev.azure.com form for a legacy link', () => {
    const legacy = 'https://contoso.visualstudio.com/DefaultCollection/Mobile%20App/_git/ios-app?path=/README.md';
    expect(repositoryLinkAction('copy-https-clone-url', legacy, https)).toEqual({ kind: 'copy', text: IOS });
    expect(repositoryLinkAction('copy-ssh-clone-url', legacy, https)).toEqual({ kind: 'copy', text: IOS_SSH });
    expect(repositoryLinkAction('copy-https-clone-url', SERVER, https)).toEqual({ kind: 'copy', text: SERVER });
  });

  it('opens the repository page, rebuilt from its names, for a link deep inside it', () => {
    expect(repositoryLinkAction('open-in-azure-devops', 'https://contoso.visualstudio.com/Mobile%20App/_git/ios-app/pullrequest/3', https)).toEqual({
      kind: 'open-tab',
      url: IOS,
    });
  });

  it('opens web links of clients in a tab and hands custom-scheme links to the app', () => {
    expect(repositoryLinkAction('clone-in-client', IOS, https)).toMatchObject({ kind: 'open-tab', url: expect.stringMatching(/^https:\/\/gitkraken\.dev\/link\//) });
    expect(repositoryLinkAction('clone-in-client', IOS, { client: desktopClient('vscode'), protocol: 'ssh' })).toEqual({
      kind: 'hand-to-app',
      url: `vscode://vscode.git/clone?url=${encodeURIComponent('ssh://git@ssh.dev.azure.com/v3/contoso/Mobile%20App/ios-app')}`,
    });
  });

  it('does nothing for a link that is not a repository, an SSH URL the link does not give, or an unknown entry', () => {
    for (const link of [...OTHER_LINKS, 'https://dev.azure.com.evil.example/contoso/Mobile%20App/_git/ios-app', 'javascript:alert(1)//_git/x', undefined, 42]) {
      for (const id of ['clone-in-client', 'copy-https-clone-url', 'copy-ssh-clone-url', 'open-in-azure-devops']) {
        expect(repositoryLinkAction(id, link, https), `${id} ${String(link)}`).toBeNull();
      }
    }
    expect(repositoryLinkAction('copy-ssh-clone-url', SERVER, https)).toBeNull();
    expect(repositoryLinkAction('delete-everything', IOS, https)).toBeNull();
  });
});
