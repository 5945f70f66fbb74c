/**
 * Desktop Git clients and the links that hand them a repository to clone (docs/desktop-clients.md).
 * Pure: a link is computed from the repository's clone URLs and the branch alone, with no network
 * request, so it is ready the moment a page or a link is seen.
 */
import { cloneUrlFor, linkBranch, type CloneRequest } from './clone-request';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_NAME, gitKrakenLink } from './gitkraken-link';

export type { CloneRequest };
export { DEFAULT_CLIENT_ID };

export interface DesktopClient {
  id: string;
  name: string;
  /** Where to get it, for "Didn't open? Install …". */
  installUrl: string;
  /** Whether the link carries the branch. */
  takesBranch: boolean;
  /** The link, or null when the client has no way to be handed a clone URL (copy the URL instead). */
  link(request: CloneRequest): string | null;
  /** What the user should know before relying on it. */
  note?: string;
  /** Its link works on macOS only (Fork): where it is offered on Windows, `note` says so. */
  macOSOnly?: boolean;
}

const enc = encodeURIComponent;

/** VS Code's git extension handler, shared by its forks (`vscode.git/clone?url=…&ref=…`). */
function vscodeFamily(id: string, name: string, scheme: string, installUrl: string, note?: string): DesktopClient {
  return {
    id,
    name,
    installUrl,
    takesBranch: true,
    ...(note ? { note } : {}),
    link: (request) => {
      const branch = linkBranch(request);
      // `git@host:path` → `ssh://git@host/path`: the form the handler accepts in every version.
      const url = cloneUrlFor(request).replace(/^([^@/:]+@[^/:]+):/, 'ssh://$1/');
      return `${scheme}://vscode.git/clone?url=${enc(url)}${branch ? `&ref=${enc(branch)}` : ''}`;
    },
  };
}

/** The clone link GitLab's and Bitbucket's "Clone in Sourcetree" send; Fork on macOS takes it too. */
function sourcetreeLink(request: CloneRequest): string {
  return `sourcetree://cloneRepo?cloneUrl=${enc(cloneUrlFor(request))}`;
}

const JETBRAINS_TOOLS: readonly (readonly [tag: string, name: string])[] = [
  ['idea', 'IntelliJ IDEA'],
  ['pycharm', 'PyCharm'],
  ['web-storm', 'WebStorm'],
  ['rd', 'Rider'],
  ['goland', 'GoLand'],
  ['clion', 'CLion'],
  ['php-storm', 'PhpStorm'],
  ['rubymine', 'RubyMine'],
];

export const DESKTOP_CLIENTS: readonly DesktopClient[] = [
  { id: DEFAULT_CLIENT_ID, name: DEFAULT_CLIENT_NAME, installUrl: 'https://www.gitkraken.com/download', takesBranch: true, link: gitKrakenLink },
  vscodeFamily('vscode', 'Visual Studio Code', 'vscode', 'https://code.visualstudio.com/download'),
  vscodeFamily('vscode-insiders', 'VS Code Insiders', 'vscode-insiders', 'https://code.visualstudio.com/insiders/'),
  vscodeFamily('vscodium', 'VSCodium', 'vscodium', 'https://vscodium.com/'),
  vscodeFamily('cursor', 'Cursor', 'cursor', 'https://cursor.com/downloads'),
  vscodeFamily('windsurf', 'Windsurf', 'windsurf', 'https://windsurf.com/download'),
  {
    id: 'visual-studio',
    name: 'Visual Studio',
    installUrl: 'https://visualstudio.microsoft.com/downloads/',
    takesBranch: false,
    note: 'Windows only.',
    // What a clone URL alone can open; where the ids are known, cloneLinkWithIds gives Azure DevOps' own link.
    link: (request) => `git-client://clone?repo=${enc(cloneUrlFor(request))}`,
  },
  {
    id: 'github-desktop',
    name: 'GitHub Desktop',
    installUrl: 'https://desktop.github.com/download/',
    takesBranch: true,
    // The clone URL goes raw in the path, as GitHub's own links put it.
    link: (request) => {
      const branch = linkBranch(request);
      return `x-github-client://openRepo/${cloneUrlFor(request)}${branch ? `?branch=${enc(branch)}` : ''}`;
    },
  },
  {
    id: 'sourcetree',
    name: 'Sourcetree',
    installUrl: 'https://www.sourcetreeapp.com/',
    takesBranch: false,
    link: sourcetreeLink,
  },
  {
    id: 'fork',
    name: 'Fork',
    installUrl: 'https://git-fork.com/',
    takesBranch: false,
    note: 'Fork opens these links on macOS only, once “Open Sourcetree links” is on under Preferences → Integration.',
    macOSOnly: true,
    link: sourcetreeLink,
  },
  {
    id: 'tower',
    name: 'Tower',
    installUrl: 'https://www.git-tower.com/',
    takesBranch: false,
    link: (request) => `gittower://openRepo/${cloneUrlFor(request)}`,
  },
  ...JETBRAINS_TOOLS.map(
    ([tag, name]): DesktopClient => ({
      id: `jetbrains-${tag}`,
      name,
      installUrl: 'https://www.jetbrains.com/toolbox-app/',
      takesBranch: false,
      note: 'Needs the JetBrains Toolbox App.',
      link: (request) => `jetbrains://${tag}/checkout/git?checkout.repo=${enc(cloneUrlFor(request))}&idea.required.plugins.id=Git4Idea`,
    }),
  ),
  {
    id: 'sublime-merge',
    name: 'Sublime Merge',
    installUrl: 'https://www.sublimemerge.com/download',
    takesBranch: false,
    note: 'Sublime Merge cannot be handed a repository to clone: copy the URL and use File → Clone Repository.',
    link: () => null,
  },
];

/** The client with `id`, or the default one. */
export function desktopClient(id: string | null | undefined): DesktopClient {
  return DESKTOP_CLIENTS.find((client) => client.id === id) ?? DESKTOP_CLIENTS[0]!;
}

/** What a user should know before picking `client`, when its link does nothing on their system. */
export function clientPlatformNote(client: DesktopClient, windows: boolean): string | undefined {
  return windows && client.macOSOnly ? client.note : undefined;
}

/** The client's name where it is offered, marked when its link does nothing on this system. */
export function clientLabel(client: DesktopClient, windows: boolean): string {
  return clientPlatformNote(client, windows) ? `${client.name} (macOS only)` : client.name;
}

/** The link that clones `request` in client `id`; null when that client takes no link. */
export function buildCloneLink(id: string, request: CloneRequest): string | null {
  return desktopClient(id).link(request);
}
