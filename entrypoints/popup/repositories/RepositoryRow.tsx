import type { RepositoryView } from '@/lib/repositories/repository-cache';
import type { DesktopClient } from '@/lib/clients/desktop-clients';
import { cloneLinkWithIds } from '@/lib/clients/visual-studio-link';
import { gitCommand } from '@/lib/shell/git-command';
import { copyText } from '@/lib/ui/copy-text';
import { appErrors } from '@/lib/errors/error-messages';
import { timeAgo } from '@/lib/ui/time-ago';
import { usePopupState } from '../state';

/**
 * One repository. Only the current row's controls are in the tab order (roving tabindex): Tab leaves
 * the list after the current row, arrow keys move between rows (RepositoryList). The primary control
 * (`data-primary`), where arrow keys land, is the clone action, so Enter clones.
 */
export function RepositoryRow({
  repo,
  organization,
  client,
  protocol,
  current,
  updatedAt,
  onClone,
  selection,
}: {
  repo: RepositoryView;
  organization: string;
  client: DesktopClient;
  protocol: 'https' | 'ssh';
  current: boolean;
  /** When its default branch last changed; undefined while not known. */
  updatedAt?: string | null;
  onClone: (repo: RepositoryView) => void;
  /** In the repository list: a box to tick it for a clone script. */
  selection?: { selected: boolean; onSelect: (on: boolean, range: boolean) => void };
}) {
  const state = usePopupState();
  const ssh = protocol === 'ssh' && repo.sshUrl !== null;
  const cloneUrl = ssh ? repo.sshUrl! : repo.httpsUrl;
  // The organization key is its base URL: Azure DevOps' collection URL, with the slash it ends with there.
  const ids = { collectionUrl: `${repo.orgKey}/`, projectId: repo.projectId, repositoryId: repo.id };
  const link = cloneLinkWithIds(client, { httpsUrl: repo.httpsUrl, sshUrl: repo.sshUrl, protocol, branch: null }, ids);
  const tabIndex = current ? 0 : -1;
  const describedBy = `repo-${repo.id}-about`;

  async function copy(text: string, what: string) {
    if (await copyText(text)) state.announce(`Copied the ${what} of ${repo.name}.`);
    else state.announce(appErrors.clipboardRefused(what, text).message);
  }

  return (
    <>
      <div class="repo-title">
        {selection && (
          <input
            type="checkbox"
            tabIndex={tabIndex}
            checked={selection.selected}
            aria-label={`Select ${repo.name} for a clone script`}
            onClick={(event) => selection.onSelect(event.currentTarget.checked, event.shiftKey)}
          />
        )}
        <a href={repo.webUrl} target="_blank" rel="noreferrer" class="repo-name" tabIndex={tabIndex} title="Open in Azure DevOps">
          {repo.name}
        </a>
        {repo.isFork && <span class="badge">fork</span>}
        {updatedAt && (
          <time class="muted small repo-updated" dateTime={updatedAt} title={new Date(updatedAt).toLocaleString()}>
            updated {timeAgo(updatedAt)}
          </time>
        )}
      </div>
      <div id={describedBy} class="muted small repo-about">
        {organization} / {repo.projectName} · {repo.defaultBranch ?? 'empty'}
      </div>
      <div class="row small">
        {link ? (
          <a
            class="button-link"
            data-primary
            href={link}
            target={link.startsWith('https:') ? '_blank' : undefined}
            rel="noreferrer"
            tabIndex={tabIndex}
            aria-describedby={describedBy}
            onClick={() => onClone(repo)}
          >
            Clone in {client.name}
          </a>
        ) : (
          <span class="muted">{client.note}</span>
        )}
        <button class="link small" type="button" data-primary={link ? undefined : true} tabIndex={tabIndex} aria-describedby={describedBy} onClick={() => copy(cloneUrl, ssh ? 'SSH clone URL' : 'HTTPS clone URL')}>
          Copy {ssh ? 'SSH' : 'HTTPS'} URL
        </button>
        <button class="link small" type="button" tabIndex={tabIndex} onClick={() => copy(gitCommand('clone', cloneUrl), 'git clone command')}>
          Copy git clone
        </button>
        <button class="link small" type="button" tabIndex={tabIndex} aria-label={`Forks of ${repo.name}`} onClick={() => state.go({ name: 'forks', repository: repo })}>
          Forks
        </button>
      </div>
    </>
  );
}
