import { parseAzureRemote } from '../azure/remote-url';
import { clientLabel, type DesktopClient } from '../clients/desktop-clients';

/**
 * The context menu on links to Azure DevOps repositories, as data: which entries, on which links,
 * and what a click does. The background wires it to the browser (docs/context-menu.md).
 */

/**
 * Cloud repository links: every web or HTTPS clone URL of a cloud repository has a `_git` segment
 * after the organization or project (`dev.azure.com/{org}[/{project}]/_git/…`,
 * `{org}.visualstudio.com[/DefaultCollection][/{project}]/_git/…`). They are also the only links
 * whose SSH URL follows from the link (a Server's SSH host and port are not in its web URL), so
 * "Copy SSH clone URL" appears only on them. `*` as scheme means http and https, and patterns ignore
 * ports and user names. SSH links cannot be matched (no match pattern takes the ssh scheme). The
 * handler still parses the link and ignores what it does not recognise: a pattern is only a first sieve.
 */
export const CLOUD_REPOSITORY_LINK_PATTERNS: readonly string[] = [
  '*://dev.azure.com/*/_git/*',
  '*://*.visualstudio.com/_git/*',
  '*://*.visualstudio.com/*/_git/*',
];

/**
 * Links to the repositories of the Azure DevOps Server hosts the user granted (with an account):
 * `{scheme}://{host}/*\/_git/*`, collection and project before `_git`. Any other site's `_git`
 * links are no Azure DevOps the user told us of (docs/context-menu.md#server-links).
 */
export function serverRepositoryLinkPatterns(serverOrigins: readonly string[]): string[] {
  return serverOrigins.map((origin) => {
    const url = new URL(origin);
    return `${url.protocol}//${url.hostname}/*/_git/*`;
  });
}

export type RepositoryLinkItemId = 'clone-in-client' | 'copy-https-clone-url' | 'copy-ssh-clone-url' | 'open-in-azure-devops';

export interface RepositoryLinkItem {
  id: RepositoryLinkItemId;
  title: string;
  targetUrlPatterns: readonly string[];
}

/** The entries that take any repository link, cloud or a granted Server's. */
export const ANY_REPOSITORY_LINK_ITEMS: readonly RepositoryLinkItemId[] = ['clone-in-client', 'copy-https-clone-url', 'open-in-azure-devops'];

/** Where the entries that take any repository link appear: cloud links and those of the granted Server hosts. */
export function repositoryLinkPatterns(serverOrigins: readonly string[]): string[] {
  return [...CLOUD_REPOSITORY_LINK_PATTERNS, ...serverRepositoryLinkPatterns(serverOrigins)];
}

/** The entries, in menu order, with "Clone in" naming the user's default client. */
export function repositoryLinkMenu(client: DesktopClient, windows: boolean, serverOrigins: readonly string[] = []): RepositoryLinkItem[] {
  const patterns = repositoryLinkPatterns(serverOrigins);
  return [
    { id: 'clone-in-client', title: cloneItemTitle(client, windows), targetUrlPatterns: patterns },
    { id: 'copy-https-clone-url', title: 'Copy HTTPS clone URL', targetUrlPatterns: patterns },
    { id: 'copy-ssh-clone-url', title: 'Copy SSH clone URL', targetUrlPatterns: CLOUD_REPOSITORY_LINK_PATTERNS },
    { id: 'open-in-azure-devops', title: 'Open in Azure DevOps', targetUrlPatterns: patterns },
  ];
}

/**
 * "Clone in <client>"; for a client that cannot be handed a clone URL (Sublime Merge) the entry copies
 * the URL for its own Clone dialog, and says so. A client whose link does not work on this system
 * (Fork on Windows) says where it does: a menu entry has no room for the whole note.
 */
export function cloneItemTitle(client: DesktopClient, windows: boolean): string {
  // Whether a client takes links does not depend on the repository (docs/desktop-clients.md).
  const takesLinks = client.link({ httpsUrl: 'https://dev.azure.com/o/p/_git/r', sshUrl: null, protocol: 'https' }) !== null;
  if (!takesLinks) return `Copy clone URL for ${client.name}`;
  return `Clone in ${clientLabel(client, windows)}`;
}

/** What a click asks the browser to do. */
export type RepositoryLinkAction =
  | { kind: 'copy'; text: string }
  /** A web page, in a new tab beside the link's. */
  | { kind: 'open-tab'; url: string }
  /** A custom-scheme link the browser hands to a desktop app. */
  | { kind: 'hand-to-app'; url: string };

/**
 * The action of entry `itemId` on the link `linkUrl` (both as the browser reports the click), with the
 * user's clone choices. Null, and nothing happens, for a link that is not an Azure DevOps repository,
 * an unknown entry, or an SSH URL the link does not give. Every URL is rebuilt from the parsed names,
 * never taken from the page.
 */
export function repositoryLinkAction(
  itemId: unknown,
  linkUrl: unknown,
  choice: { client: DesktopClient; protocol: 'https' | 'ssh' },
): RepositoryLinkAction | null {
  if (typeof linkUrl !== 'string') return null;
  const repo = parseAzureRemote(linkUrl);
  if (!repo) return null;
  switch (itemId) {
    case 'copy-https-clone-url':
      return { kind: 'copy', text: repo.httpsUrl };
    case 'copy-ssh-clone-url':
      return repo.sshUrl ? { kind: 'copy', text: repo.sshUrl } : null;
    case 'open-in-azure-devops':
      return { kind: 'open-tab', url: repo.httpsUrl };
    case 'clone-in-client': {
      const link = choice.client.link({ httpsUrl: repo.httpsUrl, sshUrl: repo.sshUrl, protocol: choice.protocol });
      if (!link) return { kind: 'copy', text: choice.protocol === 'ssh' && repo.sshUrl ? repo.sshUrl : repo.httpsUrl };
      return link.startsWith('https:') ? { kind: 'open-tab', url: link } : { kind: 'hand-to-app', url: link };
    }
    default:
      return null;
  }
}
