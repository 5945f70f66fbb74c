// Pull request pages: repo list `{base}/pullrequests`, org list `/{org}/_pulls`, detail
// `{base}/pullrequest/{id}` (docs/azure-devops-pages.md "Pull request page", "PR list pages",).
import type { FixtureProject, FixturePullRequest, FixtureRepository, FixtureUser } from '../fixture-types';
import { commandItem, icon, link, listHeader, overflowItem, splitButton } from './bolt';
import { html, type SafeHtml } from './html';
import type { OrgContext, RepoContext, View } from './types';
import { canonicalRepoPath, projectHref, queryString, repoHref, shortRefName } from './urls';

/** GK waits 300 ms after a URL change on PR pages; render PR anchors a bit later than that. */
export const PR_ANCHOR_DELAY_MS = 350;

const VOTE_LABELS: Record<number, string> = {
  10: 'Approved',
  5: 'Approved with suggestions',
  0: 'No vote',
  [-5]: 'Waiting for author',
  [-10]: 'Rejected',
};

interface ListedPullRequest {
  pr: FixturePullRequest;
  project: FixtureProject;
  repo: FixtureRepository;
  href: string;
}

type ListTab = 'mine' | 'active' | 'completed' | 'abandoned';

/** `{base}/pullrequests?_a=mine|active|completed|abandoned`. */
export function pullRequestListView(ctx: RepoContext): View {
  const items = ctx.repo.pullRequests.map((pr) => ({
    pr,
    project: ctx.project,
    repo: ctx.repo,
    href: repoHref(ctx, `pullrequest/${pr.pullRequestId}`),
  }));
  return listView(ctx, items, (tab) => repoHref(ctx, 'pullrequests', { _a: tab }), repoHref(ctx, 'pullrequestcreate'));
}

/** `/{org}/_pulls`: every repository of the organization (AZ `addOrgPRLink`). */
export function organizationPullRequestsView(ctx: OrgContext): View {
  const items: ListedPullRequest[] = ctx.org.projects.flatMap((project) =>
    project.repositories.flatMap((repo) =>
      repo.pullRequests.map((pr) => ({
        pr,
        project,
        repo,
        href: `${canonicalRepoPath(ctx, project, repo)}/pullrequest/${pr.pullRequestId}`,
      })),
    ),
  );
  return listView(ctx, items, (tab) => `${ctx.collectionPath}/_pulls${queryString({ _a: tab })}`, null);
}

function listView(
  ctx: OrgContext,
  items: ListedPullRequest[],
  tabHref: (tab: ListTab) => string,
  createHref: string | null,
): View {
  const requested = ctx.query.get('_a');
  const tab: ListTab = requested === 'active' || requested === 'completed' || requested === 'abandoned' ? requested : 'mine';
  const user = ctx.user;
  const sections: { title: string; items: ListedPullRequest[] }[] =
    tab === 'mine' && user
      ? [
          { title: 'Created by me', items: items.filter((i) => i.pr.status === 'active' && i.pr.createdBy === user.id) },
          {
            title: 'Assigned to me',
            items: items.filter((i) => i.pr.status === 'active' && i.pr.reviewers.some((r) => r.userId === user.id)),
          },
        ]
      : [{ title: capitalize(tab === 'mine' ? 'active' : tab), items: items.filter((i) => i.pr.status === (tab === 'mine' ? 'active' : tab)) }];
  // Page title `.bolt-header-title.title-m.l` (AZ PR #94, which replaced `.page-title`); a filter in
  // the header as on the repository's other list pages.
  const header = listHeader(
    'fake-repos-pr-list-header',
    'Pull requests',
    createHref ? [commandItem({ label: 'New pull request', primary: true, href: createHref })] : [],
    '__bolt-header-command-bar-menu-button-6',
  );
  const tabs = (['mine', 'active', 'completed', 'abandoned'] as const).map(
    (t, i) =>
      html`<a class="bolt-tab${t === tab ? ' selected' : ''}" role="tab" aria-posinset="${i + 1}" aria-selected="${String(t === tab)}" data-spa href="${tabHref(t)}">${capitalize(t)}</a>`,
  );
  // Sections `.repos-pr-section-card`, title `.repos-pr-section-header-title > span`, rows `a[role="row"]`
  // (AZ `watchPullRequestDashboard`; rows are recycled by React, so no per-row ids beyond the href).
  const cards = sections.map(
    (section) => html`<div class="repos-pr-section-card bolt-card flex-column" role="region" aria-label="${section.title}" data-fake-ado-deferred>
  <div class="fake-repos-pr-section-header flex-row flex-center rhythm-horizontal-8"><div class="repos-pr-section-header-title title-s"><span>${section.title}</span></div><span class="bolt-pill">${section.items.length}</span></div>
  <div class="bolt-table flex-column" role="grid">${
    section.items.length === 0
      ? html`<div class="secondary-text fake-ado-empty">No pull requests</div>`
      : section.items.map((item) => listRow(ctx, item))
  }</div>
</div>`,
  );
  return {
    title: 'Pull requests',
    kind: 'pullrequests',
    body: html`${header}<div class="bolt-tabbar flex-row" role="tablist">${tabs}</div>${cards}`,
  };
}

function listRow(ctx: OrgContext, item: ListedPullRequest): SafeHtml {
  const author = findUser(ctx, item.pr.createdBy);
  return html`<a class="bolt-list-row bolt-table-row fake-repos-pr-list-row flex-row flex-center rhythm-horizontal-8" role="row" data-spa href="${item.href}">
  <span class="fake-ado-avatar" aria-hidden="true">${initials(author?.displayName ?? '?')}</span>
  <span class="flex-column flex-grow" role="gridcell">
    <span class="fake-repos-pr-list-title text-ellipsis">${item.pr.title}${item.pr.isDraft ? html` <span class="bolt-pill">Draft</span>` : ''}</span>
    <span class="secondary-text text-ellipsis">${author?.displayName ?? 'Unknown'} requested !${item.pr.pullRequestId} into ${shortRefName(item.pr.targetRefName)} · ${item.project.name} / ${item.repo.name}</span>
  </span>
</a>`;
}

/** `{base}/pullrequest/{id}?_a=overview|files|commits|updates`. */
export function pullRequestView(ctx: RepoContext, pr: FixturePullRequest): View {
  const author = findUser(ctx, pr.createdBy);
  const source = shortRefName(pr.sourceRefName);
  const target = shortRefName(pr.targetRefName);
  const requestedTab = ctx.query.get('_a');
  const tab = requestedTab === 'files' || requestedTab === 'commits' || requestedTab === 'updates' ? requestedTab : 'overview';
  const statusText = pr.status === 'active' ? (pr.isDraft ? 'Draft' : 'Active') : capitalize(pr.status);
  const mainAction = pr.status !== 'active' ? 'Reactivate' : pr.isDraft ? 'Publish' : 'Complete';
  // Header, as captured on a live page (docs/azure-devops-pages.md#anchors): the root
  // `div.repos-pr-header.margin-bottom-8.bolt-header.flex-row.flex-noshrink.flex-start.bolt-header-no-spacing-defined`
  // (no command bar) holds one `div`, and in it the row `div.flex-row.rhythm-horizontal-8.flex-center.flex-grow`
  // with the vote split button `div.repos-pr-header-vote-button.bolt-split-button…` (> button), the complete
  // split button `.repos-pr-header-complete-button` and the ⋮ menu `div.bolt-header-command-item-button` >
  // `button#__bolt-menu-button-N` (a DevTools selector chain; nthomsencph/unfuck-ado (INTERNALS.md in its docs folder)).
  // So GP's positional `.repos-pr-header > div:nth-child(2) > div:nth-child(1)` finds nothing here.
  // GK inserts two links after `.repos-pr-title-row`; the title is `.repos-pr-title-row .bolt-textfield-input`
  // ([FS]); `.pr-status-completed` (AZ); branch links `.pr-header-branches > .bolt-link` with
  // `href="/{org}/{project}/_git/{repo}?version=GB{branch}"`, source first (GK, AZ `a:first-child`, SH, MU).
  // From a fork, the source branch lives in the fork: its link goes there (GK detects cross-repo PRs
  // from the two hrefs), the target link to this repository.
  const fork = forkOf(ctx, pr);
  const sourceRepoPath = fork ? canonicalRepoPath(ctx, fork.project, fork.repo) : ctx.canonicalRepoPath;
  const header = html`<div class="repos-pr-header margin-bottom-8 bolt-header flex-row flex-noshrink flex-start bolt-header-no-spacing-defined" data-fake-ado-deferred>
  <div>
    <div class="repos-pr-title-row flex-row flex-center flex-grow rhythm-horizontal-8">
      <span class="fake-repos-pr-id title-m">!${pr.pullRequestId}</span>
      <div class="bolt-textfield flex-row flex-grow"><input class="bolt-textfield-input flex-grow title-m" aria-label="Pull request title" value="${pr.title}"></div>
    </div>
    <div class="flex-row rhythm-horizontal-8 flex-center flex-grow">
      ${splitButton('repos-pr-header-vote-button', 'Approve', 'Vote options', false)}
      ${splitButton('repos-pr-header-complete-button', mainAction, `${mainAction} options`, pr.status === 'active')}
      ${overflowItem('__bolt-menu-button-7')}
    </div>
    <div class="fake-repos-pr-header-subtitle flex-row flex-center rhythm-horizontal-8">
      <span class="bolt-pill ${pr.status === 'completed' ? 'pr-status-completed' : `fake-pr-status-${pr.status}`}${pr.isDraft ? ' fake-pr-status-draft' : ''}">${statusText}</span>
      <span>${author?.displayName ?? 'Unknown'}</span>
      <div class="pr-header-branches flex-row flex-center rhythm-horizontal-4"><a class="bolt-link monospaced-text" data-spa href="${`${sourceRepoPath}${queryString({ version: `GB${source}` })}`}">${source}</a>${icon('Forward')}<a class="bolt-link monospaced-text" data-spa href="${`${ctx.canonicalRepoPath}${queryString({ version: `GB${target}` })}`}">${target}</a></div>
    </div>
  </div>
</div>`;
  const tabNames = ['overview', 'files', 'updates', 'commits'] as const;
  // Tabs `.repos-pr-details-page-tabbar a` with `aria-posinset` (AZ).
  const tabs = html`<div class="repos-pr-details-page-tabbar bolt-tabbar flex-row" role="tablist">${tabNames.map(
    (t, i) =>
      html`<a class="bolt-tab${t === tab ? ' selected' : ''}" role="tab" aria-posinset="${i + 1}" aria-setsize="${tabNames.length}" aria-selected="${String(t === tab)}" data-spa href="${repoHref(ctx, `pullrequest/${pr.pullRequestId}`, { _a: t === 'overview' ? undefined : t })}">${capitalize(t)}</a>`,
  )}</div>`;
  return {
    title: `Pull request ${pr.pullRequestId}: ${pr.title}`,
    kind: 'pullrequest',
    anchorDelayMs: PR_ANCHOR_DELAY_MS,
    body: html`${header}${tabs}${tab === 'files' ? filesTab() : overviewTab(ctx, pr)}`,
    dataProviders: {
      'ms.vss-code-web.pr-detail-data-provider': { pullRequest: pullRequestData(ctx, pr) },
    },
  };
}

function overviewTab(ctx: RepoContext, pr: FixturePullRequest): SafeHtml {
  const workItems = ctx.org.workItems.filter((w) => pr.workItemIds?.includes(w.id));
  return html`<div class="fake-repos-pr-overview flex-row rhythm-horizontal-16">
  <div class="fake-repos-overview-main bolt-card flex-column flex-grow"><div class="title-s">Description</div><div class="fake-repos-pr-description">${pr.description || 'No description'}</div></div>
  <div class="repos-overview-right-pane flex-column">
    <div class="bolt-card flex-column"><div class="title-s">Reviewers</div>${pr.reviewers.map((r) => {
      return html`<div class="fake-repos-reviewer flex-row rhythm-horizontal-8"><span>${reviewerName(ctx, r.userId)}</span>${r.isRequired ? html`<span class="bolt-pill">Required</span>` : ''}<span class="secondary-text">${VOTE_LABELS[r.vote] ?? ''}</span></div>`;
    })}</div>
    <div class="bolt-card flex-column"><div class="title-s">Work items</div>${workItems.map(
      (w) =>
        html`<div>${link(`${projectHref(ctx, ctx.project)}/_workitems/edit/${w.id}`, `${w.type} ${w.id}: ${w.title}`)}</div>`,
    )}</div>
  </div>
</div>`;
}

/** Files tab: the diff toolbar `.repos-compare-header-commandbar.bolt-button-group` (AZ `addEditButtons`). */
function filesTab(): SafeHtml {
  return html`<div class="fake-repos-pr-files flex-column">
  <div class="repos-compare-header-commandbar bolt-button-group flex-row rhythm-horizontal-8">${commandItem({ label: 'Side-by-side', icon: 'DiffSideBySide' })}</div>
  <div class="repos-changes-explorer-tree bolt-card"><div class="bolt-tree-row" role="treeitem">README.md</div></div>
</div>`;
}

/** `ms.vss-code-web.pr-detail-data-provider.pullRequest`, shaped like the REST GitPullRequest (AZ reads `pullRequestId`, `createdBy.displayName`). */
function pullRequestData(ctx: RepoContext, pr: FixturePullRequest): Record<string, unknown> {
  const fork = forkOf(ctx, pr);
  return {
    pullRequestId: pr.pullRequestId,
    title: pr.title,
    description: pr.description ?? '',
    status: pr.status,
    isDraft: pr.isDraft,
    creationDate: pr.creationDate,
    sourceRefName: pr.sourceRefName,
    targetRefName: pr.targetRefName,
    createdBy: identity(findUser(ctx, pr.createdBy), pr.createdBy),
    reviewers: pr.reviewers.map((r) => ({
      ...identity(findUser(ctx, r.userId), r.userId),
      displayName: reviewerName(ctx, r.userId),
      vote: r.vote,
      isRequired: r.isRequired,
    })),
    repository: {
      id: ctx.repo.id,
      name: ctx.repo.name,
      project: { id: ctx.project.id, name: ctx.project.name },
    },
    workItemRefs: (pr.workItemIds ?? []).map((id) => ({ id: String(id) })),
    ...(fork
      ? {
          forkSource: {
            name: pr.sourceRefName,
            repository: { id: fork.repo.id, name: fork.repo.name, project: { id: fork.project.id, name: fork.project.name } },
          },
        }
      : {}),
  };
}

/** The fork a pull request comes from (GitPullRequest.forkSource), searched in the whole organization. */
function forkOf(ctx: RepoContext, pr: FixturePullRequest): { project: FixtureProject; repo: FixtureRepository } | null {
  const id = pr.forkSourceRepositoryId?.toLowerCase();
  if (!id) return null;
  for (const project of ctx.org.projects) {
    const repo = project.repositories.find((r) => r.id.toLowerCase() === id);
    if (repo) return { project, repo };
  }
  return null;
}

function identity(user: FixtureUser | undefined, id: string) {
  return { id, displayName: user?.displayName ?? id, uniqueName: user?.email ?? id };
}

/** A reviewer's name: a user's display name, or `[Project]\\Team` for a group or team. */
function reviewerName(ctx: OrgContext, id: string): string {
  const user = findUser(ctx, id);
  if (user) return user.displayName;
  const group = ctx.org.groups?.find((g) => g.id.toLowerCase() === id.toLowerCase());
  return group ? `[${group.project ?? ctx.org.name}]\\${group.name}` : id;
}

function findUser(ctx: OrgContext, id: string): FixtureUser | undefined {
  return ctx.state.users.find((u) => u.id === id);
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]?.toUpperCase() ?? '')
    .join('');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
