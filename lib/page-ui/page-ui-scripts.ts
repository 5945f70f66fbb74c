/**
 * The scripts the background injects into an Azure DevOps page when a user first needs them, by
 * name: the only files a content script may ask for (WXT builds each from entrypoints/<name>).
 * They keep the script every page loads small (docs/page-footprint.md).
 */
export const PAGE_UI_SCRIPTS = {
  /** The quick "Create pull request" dialog, with Preact. */
  'pull-request-dialog': '/pull-request-dialog.js',
  /** The menus of "Copy clone URL" and "Clone in <client>", and the desktop client catalogue. */
  'page-menus': '/page-menus.js',
  /** The viewed branch's open pull requests through the page's own sign-in, when no account serves the organization. */
  'branch-pull-requests': '/branch-pull-requests.js',
  /** A Server repository's SSH URL through the page's own sign-in, when its copy menu first opens. */
  'server-ssh-url': '/server-ssh-url.js',
} as const;

export type PageUiName = keyof typeof PAGE_UI_SCRIPTS;
export const PAGE_UI_NAMES = Object.keys(PAGE_UI_SCRIPTS) as [PageUiName, ...PageUiName[]];

/**
 * The page script of Azure DevOps Server hosts (entrypoints/content/azure-devops-server): registered at run
 * time for each granted Server host, never loaded on the cloud (docs/azure-devops-hosts.md#server-pages).
 */
export const AZURE_DEVOPS_SERVER_PAGE_SCRIPT = 'azure-devops-server.js';
