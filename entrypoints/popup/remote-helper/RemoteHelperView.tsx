import { useComputed, useSignal } from '@preact/signals';
import { adviseRemote } from '@/lib/azure/remote-rewrite';
import { usePopupState } from '../state';
import { GoButton, ScreenSection } from '../ScreenSection';

/** Paste any remote URL: is it Azure DevOps, which repository, and the command to modernise it. */
export function RemoteHelperView() {
  const state = usePopupState();
  const input = useSignal('');
  const remoteName = useSignal('origin');
  const advice = useComputed(() => (input.value.trim() ? adviseRemote(input.value, remoteName.value.trim() || 'origin') : null));

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      state.announce(`Copied the ${what}.`);
    } catch {
      state.announce('Could not copy: select the text and copy it yourself.');
    }
  }

  const result = advice.value;
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
