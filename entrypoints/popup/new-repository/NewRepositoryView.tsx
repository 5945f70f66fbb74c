import { useComputed, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { CreatedRepositoryView, ProjectView } from '@/lib/new-repository/create-repository';
import type { OrganizationView } from '@/lib/auth/account-views';
import { sendMessage } from '@/lib/messaging/send-message';
import { appErrors } from '@/lib/errors/error-messages';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { desktopClient } from '@/lib/clients/desktop-clients';
import { repositoryNameProblem } from '@/lib/new-repository/repository-name';
import { GITIGNORE_TEMPLATES, LICENSE_TEMPLATES, licenseTemplate, type GitignoreId, type LicenseId } from '@/lib/new-repository/templates';
import { usePopupState } from '../state';
import { useAction } from '../use-action';
import { useClonePreferences } from '../repositories/clone-preferences';
import { RepositoryRow } from '../repositories/RepositoryRow';
import { ProjectSelect } from '../repositories/ProjectSelect';
import { DidNotOpen, useDidNotOpen } from '../repositories/DidNotOpen';
import { GoButton, ScreenSection } from '../ScreenSection';

/**
 * "New repository" (docs/azure-devops-rest.md#create-repository): organization, project, a name checked
 * as it is typed, and the files of the first commit. Only the choices go to the background, which
 * builds the files; a refusal keeps everything typed.
 */
export function NewRepositoryView() {
  const state = usePopupState();
  const organizations = state.organizations.value.filter((o) => o.selected);
  const orgKey = useSignal(organizations[0]?.key ?? '');
  const projects = useSignal<ProjectView[] | null>(null);
  const projectId = useSignal('');
  const name = useSignal('');
  const nameTouched = useSignal(false);
  const readme = useSignal(true);
  const gitignore = useSignal<GitignoreId | ''>('');
  const license = useSignal<LicenseId | ''>('');
  const holder = useSignal(accountName(organizations[0]));
  const created = useSignal<CreatedRepositoryView | null>(null);
  const loadingProjects = useAction();
  const creating = useAction();
  const preferences = useClonePreferences();
  const client = desktopClient(preferences.clientId.value);
  const didNotOpen = useDidNotOpen();
  const problem = useComputed(() => repositoryNameProblem(name.value.trim()));
  const showProblem = nameTouched.value && problem.value !== null;

  function accountName(organization: OrganizationView | undefined): string {
    return state.accounts.value.find((a) => a.id === organization?.accountId)?.displayName ?? '';
  }

  useEffect(() => {
    if (!orgKey.value) return;
    projects.value = null;
    // The projects of an organization the user has since left are dropped, not shown for the new one.
    let chosen = true;
    void loadingProjects.run(() => sendMessage('repositories.projects', { orgKey: orgKey.value }), () => chosen).then((answer) => {
      if (!answer) return;
      projects.value = answer.projects;
      if (!answer.projects.some((p) => p.id === projectId.value)) projectId.value = answer.projects[0]?.id ?? '';
    });
    return () => {
      chosen = false;
    };
  }, [orgKey.value]);

  function chooseOrganization(key: string) {
    const before = organizations.find((o) => o.key === orgKey.value);
    // The holder follows the organization's account unless the user typed one.
    if (holder.value === accountName(before)) holder.value = accountName(organizations.find((o) => o.key === key));
    orgKey.value = key;
  }

  async function create(event: Event) {
    event.preventDefault();
    nameTouched.value = true;
    if (problem.value) {
      document.getElementById('new-repository-name')?.focus();
      return;
    }
    const answer = await creating.run(() =>
      sendMessage('repositories.create', {
        orgKey: orgKey.value,
        projectId: projectId.value,
        name: name.value.trim(),
        readme: readme.value,
        ...(gitignore.value ? { gitignore: gitignore.value } : {}),
        ...(license.value ? { license: license.value, holder: holder.value.trim() } : {}),
      }),
    );
    if (!answer) return;
    created.value = answer;
    state.announce(`Created ${answer.repository.name}.`);
  }

  function createAnother() {
    created.value = null;
    name.value = '';
    nameTouched.value = false;
  }

  const organization = organizations.find((o) => o.key === orgKey.value);
  const result = created.value;
  return (
    <ScreenSection id="new-repository-title" title="New repository" actions={<GoButton to={{ name: 'repositories' }}>Repositories</GoButton>}>
      {organizations.length === 0 && <p class="notice notice-info">No organization is selected. Choose one under Accounts.</p>}
      {result && (
        <div class="stack" data-created={result.repository.name}>
          <p class="ok small">
            Created {result.repository.name} in {organization?.name} / {result.repository.projectName}
            {result.files.length ? ` with ${result.files.join(', ')} in its first commit.` : ', empty.'}
          </p>
          <ErrorNotice error={result.commitError ?? null} />
          <ul class="repo-list" aria-label="New repository">
            <li class="repo-row" data-repository={result.repository.name}>
              <RepositoryRow
                repo={result.repository}
                organization={organization?.name ?? ''}
                client={client}
                protocol={preferences.protocol.value}
                current
                onClone={didNotOpen.cloned}
              />
            </li>
          </ul>
          <DidNotOpen name={didNotOpen.name.value} client={client} />
          <button class="secondary" type="button" onClick={createAnother}>
            Create another
          </button>
        </div>
      )}
      {organizations.length > 0 && !result && (
        <form class="stack" onSubmit={create} noValidate>
          <div class="row">
            <label class="field">
              <span>Organization</span>
              <select value={orgKey.value} onChange={(event) => chooseOrganization(event.currentTarget.value)}>
                {organizations.map((o) => (
                  <option key={o.key} value={o.key}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
            <ProjectSelect projects={projects.value} projectId={projectId} loading={loadingProjects.busy.value} />
          </div>
          <ErrorNotice error={loadingProjects.error.value} />
          <label class="field">
            <span>Repository name</span>
            <input
              id="new-repository-name"
              type="text"
              spellcheck={false}
              autoComplete="off"
              value={name.value}
              aria-invalid={showProblem}
              aria-describedby="new-repository-name-hint"
              onInput={(event) => {
                name.value = event.currentTarget.value;
                nameTouched.value = true;
              }}
            />
            <span id="new-repository-name-hint" class={`field-hint small${showProblem ? ' field-hint-error' : ' muted'}`} aria-live="polite">
              {showProblem ? appErrors.invalidRepositoryName(problem.value!).message : 'Up to 64 characters; letters, digits, spaces, dots, dashes and underscores.'}
            </span>
          </label>
          <fieldset class="files-choice stack">
            <legend>Files in the first commit</legend>
            <label class="row small">
              <input type="checkbox" checked={readme.value} onChange={(event) => (readme.value = event.currentTarget.checked)} />
              Add a README
            </label>
            <label class="field">
              <span>.gitignore template</span>
              <select value={gitignore.value} onChange={(event) => (gitignore.value = event.currentTarget.value as GitignoreId | '')}>
                <option value="">None</option>
                {GITIGNORE_TEMPLATES.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span>License</span>
              <select value={license.value} onChange={(event) => (license.value = event.currentTarget.value as LicenseId | '')}>
                <option value="">None</option>
                {LICENSE_TEMPLATES.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
            </label>
            {license.value && licenseTemplate(license.value).namesHolder && (
              <label class="field">
                <span>Copyright holder</span>
                <input type="text" value={holder.value} maxLength={200} onInput={(event) => (holder.value = event.currentTarget.value)} />
              </label>
            )}
          </fieldset>
          <ErrorNotice error={creating.error.value} />
          <button class="primary" type="submit" disabled={creating.busy.value || !projectId.value}>
            {creating.busy.value ? 'Creating…' : 'Create repository'}
          </button>
        </form>
      )}
    </ScreenSection>
  );
}
