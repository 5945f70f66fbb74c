import { useComputed, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { ProjectView } from '@/lib/new-repository/create-repository';
import type { RepositoryView } from '@/lib/repositories/repository-cache';
import type { ForkCopyStatus, ForkView } from '@/lib/forks/forks';
import { sendMessage } from '@/lib/messaging/send-message';
import { appErrors } from '@/lib/errors/error-messages';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { desktopClient } from '@/lib/clients/desktop-clients';
import { repositoryNameProblem } from '@/lib/new-repository/repository-name';
import { usePopupState } from '../state';
import { useAction } from '../use-action';
import { useClonePreferences } from '../repositories/clone-preferences';
import { RepositoryRow } from '../repositories/RepositoryRow';
import { DidNotOpen, useDidNotOpen } from '../repositories/DidNotOpen';
import { ProjectSelect } from '../repositories/ProjectSelect';
import { GoButton, ScreenSection } from '../ScreenSection';
import { gitCommand } from '@/lib/shell/git-command';
import { copyText } from '@/lib/ui/copy-text';

/** How often the copy of a new fork is asked about; the service takes seconds to minutes. */
const POLL_MS = 1000;

const COPY_STATUS: Record<ForkCopyStatus, string> = {
  queued: 'Queued: Azure DevOps will copy the repository in a moment…',
  inProgress: 'Copying the repository into the fork…',
  completed: 'Ready.',
  failed: 'Azure DevOps could not copy the repository into the fork. The fork exists but is empty: delete it in Azure DevOps and try again.',
  abandoned: 'Azure DevOps gave up copying the repository into the fork. The fork exists but is empty: delete it in Azure DevOps and try again.',
};

/** A git remote name from a project name: lower case, what git accepts without quoting. */
function remoteNameFor(projectName: string): string {
  return projectName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'fork';
}

/**
 * A repository's forks (docs/azure-devops-rest.md#forks): "Add as remote" copies the git command
 * for each, and "Create fork" makes one in a chosen project, showing the copy's progress and
 * offering clone only once it is complete.
 */
export function ForksView({ repository }: { repository: RepositoryView }) {
  const state = usePopupState();
  const organization = state.organizations.value.find((o) => o.key === repository.orgKey);
  const forks = useSignal<ForkView[] | null>(null);
  const loading = useAction();
  const preferences = useClonePreferences();

  const load = () =>
    void loading.run(() => sendMessage('forks.list', { orgKey: repository.orgKey, repositoryId: repository.id })).then((answer) => {
      if (answer) forks.value = answer.forks;
    });
  useEffect(load, [repository.id]);

  return (
    <ScreenSection id="forks-title" title={<>Forks of {repository.name}</>} actions={<GoButton to={{ name: 'repositories' }}>Repositories</GoButton>}>
      <p class="muted small">
        {organization?.name} / {repository.projectName}
      </p>
      <ErrorNotice error={loading.error.value} />
      {forks.value?.length === 0 && <p class="muted">No forks yet.</p>}
      {forks.value && forks.value.length > 0 && (
        <ul class="repo-list" aria-label={`Forks of ${repository.name}`}>
          {forks.value.map((fork) => (
            <ForkRow key={fork.id} fork={fork} />
          ))}
        </ul>
      )}
      <CreateFork repository={repository} onReady={load} client={desktopClient(preferences.clientId.value)} protocol={preferences.protocol.value} organizationName={organization?.name ?? ''} />
    </ScreenSection>
  );
}

function ForkRow({ fork }: { fork: ForkView }) {
  const state = usePopupState();
  const name = useSignal(remoteNameFor(fork.projectName));
  const id = `remote-${fork.id}`;
  const nameProblem = !/^[A-Za-z0-9._-]+$/.test(name.value) || name.value.startsWith('-');

  async function copyRemote() {
    if (nameProblem) return;
    const command = gitCommand('remote', 'add', name.value, fork.httpsUrl);
    if (await copyText(command)) state.announce(`Copied: ${command}`);
    else state.announce(appErrors.clipboardRefused('git remote add command', command).message);
  }

  return (
    <li class="repo-row" data-fork={fork.name}>
      <div class="repo-title">
        <a href={fork.webUrl} target="_blank" rel="noreferrer" class="repo-name">
          {fork.projectName} / {fork.name}
        </a>
      </div>
      <div class="row small">
        <label class="field">
          <span>Remote name</span>
          <input id={id} type="text" spellcheck={false} value={name.value} aria-invalid={nameProblem} aria-describedby={`${id}-hint`} onInput={(e) => (name.value = e.currentTarget.value.trim())} />
          <span id={`${id}-hint`} class={`field-hint small${nameProblem ? ' field-hint-error' : ' muted'}`}>
            {nameProblem ? 'Letters, digits, dots, dashes and underscores only.' : `git remote add ${name.value} …`}
          </span>
        </label>
        <button class="link small" type="button" disabled={nameProblem} onClick={copyRemote}>
          Add as remote
        </button>
      </div>
    </li>
  );
}

function CreateFork({
  repository,
  onReady,
  client,
  protocol,
  organizationName,
}: {
  repository: RepositoryView;
  onReady: () => void;
  client: ReturnType<typeof desktopClient>;
  protocol: 'https' | 'ssh';
  organizationName: string;
}) {
  const state = usePopupState();
  const projects = useSignal<ProjectView[] | null>(null);
  const projectId = useSignal('');
  const name = useSignal(repository.name);
  const creating = useAction();
  const loadingProjects = useAction();
  const copy = useSignal<{ forkId: string; operationId: number; status: ForkCopyStatus; repository: RepositoryView | null } | null>(null);
  const problem = useComputed(() => repositoryNameProblem(name.value.trim()));
  const didNotOpen = useDidNotOpen();

  useEffect(() => {
    void loadingProjects.run(() => sendMessage('repositories.projects', { orgKey: repository.orgKey })).then((answer) => {
      if (!answer) return;
      projects.value = answer.projects;
      // Another project than the repository's by default: a fork beside its parent needs another name.
      projectId.value = (answer.projects.find((p) => p.name !== repository.projectName) ?? answer.projects[0])?.id ?? '';
    });
  }, [repository.orgKey]);

  // Polls the copy until it ends; stops when the screen is left.
  useEffect(() => {
    const current = copy.value;
    if (!current || current.status === 'completed' || current.status === 'failed' || current.status === 'abandoned') return;
    const timer = setTimeout(async () => {
      const answer = await sendMessage('forks.copyStatus', { orgKey: repository.orgKey, forkId: current.forkId, operationId: current.operationId });
      if (!answer.ok) {
        creating.error.value = answer.error;
        return;
      }
      copy.value = { ...current, ...answer.data };
      if (answer.data.status === 'completed') {
        state.announce(`The fork ${answer.data.repository?.name ?? ''} is ready.`);
        onReady();
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [copy.value]);

  async function create(event: Event) {
    event.preventDefault();
    if (problem.value || !projectId.value) return;
    const answer = await creating.run(() =>
      sendMessage('forks.create', { orgKey: repository.orgKey, repositoryId: repository.id, projectId: projectId.value, name: name.value.trim() }),
    );
    if (answer) copy.value = { ...answer, repository: null };
  }

  const current = copy.value;
  return (
    <section class="stack" aria-labelledby="create-fork-title">
      <h3 id="create-fork-title">Create fork</h3>
      {current ? (
        <div class="stack">
          <p class={current.status === 'failed' || current.status === 'abandoned' ? 'notice notice-error' : 'small'} role="status">
            {COPY_STATUS[current.status]}
          </p>
          {current.status === 'completed' && current.repository && (
            <>
              <ul class="repo-list" aria-label="New fork">
                <li class="repo-row" data-repository={current.repository.name}>
                  <RepositoryRow repo={current.repository} organization={organizationName} client={client} protocol={protocol} current onClone={didNotOpen.cloned} />
                </li>
              </ul>
              <DidNotOpen name={didNotOpen.name.value} client={client} />
            </>
          )}
        </div>
      ) : (
        <form class="stack" onSubmit={create} noValidate>
          <div class="row">
            <ProjectSelect projects={projects.value} projectId={projectId} loading={loadingProjects.busy.value} />
            <label class="field">
              <span>Fork name</span>
              <input
                type="text"
                spellcheck={false}
                value={name.value}
                aria-invalid={problem.value !== null}
                aria-describedby="fork-name-hint"
                onInput={(e) => (name.value = e.currentTarget.value)}
              />
              <span id="fork-name-hint" class={`field-hint small${problem.value ? ' field-hint-error' : ' muted'}`} aria-live="polite">
                {problem.value ? appErrors.invalidRepositoryName(problem.value).message : 'The fork’s repository name in that project.'}
              </span>
            </label>
          </div>
          <ErrorNotice error={loadingProjects.error.value} />
          <ErrorNotice error={creating.error.value} />
          <button type="submit" disabled={creating.busy.value || problem.value !== null || !projectId.value}>
            {creating.busy.value ? 'Creating…' : 'Create fork'}
          </button>
        </form>
      )}
    </section>
  );
}
