// Repository pages under `{base}/_git/{repo}` (docs/azure-devops-pages.md).
import type { FixtureRepository } from '../fixture-types';
import { boltHeader, commandItem, icon, link, listHeader, overflowItem, shortSha } from './bolt';
import { html, type SafeHtml } from './html';
import type { RepoContext, View } from './types';
import { branchFilesHref, cloneUrls, repoHref, shortRefName } from './urls';

/**
 * What the branch picker shows: `version=GB…` (branch), `GC…` (commit), `GT…` (tag), else the default
 * branch. The commits and pushes pages name it `itemVersion`, as Azure DevOps' own links to them do.
 */
export function currentVersion(ctx: RepoContext, parameter: 'version' | 'itemVersion' = 'version'): { kind: 'branch' | 'commit' | 'tag'; name: string } {
  const version = ctx.query.get(parameter) ?? '';
  const name = version.slice(2);
  if (name && version.startsWith('GB')) return { kind: 'branch', name };
  if (name && version.startsWith('GC')) return { kind: 'commit', name };
  if (name && version.startsWith('GT')) return { kind: 'tag', name };
  return { kind: 'branch', name: shortRefName(ctx.repo.defaultBranch ?? 'refs/heads/main') };
}

export function defaultBranchName(repo: FixtureRepository): string | null {
  return repo.defaultBranch ? shortRefName(repo.defaultBranch) : null;
}

/**
 * Branch picker: `div.version-dropdown > button` with the label in
 * `span.bolt-dropdown-expandable-button-label.text-ellipsis` (AZ copy-branch button, PR #170;
 * GP `urlTransformer` XPath). The list itself is a callout in the portal host, outside
 * `.version-dropdown`, so GP's "first text-ellipsis span" stays the label.
 */
function branchPicker(ctx: RepoContext, historyPage?: HistoryPage): { button: SafeHtml; menu: SafeHtml } {
  const version = currentVersion(ctx, historyPage ? 'itemVersion' : 'version');
  const label = version.kind === 'commit' ? shortSha(version.name) : version.name;
  const path = ctx.query.get('path');
  const button = html`<div class="version-dropdown flex-row">
  <button class="bolt-button bolt-expandable-button fake-bolt-dropdown-expandable-button enabled bolt-focus-treatment" type="button" aria-haspopup="true" aria-expanded="false" aria-label="Branch selector">${icon(version.kind === 'tag' ? 'Tag' : 'OpenSource')}<span class="bolt-dropdown-expandable-button-label text-ellipsis">${label}</span><span aria-hidden="true" class="icon-right font-weight-normal fabric-icon ms-Icon--ChevronDownMed small"></span></button>
</div>`;
  const items = ctx.repo.branches.map(
    (branch) =>
      html`<a class="bolt-list-row fake-ado-menu-item" role="menuitem" data-spa href="${historyPage ? historyHref(ctx, historyPage, branch.name) : branchFilesHref(ctx, branch.name, path)}"${branch.name === version.name ? html` aria-checked="true"` : ''}>${branch.name}</a>`,
  );
  const menu = html`<div class="bolt-callout fake-ado-branch-menu flex-column" role="menu" aria-label="Branches" hidden>${items}</div>`;
  return { button, menu };
}

/**
 * Path breadcrumb in the files header title area. Structure satisfies the [FS] bookmarklet's
 * `.bolt-breadcrumb-container > div .bolt-breadcrumb-item > span .bolt-breadcrumb-item-text`.
 */
function breadcrumb(ctx: RepoContext, path: string): SafeHtml {
  const version = ctx.query.get('version');
  const parts = path.split('/').filter(Boolean);
  const items = [{ text: ctx.repo.name, path: '/' }].concat(
    parts.map((part, i) => ({ text: part, path: `/${parts.slice(0, i + 1).join('/')}` })),
  );
  return html`<div class="bolt-breadcrumb-container flex-row flex-grow scroll-hidden">
  <div class="bolt-breadcrumb flex-row" role="list">${items.map(
    (item, i) =>
      html`<div class="bolt-breadcrumb-item flex-row flex-center" role="listitem"><span class="fake-bolt-breadcrumb-item-content">${
        i === items.length - 1
          ? html`<span class="bolt-breadcrumb-item-text text-ellipsis">${item.text}</span>`
          : html`<a class="bolt-breadcrumb-item-text bolt-link text-ellipsis" data-spa href="${repoHref(ctx, '', { path: item.path, version })}">${item.text}</a><span aria-hidden="true" class="bolt-breadcrumb-divider">/</span>`
      }</span></div>`,
  )}</div>
</div>`;
}

/** Files page: `{base}` / `{base}?path=…&version=GB…`; empty repository when there is no default branch. */
export function filesView(ctx: RepoContext): View {
  if (!ctx.repo.defaultBranch) return emptyRepositoryView(ctx);
  const path = ctx.query.get('path') || '/';
  const picker = branchPicker(ctx);
  const version = ctx.query.get('version');
  const isFile = /\.[^/]+$/.test(path);
  // Files header: GK inserts `afterbegin` into `.repos-files-header-commandbar`; GP inserts before the
  // overflow item and strips `scroll-hidden` (its selector needs the bar to be `:nth-child(1)`); AZ adds
  // "Open in VSCode" after `.repos-files-header .bolt-header-title-area` and a copy button after
  // `.version-dropdown > button`.
  const header = html`<div class="repos-files-header bolt-header flex-row flex-center flex-noshrink" data-fake-ado-deferred>
  <div class="bolt-header-title-area flex-row flex-grow flex-center scroll-hidden">
    ${picker.button}
    ${breadcrumb(ctx, path)}
  </div>
  <div class="flex-self-start bolt-header-commandbar bolt-button-group flex-row" role="menubar">
    <div class="repos-files-header-commandbar flex-row flex-center flex-grow scroll-hidden rhythm-horizontal-8">
      ${commandItem({ label: 'Clone', icon: 'Download', id: '__bolt-clone-button' })}
      ${commandItem({ label: 'Set up build', icon: 'Build' })}
      ${overflowItem('__bolt-header-command-bar-menu-button-1')}
    </div>
  </div>
</div>`;
  const content = isFile
    ? html`<div class="fake-repos-file-content bolt-card"><pre class="fake-ado-file-text">${`Contents of ${path}`}</pre></div>`
    : html`<div class="fake-repos-files-list bolt-card" role="table" aria-label="Files">
  <div class="bolt-table-row" role="row">${link(repoHref(ctx, '', { path: `${path === '/' ? '' : path}/README.md`, version }), 'README.md')}</div>
</div>`;
  return {
    title: `Files - ${ctx.repo.name}`,
    kind: 'files',
    body: html`${header}${content}`,
    portal: picker.menu,
    dataProviders: repositoryDataProvider(ctx),
  };
}

/** `ms.vss-code-web.versioncontrol-viewmodel-data-provider.gitRepository` ([FS]: repo GUID on Files pages). */
function repositoryDataProvider(ctx: RepoContext): Record<string, unknown> {
  return {
    'ms.vss-code-web.versioncontrol-viewmodel-data-provider': {
      gitRepository: {
        id: ctx.repo.id,
        name: ctx.repo.name,
        defaultBranch: ctx.repo.defaultBranch,
        project: { id: ctx.project.id, name: ctx.project.name },
      },
    },
  };
}

/** Empty repository: the clone panel, with `div.clone-with-application` (GP `ado-repo-empty`; PR #157 screenshot). */
function emptyRepositoryView(ctx: RepoContext): View {
  const urls = cloneUrls(ctx);
  const body = html`<div class="fake-repos-empty-repository flex-column" data-fake-ado-deferred>
  <div class="title-m">${ctx.repo.name} is empty. Add some code!</div>
  <div class="bolt-card flex-column fake-repos-clone-panel">
    <div class="title-s">Clone to your computer</div>
    <div class="flex-row rhythm-horizontal-8">
      <div class="bolt-textfield flex-grow"><input class="bolt-textfield-input flex-grow" readonly aria-label="HTTPS clone URL" value="${urls.https}"></div>
      ${commandItem({ label: 'Copy clone URL', icon: 'Copy' })}
    </div>
    <div class="clone-with-application flex-row rhythm-horizontal-8">
      <button class="bolt-button enabled bolt-focus-treatment" type="button"><span class="bolt-button-text body-m">Clone in VS Code</span></button>
    </div>
    <div class="secondary-text">SSH: <code>${urls.ssh}</code></div>
  </div>
  <div class="bolt-card flex-column">
    <div class="title-s">Push an existing repository from command line</div>
    <pre class="fake-ado-commands">${`git remote add origin ${urls.https}\ngit push -u origin --all`}</pre>
  </div>
</div>`;
  return { title: `Files - ${ctx.repo.name}`, kind: 'empty-repository', body, dataProviders: repositoryDataProvider(ctx) };
}

/** The two pages that name their branch `itemVersion`. */
type HistoryPage = 'commits' | 'pushes';

/** `{base}/commits?itemVersion=GB{branch}` (or pushes): the form of Azure DevOps' own links (docs/azure-devops-pages.md#urls). */
export function historyHref(ctx: RepoContext, page: HistoryPage, branch: string): string {
  return repoHref(ctx, page, { itemVersion: `GB${branch}` });
}

/** `{base}/commits`: history of the picked branch (the fake knows only branch heads). */
export function commitsView(ctx: RepoContext): View {
  const picker = branchPicker(ctx, 'commits');
  const body = html`${listHeader('fake-repos-commits-header', 'Commits', [], '__bolt-header-command-bar-menu-button-4', picker.button)}
<div class="fake-repos-commits-table bolt-card" role="table" aria-label="Commits">${commitRows(ctx, (b) => `Update ${b.name}`)}</div>`;
  return { title: `Commits - ${ctx.repo.name}`, kind: 'commits', body, portal: picker.menu };
}

/** `{base}/pushes`: one push per branch head (the fake keeps no push history for its pages). */
export function pushesView(ctx: RepoContext): View {
  const picker = branchPicker(ctx, 'pushes');
  const body = html`${listHeader('fake-repos-pushes-header', 'Pushes', [], '__bolt-header-command-bar-menu-button-5', picker.button)}
<div class="fake-repos-pushes-table bolt-card" role="table" aria-label="Pushes">${commitRows(ctx, (b) => `Pushed to ${b.name}`)}</div>`;
  return { title: `Pushes - ${ctx.repo.name}`, kind: 'pushes', body, portal: picker.menu };
}

/** One row per distinct commit at a branch head, the picked branch's first. */
function commitRows(ctx: RepoContext, text: (branch: FixtureRepository['branches'][number]) => string): SafeHtml | SafeHtml[] {
  const head = ctx.repo.branches.find((b) => b.name === currentVersion(ctx, 'itemVersion').name);
  const commits = [head, ...ctx.repo.branches.filter((b) => b !== head)].filter(
    (b, i, all): b is NonNullable<typeof b> => b !== undefined && all.findIndex((o) => o?.objectId === b.objectId) === i,
  );
  return commits.length === 0
    ? html`<div class="secondary-text">No commits yet.</div>`
    : commits.map(
        (b) =>
          html`<div class="bolt-table-row flex-row rhythm-horizontal-8" role="row">${link(repoHref(ctx, `commit/${b.objectId}`), shortSha(b.objectId))}<span class="text-ellipsis">${text(b)}</span></div>`,
      );
}

/** `{base}/commit/{sha}`: bolt header with `.bolt-header-commandbar` (GK `case 'commit'`, `afterbegin`). */
export function commitView(ctx: RepoContext, sha: string): View {
  const branch = ctx.repo.branches.find((b) => b.objectId.toLowerCase() === sha.toLowerCase());
  const header = boltHeader({
    className: 'fake-repos-commit-header',
    title: branch ? `Update ${branch.name}` : `Commit ${shortSha(sha)}`,
    subtitle: html`Commit <span class="monospaced-text">${shortSha(sha)}</span>${branch ? html` on ${link(branchFilesHref(ctx, branch.name), branch.name)}` : ''}`,
    commands: [
      commandItem({ label: 'Browse files', icon: 'FabricFolder', href: repoHref(ctx, '', { version: `GC${sha}` }) }),
      commandItem({ label: 'Cherry-pick', icon: 'BranchFork2' }),
      commandItem({ label: 'Revert', icon: 'Undo' }),
      overflowItem('__bolt-header-command-bar-menu-button-2'),
    ],
  });
  const body = html`${header}<div class="fake-repos-commit-details bolt-card"><div class="secondary-text">1 changed file</div><div>README.md</div></div>`;
  return { title: `Commit ${shortSha(sha)} - ${ctx.repo.name}`, kind: 'commit', body };
}

/** `{base}/branches`. */
export function branchesView(ctx: RepoContext): View {
  const defaultName = defaultBranchName(ctx.repo);
  const header = boltHeader({
    className: 'fake-repos-branches-header',
    title: 'Branches',
    commands: [commandItem({ label: 'New branch', icon: 'Add', primary: true })],
  });
  // No public capture of this page's rows: an azure-devops-ui table with an accessible name and
  // `tr.bolt-table-row` rows, as seen on other Repos pages (docs/azure-devops-pages.md#selectors).
  const rows = ctx.repo.branches.map((b) => {
    const isDefault = b.name === defaultName;
    return html`<tr class="bolt-table-row" role="row">
  <td class="fake-repos-branches-name">${link(branchFilesHref(ctx, b.name), b.name)}${isDefault ? html` <span class="bolt-pill">Default</span>` : ''}</td>
  <td>${link(repoHref(ctx, `commit/${b.objectId}`), shortSha(b.objectId), 'bolt-link monospaced-text')}</td>
  <td>${link(historyHref(ctx, 'commits', b.name), 'History')}</td>
  <td>${
    isDefault || !defaultName
      ? ''
      : html`${link(repoHref(ctx, 'pullrequestcreate', { sourceRef: b.name, targetRef: defaultName }), 'New pull request')}
  ${link(repoHref(ctx, 'branchCompare', { baseVersion: `GB${defaultName}`, targetVersion: `GB${b.name}` }), 'Compare')}`
  }</td>
</tr>`;
  });
  const body = html`${header}<table class="fake-repos-branches-table bolt-table bolt-card" aria-label="Branches"><tbody>${
    rows.length ? rows : html`<tr><td class="secondary-text">No branches yet.</td></tr>`
  }</tbody></table>`;
  return { title: `Branches - ${ctx.repo.name}`, kind: 'branches', body };
}

/** `{base}/tags`: a bolt header with its own command bar; the fake's repositories have no tags. */
export function tagsView(ctx: RepoContext): View {
  const header = boltHeader({
    className: 'fake-repos-tags-header',
    title: 'Tags',
    commands: [commandItem({ label: 'New tag', icon: 'Add', primary: true })],
  });
  return {
    title: `Tags - ${ctx.repo.name}`,
    kind: 'tags',
    body: html`${header}<div class="fake-repos-tags-table bolt-card secondary-text" role="table" aria-label="Tags">No tags yet.</div>`,
  };
}

/** `{base}/branchCompare?baseVersion=GB…&targetVersion=GB…`: GK inserts into `.bolt-header-commandbar-button-group`. */
export function branchCompareView(ctx: RepoContext): View {
  const base = versionName(ctx.query.get('baseVersion')) ?? defaultBranchName(ctx.repo) ?? '';
  const target = versionName(ctx.query.get('targetVersion')) ?? '';
  const header = boltHeader({
    className: 'fake-repos-compare-header',
    title: html`<span class="fake-repos-compare-version">${base}</span> ${icon('Back')} <span class="fake-repos-compare-version">${target || 'Select a branch'}</span>`,
    subtitle: 'Compare branches',
    commands: [
      commandItem({
        label: 'Create a pull request',
        icon: 'BranchPullRequest',
        href: repoHref(ctx, 'pullrequestcreate', { sourceRef: target || undefined, targetRef: base || undefined }),
      }),
      overflowItem('__bolt-header-command-bar-menu-button-3'),
    ],
  });
  const body = html`${header}<div class="fake-repos-compare-summary bolt-card secondary-text">${
    target ? `Commits in ${target} that are not in ${base}` : 'Pick a branch to compare.'
  }</div>`;
  return { title: `Compare - ${ctx.repo.name}`, kind: 'branch-compare', body };
}

/** `{base}/pullrequestcreate?sourceRef=…&targetRef=…` (GL `getUrlForCreatePullRequest`). No extension anchors. */
export function pullRequestCreateView(ctx: RepoContext): View {
  const source = refName(ctx.query.get('sourceRef')) ?? '';
  const target = refName(ctx.query.get('targetRef')) ?? defaultBranchName(ctx.repo) ?? '';
  const body = html`<div class="fake-repos-pr-create-header bolt-header flex-row flex-center" data-fake-ado-deferred>
  <div class="bolt-header-title-area flex-column flex-grow">
    <div aria-level="1" class="bolt-header-title title-m l" role="heading">New pull request</div>
    <div class="fake-repos-pr-create-branches flex-row flex-center rhythm-horizontal-8"><span class="fake-repos-pr-create-source">${source || 'Select a source branch'}</span><span>into</span><span class="fake-repos-pr-create-target">${target}</span></div>
  </div>
</div>
<div class="fake-repos-pr-create-form bolt-card flex-column rhythm-vertical-8">
  <label class="flex-column">Title<div class="bolt-textfield"><input class="bolt-textfield-input" aria-label="Title" value="${source ? `Merge ${source} into ${target}` : ''}"></div></label>
  <label class="flex-column">Description<div class="bolt-textfield"><textarea class="bolt-textfield-input" aria-label="Description" rows="4"></textarea></div></label>
  <div><button class="bolt-button enabled primary bolt-focus-treatment" type="button"><span class="bolt-button-text body-m">Create</span></button></div>
</div>`;
  return { title: `New pull request - ${ctx.repo.name}`, kind: 'pullrequest-create', body };
}

/** Repository that exists but is disabled: a message, no repository anchors. */
export function disabledRepositoryView(ctx: RepoContext): View {
  return {
    title: ctx.repo.name,
    kind: 'disabled-repository',
    body: html`<div class="bolt-card flex-column"><div class="title-m">${`${ctx.repo.name} is disabled`}</div><div class="secondary-text">A project administrator disabled this repository.</div></div>`,
  };
}

function versionName(version: string | null): string | null {
  return version && /^G[BCT]./.test(version) ? version.slice(2) : version || null;
}

function refName(ref: string | null): string | null {
  return ref ? shortRefName(ref) : null;
}

