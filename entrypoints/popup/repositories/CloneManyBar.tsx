import { useSignal } from '@preact/signals';
import type { RepositoryView } from '@/lib/repositories/repository-cache';
import type { CloneScriptShell } from '@/lib/clone-script/build-clone-script';
import { usePopupState } from '../state';
import { copyText } from '@/lib/ui/copy-text';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { appErrors } from '@/lib/errors/error-messages';

/** Windows users get PowerShell first; everyone can choose. */
function defaultShell(): CloneScriptShell {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform;
  return /^win/i.test(platform) ? 'powershell' : 'bash';
}

/**
 * The repositories ticked in the list, and "Copy clone script": one script that clones them all
 * (docs/keyboard.md#clone-many). The script's code loads only when it is copied.
 */
export function CloneManyBar({
  selected,
  orgNames,
  protocol,
  onClear,
}: {
  /** In list order. */
  selected: readonly RepositoryView[];
  orgNames: ReadonlyMap<string, string>;
  protocol: 'https' | 'ssh';
  onClear: () => void;
}) {
  const state = usePopupState();
  const shell = useSignal<CloneScriptShell>(defaultShell());
  /** The script the browser did not let us copy, shown to be copied by hand. */
  const notCopied = useSignal<{ what: string; script: string } | null>(null);
  if (selected.length === 0) return null;

  async function copyScript() {
    const { buildCloneScript } = await import('@/lib/clone-script/build-clone-script');
    const script = buildCloneScript(
      selected.map((repo) => ({
        organization: orgNames.get(repo.orgKey) ?? '',
        project: repo.projectName,
        repository: repo.name,
        cloneUrl: protocol === 'ssh' && repo.sshUrl ? repo.sshUrl : repo.httpsUrl,
      })),
      shell.value,
    );
    const what = `${shell.value === 'bash' ? 'bash' : 'PowerShell'} script that clones ${selected.length === 1 ? 'the selected repository' : `the ${selected.length} selected repositories`}`;
    const copied = await copyText(script);
    notCopied.value = copied ? null : { what, script };
    if (copied) state.announce(`Copied a ${what}. Run it in the folder to clone into.`);
  }

  return (
    <div class="clone-many row small" role="group" aria-label="Selected repositories">
      <strong>{selected.length} selected</strong>
      <label>
        Script for{' '}
        <select value={shell.value} onChange={(event) => (shell.value = event.currentTarget.value === 'powershell' ? 'powershell' : 'bash')}>
          <option value="bash">bash</option>
          <option value="powershell">PowerShell</option>
        </select>
      </label>
      <button class="secondary small" type="button" onClick={() => void copyScript()}>
        Copy clone script
      </button>
      <button class="link small" type="button" onClick={onClear}>
        Clear selection
      </button>
      {notCopied.value && (
        <>
          <ErrorNotice error={appErrors.clipboardRefused(notCopied.value.what)} />
          <textarea class="command" readOnly rows={6} aria-label="Clone script" value={notCopied.value.script} />
        </>
      )}
    </div>
  );
}
