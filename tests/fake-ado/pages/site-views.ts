// Pages outside a repository: organization home, project home, Boards. Same shell, no repository
// anchors (so features scoped to repository pages must stay away from them).
import { link, titleHeader } from './bolt';
import { html } from './html';
import type { OrgContext, ProjectContext, View } from './types';
import { canonicalRepoPath, projectHref } from './urls';

/** `/{org}` (or the collection root on Azure DevOps Server). */
export function organizationHomeView(ctx: OrgContext): View {
  const cards = ctx.org.projects.map(
    (project) => html`<div class="bolt-card flex-column fake-ado-project-card">
  ${link(projectHref(ctx, project), project.name, 'bolt-link title-s')}
  <span class="secondary-text">${project.description ?? ''}</span>
</div>`,
  );
  return {
    title: `Projects - Home`,
    kind: 'organization-home',
    body: html`${titleHeader(ctx.org.name, 'Projects')}<div class="fake-ado-card-grid">${cards.length ? cards : html`<div class="secondary-text">No projects yet.</div>`}</div>`,
  };
}

/** `/{org}/{project}`: project summary. */
export function projectHomeView(ctx: ProjectContext): View {
  const repos = ctx.project.repositories.map(
    (repo) => html`<li>${link(canonicalRepoPath(ctx, ctx.project, repo), repo.name)}</li>`,
  );
  return {
    title: `Summary - Overview`,
    kind: 'project-home',
    body: html`${titleHeader(ctx.project.name, ctx.project.description ?? '')}
<div class="bolt-card flex-column"><div class="title-s">Repositories</div><ul class="fake-ado-list">${repos}</ul></div>`,
  };
}

/** `/{org}/{project}/_boards/board` (any `_boards/…`): work items in columns by state. */
export function boardsView(ctx: ProjectContext): View {
  const items = ctx.org.workItems.filter((w) => w.project.toLowerCase() === ctx.project.name.toLowerCase());
  const states = [...new Set(['New', 'Active', 'Resolved', 'Closed', ...items.map((w) => w.state)])];
  const columns = states.map(
    (state) => html`<div class="fake-ado-board-column bolt-card flex-column" role="list" aria-label="${state}">
  <div class="title-s">${state}</div>
  ${items
    .filter((w) => w.state === state)
    .map(
      (w) =>
        html`<div class="fake-ado-board-card" role="listitem"><span class="secondary-text">${`${w.type} ${w.id}`}</span><div>${w.title}</div></div>`,
    )}
</div>`,
  );
  return {
    title: `${ctx.project.name} Team - Boards`,
    kind: 'boards',
    body: html`${titleHeader('Boards', `${ctx.project.name} Team`)}<div class="fake-ado-board flex-row rhythm-horizontal-8">${columns}</div>`,
  };
}

/**
 * `/{org}/_usersSettings/keys`: the user's SSH public keys in this organization (docs/ssh-keys.md).
 * The markup is invented (not observed on the real page): nothing may anchor on it; it exists so a
 * test can see that the settings page was opened and that a key added through the API shows up.
 */
export function sshKeysSettingsView(ctx: OrgContext): View {
  const keys = (ctx.org.sshKeys ?? []).filter((k) => k.userId === ctx.user?.id);
  const rows = keys.map(
    (k) => html`<li class="fake-ado-ssh-key"><span class="title-s">${k.displayName}</span> <span class="secondary-text">expires ${k.validTo.slice(0, 10)}</span></li>`,
  );
  return {
    title: 'SSH public keys - User settings',
    kind: 'user-settings-ssh-keys',
    body: html`${titleHeader('SSH public keys', ctx.org.name)}
<button type="button" class="bolt-button">New Key</button>
<ul class="fake-ado-list">${rows.length ? rows : html`<li class="secondary-text">No SSH public keys yet.</li>`}</ul>`,
  };
}
