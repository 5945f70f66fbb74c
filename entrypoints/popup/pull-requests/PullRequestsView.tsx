import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { MyPullRequestsView, PullRequestView } from '@/lib/pull-requests/my-pull-requests';
import type { InboxView } from '@/lib/inbox/inbox-view';
import type { ReviewRequest } from '@/lib/inbox/review-requests';
import { timeAgo } from '@/lib/ui/time-ago';
import { copyText } from '@/lib/ui/copy-text';
import { NEED_LABEL, sortByNeed } from './pull-request-needs';
import { sendMessage } from '@/lib/messaging/send-message';
import { appErrors } from '@/lib/errors/error-messages';
import { ErrorNotice } from '@/lib/ui/ErrorNotice';
import { usePopupState } from '../state';
import { useAction } from '../use-action';
import { GoButton, ScreenSection } from '../ScreenSection';
import { NotificationsToggle } from './NotificationsToggle';

/** A reviewer's vote in words (docs/azure-devops-rest.md#pull-requests). */
const VOTES = new Map([
  [10, 'approved'],
  [5, 'approved with suggestions'],
  [0, 'no vote yet'],
  [-5, 'waiting for the author'],
  [-10, 'rejected'],
]);

/**
 * What needs me first (docs/pull-request-inbox.md#popup): the pull requests waiting for my vote, from
 * the badge's stored inbox at once and then refreshed; then mine, most pressing first.
 */
export function PullRequestsView() {
  const state = usePopupState();
  const view = useSignal<MyPullRequestsView | null>(null);
  const inbox = useSignal<InboxView | null>(null);
  const loading = useAction();

  useEffect(() => {
    void sendMessage('inbox.view', {}).then((result) => result.ok && !inbox.value && (inbox.value = result.data));
    void sendMessage('inbox.refresh', {}).then((result) => result.ok && (inbox.value = result.data));
    void loading.run(() => sendMessage('pullRequests.mine', {})).then((data) => data && (view.value = data));
  }, []);

  async function copyLink(pr: { id: number; webUrl: string }) {
    if (await copyText(pr.webUrl)) state.announce(`Copied the link to pull request ${pr.id}.`);
    else state.announce(appErrors.clipboardRefused(`link to pull request ${pr.id}`, pr.webUrl).message);
  }

  const copyButton = (pr: { id: number; webUrl: string }) => (
    <div class="row small">
      <button class="link small" type="button" onClick={() => copyLink(pr)}>
        Copy link
      </button>
    </div>
  );

  // Both lists open a pull request by its title, draft marked.
  const titleLine = (pr: { webUrl: string; title: string; isDraft: boolean }) => (
    <div class="repo-title">
      <a href={pr.webUrl} target="_blank" rel="noreferrer" class="repo-name">
        {pr.title}
      </a>
      {pr.isDraft && <span class="badge">draft</span>}
    </div>
  );

  const waitingRow = (pr: ReviewRequest) => (
    <li key={`${pr.orgKey}-${pr.id}`} class="repo-row" data-pull-request={`${pr.repository}#${pr.id}`}>
      {titleLine(pr)}
      <div class="muted small">
        {pr.organization} / {pr.repository} · #{pr.id} · {pr.author} · opened {timeAgo(pr.createdAt)}
      </div>
      <div class="small" data-status>
        {pr.via ? `Asked of ${pr.via}` : 'Asked of you'}
      </div>
      {copyButton(pr)}
    </li>
  );

  const section = (title: string, id: string, prs: PullRequestView[], empty: string) => (
    <section aria-labelledby={id} class="stack">
      <h3 id={id}>{title}</h3>
      {prs.length === 0 ? (
        <p class="muted small">{empty}</p>
      ) : (
        <ul class="repo-list" aria-labelledby={id}>
          {prs.map((pr) => (
            <li key={`${pr.organization}-${pr.repository}-${pr.id}`} class="repo-row" data-pull-request={`${pr.repository}#${pr.id}`}>
              {titleLine(pr)}
              <div class="muted small">
                {pr.organization} / {pr.repository} · #{pr.id} · {pr.sourceBranch} → {pr.targetBranch}
                {pr.author && ` · ${pr.author}`}
              </div>
              <div class="small" data-status>
                {needs.get(pr) && <strong>{NEED_LABEL[needs.get(pr)!]} · </strong>}
                {pr.isDraft ? 'Draft' : 'Active'}
                {pr.conflicts && <strong> · merge conflicts</strong>}
                {' · '}
                {pr.reviewers.length
                  ? `Reviewers: ${pr.reviewers.map((r) => `${r.name}${r.isRequired ? ' (required)' : ''}: ${VOTES.get(r.vote) ?? 'no vote yet'}`).join(', ')}`
                  : 'No reviewers'}
              </div>
              {copyButton(pr)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  const sorted = view.value ? sortByNeed(view.value.created) : [];
  const created = sorted.map((s) => s.pr);
  const needs = new Map(sorted.map((s) => [s.pr, s.need]));

  return (
    <ScreenSection id="pull-requests-title" title="Pull requests" actions={<GoButton to="home">Back</GoButton>}>
      {loading.busy.value && (
        <p class="muted small" role="status">
          Loading pull requests…
        </p>
      )}
      <ErrorNotice error={loading.error.value} />
      {view.value?.failures.map((failure) => <ErrorNotice key={failure.key} error={appErrors.organizationSkipped(failure.name, failure.error)} />)}
      <NotificationsToggle inbox={inbox} />
      {inbox.value && (
        <section aria-labelledby="prs-waiting" class="stack">
          <h3 id="prs-waiting">Waiting for my vote</h3>
          {inbox.value.waiting.length === 0 ? (
            <p class="muted small">Nothing is waiting for your vote.</p>
          ) : (
            <ul class="repo-list" aria-labelledby="prs-waiting">
              {inbox.value.waiting.map(waitingRow)}
            </ul>
          )}
        </section>
      )}
      {view.value && section('Created by me', 'prs-created', created, 'You have no active pull requests.')}
    </ScreenSection>
  );
}
