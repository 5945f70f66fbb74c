import { useComputed, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { adviseRemote } from '@/lib/azure/remote-rewrite';
import { desktopClient } from '@/lib/clients/desktop-clients';
import type { RepositoryListView } from '@/lib/repositories/repository-cache';
import { sendMessage } from '@/lib/messaging/send-message';
import { copyText } from '@/lib/ui/copy-text';
import { appErrors } from '@/lib/errors/error-messages';
import { usePopupState } from '../state';
import { GoButton, ScreenSection } from '../ScreenSection';
import { RepositoryRow } from '../repositories/RepositoryRow';
import { useClonePreferences } from '../repositories/clone-preferences';
import { DidNotOpen, useDidNotOpen } from '../repositories/DidNotOpen';

/** Paste any remote URL: is it Azure DevOps, which repository, and the command to modernise it. */
export function RemoteHelperView() {
  const state = usePopupState();
  const input = useSignal('');
  const remoteName = useSignal('origin');
  const advice = useComputed(() => (input.value.trim() ? adviseRemote(input.value, remoteName.value.trim() || 'origin') : null));
  // Signed in: the repositories of the connected organizations, to show a pasted one's card.
  const known = useSignal<RepositoryListView | null>(null);
  const preferences = useClonePreferences();
  const didNotOpen = useDidNotOpen();
  useEffect(() => {
    if (!state.accounts.value.length) return;
    void (async () => {
      let answer = await sendMessage('repositories.list', {});
      if (answer.ok && answer.data.organizations.some((o) => o.refreshedAt === null)) answer = await sendMessage('repositories.refresh', {});
      if (answer.ok) known.value = answer.data;
    })();
  }, []);

  async function copy(text: string, what: string) {
    if (await copyText(text)) state.announce(`Copied the ${what}.`);
    else state.announce(appErrors.clipboardRefused(what, text).message);
  }

  const result = advice.value;
  const wanted = result?.repo.httpsUrl.toLowerCase();
  // Azure DevOps names are not case-sensitive; both URLs are in their canonical form.
  const match = wanted ? known.value?.repositories.find((r) => r.httpsUrl.toLowerCase() === wanted) : undefined;
  const organization = match && known.value?.organizations.find((o) => o.key === match.orgKey);
  const client = desktopClient(preferences.clientId.value);
  return (
    <ScreenSection id="remote-helper-title" title="Remote URL helper" actions={<GoButton to="home">Back</GoButton>}>
      <label class="field">
        <span>Remote URL</span>
        <input
          type="text"
          spellcheck={false}
          placeholder="https://org.visualstudio.com/Project/_git/repo"
          value={input.value}
          aria-describedby="remote-helper-result"
          onInput={(event) => (input.value = event.currentTarget.value)}
        />
      </label>
      <div id="remote-helper-result" role="status">
        {input.value.trim() && !result && <p class="notice notice-info">This is not an Azure DevOps repository URL.</p>}
        {result && (
          <div class="card" data-kind={result.repo.kind}>
            <dl class="remote-card">
              <dt>{result.repo.kind === 'cloud' ? 'Organization' : 'Collection'}</dt>
              <dd>{result.repo.organization}</dd>
              <dt>Project</dt>
              <dd>{result.repo.project}</dd>
              <dt>Repository</dt>
              <dd>{result.repo.repository}</dd>
            </dl>
            {result.command ? (
              <>
                <p class="small">
                  {result.reason === 'legacy-host'
                    ? 'This remote uses the old visualstudio.com address. It still works, but dev.azure.com is the current one:'
                    : 'This remote carries a user name that Git does not need:'}
                </p>
                <code class="command">{result.command}</code>
              </>
            ) : (
              <p class="ok small">This remote already uses the current address.</p>
            )}
          </div>
        )}
      </div>
      {match && (
        <div class="card" data-repository={match.name}>
          <RepositoryRow repo={match} organization={organization?.name ?? ''} client={client} protocol={preferences.protocol.value} current updatedAt={match.updatedAt} onClone={didNotOpen.cloned} />
          <DidNotOpen name={didNotOpen.name.value} client={client} />
        </div>
      )}
      {result?.command && (
        <div class="row">
          <label class="field">
            <span>Remote name</span>
            <input type="text" spellcheck={false} value={remoteName.value} onInput={(event) => (remoteName.value = event.currentTarget.value)} />
          </label>
          <button class="primary small" type="button" onClick={() => copy(result.command!, 'git remote set-url command')}>
            Copy command
          </button>
        </div>
      )}
    </ScreenSection>
  );
}
