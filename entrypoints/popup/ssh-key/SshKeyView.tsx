import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { generateSshKeyPair, SSH_KEY_SIZES, type SshKeyPair, type SshKeySize } from '@/lib/crypto/ssh-key';
import { appErrors } from '@/lib/errors/error-messages';
import type { AppErrorValue } from '@/lib/errors/app-error';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { usePopupState } from '../state';
import { copyText } from '@/lib/ui/copy-text';
import { SshKeyOrganizationRow } from './SshKeyOrganizationRow';
import { GoButton, ScreenSection } from '../ScreenSection';

/** The comment becomes the key's name on Azure DevOps, which the extension holds to 200 characters (docs/ssh-keys.md). */
const KEY_NAME_LIMIT = 200;

/** The file name the private key is offered under, and the one the config snippet names. */
export const PRIVATE_KEY_FILE = 'id_rsa_azure_devops';

/** docs/ssh-keys.md#ssh-config */
export const SSH_CONFIG_SNIPPET = `Host ssh.dev.azure.com\n  IdentityFile ~/.ssh/${PRIVATE_KEY_FILE}\n  IdentitiesOnly yes`;

/**
 * "SSH key": an RSA key pair made here, in the popup (docs/ssh-keys.md). The public key goes to the
 * clipboard and, on request, to Azure DevOps through the background; the private key exists only in
 * this popup's memory and as a download, and is never stored or sent anywhere.
 */
export function SshKeyView() {
  const state = usePopupState();
  const comment = useSignal(defaultComment(state.accounts.value[0]?.email));
  const bits = useSignal<SshKeySize>(3072);
  const generating = useSignal(false);
  const error = useSignal<AppErrorValue | null>(null);
  const pair = useSignal<SshKeyPair | null>(null);
  const copied = useSignal(false);
  const downloadUrl = useSignal<string | null>(null);

  // The private key's download URL lives as long as its key is on screen.
  useEffect(() => {
    const url = downloadUrl.value;
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [downloadUrl.value]);

  async function generate() {
    generating.value = true;
    error.value = null;
    try {
      const started = performance.now();
      const made = await generateSshKeyPair({ bits: bits.value, comment: comment.value });
      // Compared with ssh-keygen by tests/bench/popup-timings.ts.
      performance.measure('ado:ssh-key-generation', { start: started });
      pair.value = made;
      downloadUrl.value = URL.createObjectURL(new Blob([made.privateKey], { type: 'application/octet-stream' }));
      copied.value = await copyText(made.publicKey);
      if (!copied.value) error.value = appErrors.clipboardRefused('public key');
      state.announce(`Made an RSA ${made.bits} key${copied.value ? ' and copied the public key' : ''}.`);
    } catch {
      error.value = appErrors.sshKeyGenerationFailed();
    } finally {
      generating.value = false;
    }
  }

  async function copyConfig() {
    if (await copyText(SSH_CONFIG_SNIPPET)) state.announce('Copied the ~/.ssh/config lines.');
    else error.value = appErrors.clipboardRefused('~/.ssh/config lines');
  }

  const key = pair.value;
  const organizations = state.organizations.value.filter((o) => o.selected);
  return (
    <ScreenSection id="ssh-key-title" title="SSH key" actions={<GoButton to="home">Back</GoButton>}>
      <p class="small muted" id="ssh-key-hint">
        Azure DevOps accepts RSA keys only. The key is made in your browser; ADO Companion keeps no copy of the private key.
      </p>
      <div class="row">
        <label class="field">
          <span>Key comment</span>
          <input type="text" spellcheck={false} maxLength={KEY_NAME_LIMIT} value={comment.value} onInput={(event) => (comment.value = event.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Key size</span>
          <select value={String(bits.value)} onChange={(event) => (bits.value = Number(event.currentTarget.value) as SshKeySize)}>
            {SSH_KEY_SIZES.map((size) => (
              <option key={size} value={String(size)}>
                RSA {size}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button class="primary" type="button" disabled={generating.value} aria-describedby="ssh-key-hint" onClick={generate}>
        {generating.value ? 'Generating…' : 'Generate SSH key and copy to clipboard'}
      </button>
      <ErrorNotice error={error.value} />
      {key && (
        <div class="card" data-fingerprint={key.fingerprint}>
          {copied.value && <p class="ok small">The public key is on the clipboard.</p>}
          <div class="field">
            <span>Public key</span>
            <code class="command">
              {key.publicKey}
            </code>
          </div>
          <dl class="remote-card">
            <dt>Fingerprint</dt>
            <dd>{key.fingerprint}</dd>
            <dt>Type</dt>
            <dd>RSA {key.bits}</dd>
          </dl>
          {downloadUrl.value && (
            <a class="button-link" href={downloadUrl.value} download={PRIVATE_KEY_FILE}>
              Download the private key ({PRIVATE_KEY_FILE})
            </a>
          )}
          <p class="small">
            Save it as <code>~/.ssh/{PRIVATE_KEY_FILE}</code> and keep it private (<code>chmod 600</code>). It has no passphrase; add one with{' '}
            <code>ssh-keygen -p -f ~/.ssh/{PRIVATE_KEY_FILE}</code>.
          </p>
          <div class="field">
            <span>For ~/.ssh/config</span>
            <code class="command command-lines">
              {SSH_CONFIG_SNIPPET}
            </code>
          </div>
          <button class="secondary small" type="button" onClick={copyConfig}>
            Copy config lines
          </button>
        </div>
      )}
      {key && (
        <div class="stack">
          <h3 class="small">Add the public key to Azure DevOps</h3>
          {organizations.length === 0 ? (
            <p class="small muted">Connect an organization to add the key from here.</p>
          ) : (
            <ul class="org-rows">
              {organizations.map((organization) => (
                <SshKeyOrganizationRow
                  key={`${organization.key}:${key.fingerprint}`}
                  organization={organization}
                  account={state.accounts.value.find((a) => a.id === organization.accountId)}
                  publicKey={key.publicKey}
                  displayName={(key.comment || 'ADO Companion').slice(0, KEY_NAME_LIMIT)}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </ScreenSection>
  );
}

function defaultComment(email: string | undefined): string {
  const day = new Date().toISOString().slice(0, 10);
  return `${email || 'ado-companion'} ${day}`;
}
