import { useSignal } from '@preact/signals';
import type { RepositoryView } from '@/lib/messaging/protocol';
import type { DesktopClient } from '@/lib/clients/desktop-clients';
import { usePopupState } from '../state';

/** Nothing tells a page whether a custom-scheme link opened an app: after this, offer the way out. */
const DID_NOT_OPEN_AFTER_MS = 3000;

export function RepositoryRow({
  repo,
  organization,
  client,
  protocol,
}: {
  repo: RepositoryView;
  organization: string;
  client: DesktopClient;
  protocol: 'https' | 'ssh';
}) {
  const state = usePopupState();
  const offerFallback = useSignal(false);
  const cloneUrl = protocol === 'ssh' && repo.sshUrl ? repo.sshUrl : repo.httpsUrl;
  const link = client.link({ httpsUrl: repo.httpsUrl, sshUrl: repo.sshUrl, protocol, branch: null });

  function cloned() {
    setTimeout(() => (offerFallback.value = true), DID_NOT_OPEN_AFTER_MS);
  }

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      state.announce(`Copied the ${what} of ${repo.name}.`);
    } catch {
      state.announce(`Could not copy. Select the URL and copy it yourself: ${text}`);
    }
  }

  return (
    <li class="repo-row" data-repository={repo.name}>
      <div class="repo-title">
        <a href={repo.webUrl} target="_blank" rel="noreferrer" class="repo-name">
          {repo.name}
        </a>
        {repo.isFork && <span class="badge">fork</span>}
      </div>
      <div class="muted small">
        {organization} / {repo.projectName}
        {repo.defaultBranch ? ` · ${repo.defaultBranch}` : ' · empty'}
      </div>
      <div class="row small">
        {link ? (
          <a class="button-link" href={link} target={link.startsWith('https:') ? '_blank' : undefined} rel="noreferrer" onClick={cloned}>
            Clone in {client.name}
          </a>
        ) : (
          <span class="muted">{client.note}</span>
        )}
        <button class="link small" type="button" onClick={() => copy(cloneUrl, protocol === 'ssh' && repo.sshUrl ? 'SSH clone URL' : 'HTTPS clone URL')}>
          Copy {protocol === 'ssh' && repo.sshUrl ? 'SSH' : 'HTTPS'} URL
        </button>
        <button class="link small" type="button" onClick={() => copy(`git clone ${cloneUrl}`, 'git clone command')}>
          Copy git clone
        </button>
        <button class="link small" type="button" aria-label={`Forks of ${repo.name}`} onClick={() => state.go({ name: 'forks', repository: repo })}>
          Forks
        </button>
      </div>
      {offerFallback.value && (
        <p class="muted small">
          Didn’t open?{' '}
          <a href={client.installUrl} target="_blank" rel="noreferrer">
            Install {client.name}
          </a>{' '}
          or copy the URL.
        </p>
      )}
    </li>
  );
}
