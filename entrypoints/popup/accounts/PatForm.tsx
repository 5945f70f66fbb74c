import { useSignal, useComputed } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { parseHostInput } from '@/lib/auth/pat-input';
import { PAT_SCOPES_BY_FEATURE } from '@/lib/auth/pat-scopes';
import { sendMessage } from '@/lib/messaging/send-message';
import { appErrors } from '@/lib/errors/error-messages';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { usePopupState } from '../state';
import { useAction } from '../use-action';

// The popup closes when "Generate a token" opens a tab: keep what was typed in the host field
// (never the token) so it is still there when the user comes back.
const hostDraft = storage.defineItem<string>('session:pat-host-draft', { fallback: '' });

export function PatForm({ initialHost, notice }: { initialHost?: string; notice?: string }) {
  const state = usePopupState();
  const host = useSignal(initialHost ?? '');
  const token = useSignal('');
  const { busy, error, run } = useAction();
  const parsedHost = useComputed(() => (host.value.trim() ? parseHostInput(host.value) : null));
  // A risky server (look-alike name, plain http) needs the user's word before a token goes to it.
  const hostWarning = useComputed(() => (parsedHost.value?.ok ? (parsedHost.value.warning ?? null) : null));
  const trusted = useSignal(false);

  useEffect(() => {
    if (initialHost) return;
    void hostDraft.getValue().then((draft) => {
      if (draft && !host.value) host.value = draft;
    });
  }, []);

  function onHostInput(value: string) {
    host.value = value;
    trusted.value = false;
    void hostDraft.setValue(value);
  }

  async function openTokenPage() {
    const parsed = parsedHost.value;
    if (parsed?.ok) await browser.tabs.create({ url: parsed.target.tokenPageUrl });
  }

  async function connect(event: Event) {
    event.preventDefault();
    error.value = null;
    const parsed = parsedHost.value;
    // Azure DevOps Server hosts are optional permissions, asked for while we still have the click.
    if (parsed?.ok && parsed.target.kind === 'server') {
      const granted = await browser.permissions.request({ origins: [`${parsed.target.origin}/*`] }).catch(() => false);
      if (!granted) {
        error.value = appErrors.serverPermissionNeeded(parsed.target.origin);
        return;
      }
    }
    const warning = hostWarning.value;
    const data = await run(() =>
      sendMessage('accounts.connectPat', {
        host: host.value,
        token: token.value,
        ...(warning && trusted.value ? { acceptedWarning: warning.kind } : {}),
      }),
    );
    if (!data) return;
    token.value = '';
    await hostDraft.removeValue();
    await state.reload();
    state.announce(`Connected to ${data.organization.name} as ${data.account.displayName}.`);
    state.go({ name: 'accounts' });
  }

  const invalidField = error.value?.details?.field;
  const hostProblem = parsedHost.value && !parsedHost.value.ok ? parsedHost.value.message : null;

  // Reached from elsewhere (an organization that refused OAuth): say why there is no form.
  if (state.policy.value?.patSignIn === false) {
    return (
      <section class="stack" aria-labelledby="pat-title">
        <h2 tabIndex={-1} id="pat-title">Connect with a Personal Access Token</h2>
        <p class="notice notice-info">{appErrors.patSignInNotAllowedByPolicy().message}</p>
        <button class="link" type="button" onClick={() => state.goHome()}>
          Back
        </button>
      </section>
    );
  }

  return (
    <form class="stack" onSubmit={connect} aria-labelledby="pat-title" noValidate>
      <h2 tabIndex={-1} id="pat-title">Connect with a Personal Access Token</h2>
      {notice && <p class="notice notice-info">{notice}</p>}
      <label class="field">
        <span>Organization or server</span>
        <input
          name="host"
          type="text"
          autoComplete="url"
          spellcheck={false}
          placeholder="dev.azure.com/your-organization"
          value={host.value}
          aria-invalid={invalidField === 'host' || Boolean(hostProblem)}
          aria-describedby={hostProblem ? 'host-problem' : undefined}
          onInput={(event) => onHostInput(event.currentTarget.value)}
        />
      </label>
      {hostProblem && (
        <small id="host-problem" class="field-hint field-hint-error">
          {hostProblem}
        </small>
      )}
      {hostWarning.value && (
        <div class="notice notice-warning" data-warning={hostWarning.value.kind}>
          <p id="host-warning">{hostWarning.value.message}</p>
          <label>
            <input
              type="checkbox"
              aria-describedby="host-warning"
              checked={trusted.value}
              onChange={(event) => (trusted.value = event.currentTarget.checked)}
            />
            I trust this server; send my token to it
          </label>
        </div>
      )}
      <button class="secondary" type="button" disabled={!parsedHost.value?.ok} onClick={openTokenPage}>
        Generate a token on Azure DevOps
      </button>
      <details class="scopes">
        <summary>Which scopes to tick</summary>
        <ul>
          {PAT_SCOPES_BY_FEATURE.map((row) => (
            <li key={row.feature}>
              <strong>{row.feature}</strong>: {row.scope}
            </li>
          ))}
        </ul>
      </details>
      <label class="field">
        <span>Personal Access Token</span>
        <input
          name="token"
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={token.value}
          aria-invalid={invalidField === 'token'}
          onInput={(event) => (token.value = event.currentTarget.value)}
        />
      </label>
      <ErrorNotice error={error.value} />
      <div class="row">
        <button class="primary" type="submit" disabled={busy.value || (hostWarning.value !== null && !trusted.value)}>
          {busy.value ? 'Connecting…' : 'Connect'}
        </button>
        <button
          class="link"
          type="button"
          onClick={() => state.goHome()}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
