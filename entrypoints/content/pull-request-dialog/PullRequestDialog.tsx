import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppErrorValue } from '@/lib/errors/app-error';
import { clipboardRefusedSentence } from '@/lib/errors/clipboard-refused';
import { copyText } from '@/lib/ui/copy-text';
import { sendMessage } from '@/lib/messaging/send-message';
import {
  BRANCH_LIMIT,
  workItemIdsInBranch,
  type BranchComparison,
  type MergeStrategy,
  type NewPullRequestContext,
  type WorkItemSummary,
} from '@/lib/pull-requests/new-pull-request';
import { ReviewerPicker, type ChosenReviewer } from './ReviewerPicker';
import { storedAccountBackend, type PullRequestBackend } from './backend';
import { pageSessionBackend } from './page-session-backend';

export interface DialogRequest {
  project: string;
  repository: string;
  organization: string;
  /** The branch the page shows, when it names one. */
  sourceBranch: string | null;
  /** Where focus goes back when the dialog closes. */
  returnFocus?: () => HTMLElement | null;
}

const MERGE_STRATEGIES: { value: MergeStrategy; label: string }[] = [
  { value: 'noFastForward', label: 'Merge (no fast-forward)' },
  { value: 'squash', label: 'Squash commit' },
  { value: 'rebase', label: 'Rebase and fast-forward' },
  { value: 'rebaseMerge', label: 'Semi-linear merge' },
];

type Phase =
  | { name: 'loading' }
  | { name: 'connect'; organization: string }
  | { name: 'failed'; error: AppErrorValue }
  | { name: 'form'; context: NewPullRequestContext }
  | { name: 'created'; id: number; webUrl: string; autoCompleteError: string | null };

/**
 * The dialog: everything typed stays in this component's state until the user closes it, so a
 * refused request (signed out, throttled, offline, a PR that exists) loses nothing.
 */
export function PullRequestDialog({ request, onClose }: { request: DialogRequest; onClose: () => void }) {
  const at = { project: request.project, repository: request.repository };
  const dialog = useRef<HTMLDialogElement>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  // The page's own Azure DevOps sign-in first; the account stored for the organization when the page
  // is (or becomes) signed out.
  const backend = useRef<PullRequestBackend>(
    pageSessionBackend(at, storedAccountBackend(at)),
  ).current;
  // Every way out goes through the dialog's own close (Escape too), whose event cleans up once.
  const close = () => dialog.current?.close();

  async function load() {
    setPhase({ name: 'loading' });
    const result = await backend.context(request.sourceBranch ?? undefined);
    if (!result.ok) setPhase({ name: 'failed', error: result.error });
    else if (result.data.status === 'connect') setPhase({ name: 'connect', organization: result.data.organization });
    else {
      const context = result.data.context;
      setPhase((current) => (current.name === 'form' ? current : { name: 'form', context }));
    }
  }

  useEffect(() => {
    dialog.current?.showModal();
    void load();
  }, []);

  return (
    <dialog ref={dialog} aria-labelledby="pr-dialog-title" onClose={onClose}>
      <header>
        <h2 id="pr-dialog-title">Create pull request</h2>
        <p class="repo">{`${request.project} / ${request.repository}`}</p>
      </header>
      {phase.name === 'loading' && <p role="status">Loading branches…</p>}
      {phase.name === 'connect' && <ConnectOffer organization={phase.organization} onRetry={load} onClose={close} />}
      {phase.name === 'failed' && (
        <div>
          <p role="alert" class="error">{phase.error.message}</p>
          <div class="actions">
            <button type="button" class="primary" onClick={load}>Try again</button>
            <button type="button" onClick={close}>Close</button>
          </div>
        </div>
      )}
      {phase.name === 'form' && (
        <PullRequestForm
          request={request}
          backend={backend}
          context={phase.context}
          onCreated={(id, webUrl, autoCompleteError) => setPhase({ name: 'created', id, webUrl, autoCompleteError })}
          onClose={close}
        />
      )}
      {phase.name === 'created' && <Created {...phase} onClose={close} />}
    </dialog>
  );
}

function ConnectOffer({ organization, onRetry, onClose }: { organization: string; onRetry: () => void; onClose: () => void }) {
  return (
    <div>
      <p>{`ADO Companion is not connected to ${organization}. Connect it with a Microsoft sign-in or a Personal Access Token, then come back here.`}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void sendMessage('newPullRequest.openConnect', {})}>
          {`Connect ${organization}`}
        </button>
        <button type="button" onClick={onRetry}>I have connected</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </div>
  );
}

function Created({ id, webUrl, autoCompleteError, onClose }: { id: number; webUrl: string; autoCompleteError: string | null; onClose: () => void }) {
  const [copied, setCopied] = useState('');
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => link.current?.focus(), []);
  return (
    <div>
      <p role="status">
        {'Pull request '}
        <a ref={link} href={webUrl} target="_top">{`#${id}`}</a>
        {' created.'}
      </p>
      {autoCompleteError && <p role="alert" class="error">{`Auto-complete was not set: ${autoCompleteError}`}</p>}
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            void copyText(webUrl).then((copied) => setCopied(copied ? 'Link copied.' : clipboardRefusedSentence('link', webUrl)))
          }
        >
          Copy link
        </button>
        <button type="button" class="primary" onClick={onClose}>Close</button>
      </div>
      <p role="status" class="hint">{copied}</p>
    </div>
  );
}

function PullRequestForm({
  request,
  backend,
  context,
  onCreated,
  onClose,
}: {
  request: DialogRequest;
  backend: PullRequestBackend;
  context: NewPullRequestContext;
  onCreated: (id: number, webUrl: string, autoCompleteError: string | null) => void;
  onClose: () => void;
}) {
  // What was typed survives closing the dialog (Escape, Cancel, a click on the page) until the page
  // is left or the pull request is created: reopened for the same repository and branch, it is back.
  const draftKey = `${request.project}\n${request.repository}`;
  const saved = drafts.get(draftKey);
  const draft = saved && (!request.sourceBranch || saved.source === request.sourceBranch) ? saved : null;
  const initialSource = draft?.source ?? (request.sourceBranch && context.branches.includes(request.sourceBranch) ? request.sourceBranch : '');
  const [source, setSource] = useState(initialSource);
  const [target, setTarget] = useState(draft?.target ?? context.defaultBranch ?? '');
  const [title, setTitle] = useState(draft?.title ?? '');
  const [description, setDescription] = useState(draft?.description ?? '');
  const edited = useRef(draft?.edited ?? { title: false, description: false });
  const [comparison, setComparison] = useState<BranchComparison | null>(null);
  const [compareError, setCompareError] = useState<AppErrorValue | null>(null);
  const [reviewers, setReviewers] = useState<ChosenReviewer[]>(draft?.reviewers ?? []);
  const [workItemText, setWorkItemText] = useState(draft?.workItemText ?? workItemIdsInBranch(initialSource).join(', '));
  const [workItems, setWorkItems] = useState<{ found: WorkItemSummary[]; missing: number[]; error: string | null }>({ found: [], missing: [], error: null });
  // An older Azure DevOps Server has no drafts: the box says so rather than publishing the pull request.
  const noDrafts = context.draftsUnavailable?.message;
  const [isDraft, setDraft] = useState(!noDrafts && (draft?.isDraft ?? false));
  const [autoComplete, setAutoComplete] = useState(draft?.autoComplete ?? false);
  const [mergeStrategy, setMergeStrategy] = useState<MergeStrategy>(draft?.mergeStrategy ?? 'squash');
  const [deleteSourceBranch, setDeleteSourceBranch] = useState(draft?.deleteSourceBranch ?? true);
  const [transitionWorkItems, setTransitionWorkItems] = useState(draft?.transitionWorkItems ?? true);
  // Written while rendering, not in an effect: an effect would not run when Escape closes the
  // dialog in the same frame as the last change.
  drafts.set(draftKey, {
    source,
    target,
    title,
    description,
    edited: { ...edited.current },
    reviewers,
    workItemText,
    isDraft,
    autoComplete,
    mergeStrategy,
    deleteSourceBranch,
    transitionWorkItems,
  });
  const [busy, setBusy] = useState(false);
  // Set by a person's click on Create or Enter in a field, taken by the submit that follows: a script of
  // the page (our shadow root is open) can call .click() or requestSubmit(), and neither may create a
  // pull request through the user's account (docs/security.md).
  const armed = useRef(false);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  // The source's commits give the default title and description, until the user types their own.
  useEffect(() => {
    setComparison(null);
    setCompareError(null);
    if (!source || !target || source === target) return;
    let current = true;
    void backend.compare({ repositoryId: context.repositoryId, sourceBranch: source, targetBranch: target }).then((result) => {
      if (!current) return;
      if (!result.ok) return setCompareError(result.error);
      setComparison(result.data);
      if (!edited.current.title) setTitle(result.data.title);
      if (!edited.current.description) setDescription(result.data.description);
    });
    return () => {
      current = false;
    };
  }, [source, target]);

  // Work item ids are checked to exist (debounced while typing).
  const ids = parseIds(workItemText);
  const idsKey = ids.join(',');
  useEffect(() => {
    if (ids.length === 0) return setWorkItems({ found: [], missing: [], error: null });
    const timer = setTimeout(() => {
      void backend.checkWorkItems(ids).then((result) => {
        if (!result.ok) return setWorkItems({ found: [], missing: [], error: result.error.message });
        const found = result.data.workItems;
        setWorkItems({ found, missing: ids.filter((id) => !found.some((w) => w.id === id)), error: null });
      });
    }, 300);
    return () => clearTimeout(timer);
  }, [idsKey]);

  function chooseSource(branch: string) {
    setSource(branch);
    // The branch's work items follow the branch, unless the user typed their own.
    setWorkItemText((text) => (text === workItemIdsInBranch(source).join(', ') ? workItemIdsInBranch(branch).join(', ') : text));
  }

  const sameBranch = source !== '' && source === target;
  const nothingAhead = comparison !== null && comparison.commits.length === 0;

  async function submit(event: Event) {
    event.preventDefault();
    if (!armed.current) return;
    armed.current = false;
    if (busy || !source || !target || sameBranch || !title.trim()) return;
    setBusy(true);
    setError(null);
    const result = await backend.create({
      repositoryId: context.repositoryId,
      sourceBranch: source,
      targetBranch: target,
      title: title.trim(),
      description,
      isDraft,
      reviewers: reviewers.map((r) => ({ id: r.id, isRequired: r.isRequired, displayName: r.displayName, kind: r.kind, detail: r.detail })),
      workItemIds: workItems.found.filter((w) => ids.includes(w.id)).map((w) => w.id),
      autoComplete: autoComplete ? { mergeStrategy, deleteSourceBranch, transitionWorkItems } : null,
    });
    setBusy(false);
    if (result.ok) {
      drafts.delete(draftKey);
      onCreated(result.data.id, result.data.webUrl, result.data.autoCompleteError);
    }
    else {
      setError(result.error);
      queueMicrotask(() => errorRef.current?.focus());
    }
  }

  const existing = comparison?.existing ?? null;
  const existingFromError = error?.details?.existingUrl ? { webUrl: String(error.details.existingUrl), id: Number(error.details.existingId) } : null;
  const needsConnect = error?.details?.connect === true || (error !== null && ['auth-invalid', 'auth-expired', 'reauth-required'].includes(error.kind));

  const cappedHint = context.branchesCapped ? 'pr-branches-capped' : undefined;

  return (
    <form onSubmit={submit} onKeyDown={(event) => (armed.current = event.isTrusted && event.key === 'Enter' && event.target instanceof HTMLInputElement)} noValidate>
      <div class="row">
        <label>
          Source branch
          <select value={source} onChange={(e) => chooseSource(e.currentTarget.value)} required aria-describedby={cappedHint}>
            <option value="" disabled>Choose a branch</option>
            {context.branches.map((b) => (
              <option key={b} value={b}>{b}</option>
            ))}
          </select>
        </label>
        <span aria-hidden="true" class="into">into</span>
        <label>
          Target branch
          <select value={target} onChange={(e) => setTarget(e.currentTarget.value)} required aria-describedby={cappedHint}>
            {context.branches.map((b) => (
              <option key={b} value={b}>{b}</option>
            ))}
          </select>
        </label>
      </div>
      {context.branchesCapped && (
        <p class="hint" id="pr-branches-capped">
          {`More than ${BRANCH_LIMIT.toLocaleString('en-US')} branches: the first ones by name are listed, with the viewed and the default branch.`}
        </p>
      )}
      <p class="hint" role="status">
        {sameBranch
          ? 'The source and target branch must be different.'
          : compareError
            ? compareError.message
            : comparison
              ? nothingAhead
                ? `${source} has no commits that ${target} lacks.`
                : `${comparison.commits.length}${comparison.commits.length === 50 ? '+' : ''} commit${comparison.commits.length === 1 ? '' : 's'} to merge.`
              : ''}
      </p>
      {existing && (
        <p class="notice">
          {'An active pull request for these branches already exists: '}
          <a href={existing.webUrl} target="_top">{`#${existing.id} ${existing.title}`}</a>
        </p>
      )}
      <label>
        Title
        <input
          value={title}
          maxLength={400}
          required
          onInput={(e) => {
            edited.current.title = true;
            setTitle(e.currentTarget.value);
          }}
        />
      </label>
      <label>
        Description
        <textarea
          value={description}
          rows={4}
          maxLength={4000}
          onInput={(e) => {
            edited.current.description = true;
            setDescription(e.currentTarget.value);
          }}
        />
      </label>
      <ReviewerPicker
        backend={backend}
        me={context.me.id}
        recent={context.recentReviewers}
        policyReviewers={comparison?.policyReviewers ?? []}
        chosen={reviewers}
        onChange={setReviewers}
      />
      <label>
        Work items
        <input value={workItemText} inputMode="numeric" aria-describedby="pr-work-items-hint" onInput={(e) => setWorkItemText(e.currentTarget.value)} />
      </label>
      <ul class="work-items" id="pr-work-items-hint" aria-live="polite">
        {workItems.found.map((w) => (
          <li key={w.id}>{`#${w.id} ${w.type}: ${w.title} (${w.state})`}</li>
        ))}
        {workItems.missing.map((id) => (
          <li key={id} class="error">{`#${id} was not found, or you cannot read it: it will not be linked.`}</li>
        ))}
        {workItems.error && <li class="error">{workItems.error}</li>}
        {ids.length === 0 && <li class="hint">Work item ids, separated by commas.</li>}
      </ul>
      <label class="check">
        <input type="checkbox" checked={isDraft} disabled={!!noDrafts} aria-describedby={noDrafts && 'pr-no-drafts'} onChange={(e) => setDraft(e.currentTarget.checked)} />
        Create as draft
      </label>
      {noDrafts && (
        <p class="hint" id="pr-no-drafts">
          {noDrafts}
        </p>
      )}
      <fieldset>
        <legend>
          <label class="check">
            <input type="checkbox" checked={autoComplete} onChange={(e) => setAutoComplete(e.currentTarget.checked)} />
            Set auto-complete
          </label>
        </legend>
        {autoComplete && (
          <div>
            <label>
              Merge type
              <select value={mergeStrategy} onChange={(e) => setMergeStrategy(e.currentTarget.value as MergeStrategy)}>
                {MERGE_STRATEGIES.map((s) => (
                  <option key={s.value} value={s.value}>{s.label}</option>
                ))}
              </select>
            </label>
            <label class="check">
              <input type="checkbox" checked={deleteSourceBranch} onChange={(e) => setDeleteSourceBranch(e.currentTarget.checked)} />
              Delete {source || 'the source branch'} after merging
            </label>
            <label class="check">
              <input type="checkbox" checked={transitionWorkItems} onChange={(e) => setTransitionWorkItems(e.currentTarget.checked)} />
              Complete linked work items after merging
            </label>
          </div>
        )}
      </fieldset>
      {error && (
        <div class="error-box" role="alert" tabIndex={-1} ref={errorRef}>
          <p class="error">{error.message}</p>
          {existingFromError && (
            <p>
              <a href={existingFromError.webUrl} target="_top">{`Open pull request #${existingFromError.id}`}</a>
            </p>
          )}
          {needsConnect && (
            <button type="button" onClick={() => void sendMessage('newPullRequest.openConnect', {})}>
              Connect in ADO Companion
            </button>
          )}
        </div>
      )}
      <div class="actions">
        <button type="submit" class="primary" onClick={(event) => (event.isTrusted ? (armed.current = true) : event.preventDefault())} disabled={busy || !source || !target || sameBranch || !title.trim()}>
          {busy ? 'Creating…' : 'Create'}
        </button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}

interface Draft {
  source: string;
  target: string;
  title: string;
  description: string;
  edited: { title: boolean; description: boolean };
  reviewers: ChosenReviewer[];
  workItemText: string;
  isDraft: boolean;
  autoComplete: boolean;
  mergeStrategy: MergeStrategy;
  deleteSourceBranch: boolean;
  transitionWorkItems: boolean;
}

/** Unsent forms by repository, in memory only: gone with the page. */
const drafts = new Map<string, Draft>();

function parseIds(text: string): number[] {
  const ids = text
    .split(/[\s,;]+/)
    .map((part) => part.replace(/^#/, ''))
    .filter((part) => /^\d{1,9}$/.test(part))
    .map(Number)
    .filter((id) => id > 0);
  return [...new Set(ids)].slice(0, 50);
}

