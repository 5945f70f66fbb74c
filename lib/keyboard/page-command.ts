import { detectAzurePage } from '../azure/page-detect';
import type { DesktopClient } from '../clients/desktop-clients';

/** The keyboard commands that act on the repository of the active tab (wxt.config.ts `commands`). */
export const PAGE_COMMANDS = ['copy-clone-url', 'clone-in-client', 'create-pull-request'] as const;
export type PageCommand = (typeof PAGE_COMMANDS)[number];

/** What a keyboard command asks the browser to do in the active tab. */
export type PageCommandAction =
  | { kind: 'copy'; text: string; said: string }
  /** A web page, in a new tab beside the active one. */
  | { kind: 'open-tab'; url: string }
  /** A custom-scheme link the browser hands to a desktop app. */
  | { kind: 'hand-to-app'; url: string }
  | { kind: 'open-pull-request-dialog'; organization: string; project: string; repository: string; sourceBranch: string | null }
  /** The command does not apply here: say so, briefly, in the page. */
  | { kind: 'not-here'; said: string };

/**
 * The action of a keyboard command in a tab showing `tabUrl` (undefined when the browser does not
 * tell the extension, which happens on pages it may not read), with the user's clone choices.
 * Computed from the URL alone, like the page buttons: no network request.
 */
export function pageCommandAction(
  command: PageCommand,
  tabUrl: string | undefined,
  choice: { client: DesktopClient; protocol: 'https' | 'ssh' },
): PageCommandAction {
  const page = tabUrl ? detectAzurePage(tabUrl) : null;
  if (!page) return { kind: 'not-here', said: 'ADO Companion: this tab shows no Azure DevOps repository.' };
  const { repo, branch } = page;
  const ssh = choice.protocol === 'ssh' && repo.sshUrl !== null;
  switch (command) {
    case 'copy-clone-url':
      return ssh
        ? { kind: 'copy', text: repo.sshUrl!, said: 'Copied the SSH clone URL.' }
        : { kind: 'copy', text: repo.httpsUrl, said: 'Copied the HTTPS clone URL.' };
    case 'clone-in-client': {
      const link = choice.client.link({ httpsUrl: repo.httpsUrl, sshUrl: repo.sshUrl, protocol: choice.protocol, branch });
      if (!link) {
        const text = ssh ? repo.sshUrl! : repo.httpsUrl;
        return { kind: 'copy', text, said: `${choice.client.name} takes no links: copied the clone URL for its Clone dialog.` };
      }
      return link.startsWith('https:') ? { kind: 'open-tab', url: link } : { kind: 'hand-to-app', url: link };
    }
    case 'create-pull-request':
      // The dialog runs where the page buttons do: Azure DevOps Services pages.
      if (repo.kind !== 'cloud') return { kind: 'not-here', said: 'ADO Companion: "Create pull request" works on dev.azure.com pages.' };
      return { kind: 'open-pull-request-dialog', organization: repo.organization, project: repo.project, repository: repo.repository, sourceBranch: branch };
  }
}
