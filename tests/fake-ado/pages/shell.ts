// The document every route is served in (docs/azure-devops-pages.md): theme class on <body>, the
// `div.full-size` React root, `<script id="dataProviders">` with the docs/entra-oauth.md keys, and the client script.
import { link } from './bolt';
import { CLIENT_SCRIPT } from './client-script';
import { html, jsonForScript, raw, type SafeHtml } from './html';
import { STYLES } from './styles';
import type { OrgContext, ProjectContext, RepoContext, View } from './types';
import { boardsHref, canonicalRepoPath, orgHomeHref, projectHref } from './urls';

/**
 * Anchors re-render this long after they first appear when no extension adds anything to the page
 * sooner (client-script.ts): long enough for a content script that would wrongly show its buttons on
 * such a page to have shown them before a test reads the settled page.
 */
export const RERENDER_DELAY_MS = 1000;
export const DEFAULT_ANCHOR_DELAY_MS = 100;

type AnyContext = OrgContext | ProjectContext | RepoContext;

/** `routeKey` keys the view's `<main>` (the URL path): the client script keeps it across query-only navigation. */
export function renderShell(ctx: AnyContext, view: View, routeKey: string): string {
  const themeId = ctx.theme === 'dark' ? 'ms.vss-web.vsts-theme-dark' : 'ms.vss-web.vsts-theme';
  // Body class = theme id with dots as dashes ([FS] theme-sync scripts; "ADO's dark mode is detected by
  // body.ms-vss-web-vsts-theme-dark").
  const bodyClass = themeId.replaceAll('.', '-');
  const project = 'project' in ctx ? ctx.project : null;
  // Keys as AZ `onReady` reads them (user, suiteHomeUrl, theme, project); view adds repo / PR providers.
  const dataProviders = {
    data: {
      'ms.vss-web.page-data': ctx.user
        ? { user: { id: ctx.user.id, displayName: ctx.user.displayName, uniqueName: ctx.user.email, email: ctx.user.email } }
        : {},
      'ms.vss-tfs-web.header-action-data': { suiteHomeUrl: ctx.suiteHomeUrl },
      'ms.vss-web.theme-data': { requestedThemeId: themeId },
      'ms.vss-tfs-web.page-data': project ? { project: { id: project.id, name: project.name } } : {},
      ...view.dataProviders,
    },
  };
  const anchors = ctx.query.get('fake-ado-anchors');
  const timing = ctx.instant
    ? html` data-fake-ado-instant`
    : html` data-anchor-delay="${anchors === 'late' ? -1 : (view.anchorDelayMs ?? DEFAULT_ANCHOR_DELAY_MS)}" data-rerender-delay="${RERENDER_DELAY_MS}"`;
  const body = anchors === 'unknown' ? withUnknownAnchors(view.body) : view.body;
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${view.title}</title>
<style>${raw(STYLES)}</style>
</head>
<body class="${bodyClass}">
<div class="full-size">
<div class="fake-ado-app flex-column" data-fake-ado-view="${view.kind}"${timing}>
${topBar(ctx)}
<div class="fake-ado-body flex-row">
${navigation(ctx, view)}
<main id="skip-to-main-content" class="fake-ado-main flex-column flex-grow" data-fake-ado-key="${routeKey}">
${body}
</main>
</div>
<div class="bolt-portal-host">${view.portal ?? ''}</div>
</div>
</div>
<script id="dataProviders" type="application/json">${jsonForScript(dataProviders)}</script>
<script>${raw(CLIENT_SCRIPT)}</script>
</body>
</html>
`;
  return page.value;
}

/**
 * The page as Azure DevOps might render it after a redesign (`?fake-ado-anchors=unknown`): every class
 * the page buttons anchor on gets the `fake-unknown-` prefix, so no known anchor appears.
 */
const ANCHOR_CLASSES = new Set(['repos-files-header-commandbar', 'bolt-header-commandbar', 'bolt-header-commandbar-button-group', 'repos-pr-header', 'repos-pr-header-vote-button']);
function withUnknownAnchors(body: SafeHtml): SafeHtml {
  return raw(
    body.value.replace(/ class="([^"]*)"/g, (_, names: string) => ` class="${names.split(' ').map((name) => (ANCHOR_CLASSES.has(name) ? `fake-unknown-${name}` : name)).join(' ')}"`),
  );
}

function topBar(ctx: AnyContext): SafeHtml {
  const project = 'project' in ctx ? ctx.project : null;
  return html`<header class="fake-ado-topbar flex-row">
  <span class="title-s">Azure DevOps</span>
  ${link(orgHomeHref(ctx), ctx.org.name, 'bolt-link fake-ado-org-link')}
  ${project ? html`<span aria-hidden="true">/</span>${link(projectHref(ctx, project), project.name, 'bolt-link fake-ado-project-link')}` : ''}
  <span class="flex-grow"></span>
  <button id="__bolt-changeThemeLink" class="bolt-button subtle enabled bolt-focus-treatment" type="button"><span class="bolt-button-text body-m">Theme</span></button>
  <span class="fake-ado-user">${ctx.user?.displayName ?? 'Signed out'}</span>
</header>`;
}

/** Left navigation: project hubs and the repo pages of the current (or the project's first) repository. */
function navigation(ctx: AnyContext, view: View): SafeHtml {
  if (!('project' in ctx)) {
    return html`<nav class="fake-ado-nav" aria-label="Organization">${navLink(orgHomeHref(ctx), 'Projects', view.kind === 'organization-home')}${navLink(`${ctx.collectionPath}/_pulls`, 'Pull requests', view.kind === 'pullrequests')}</nav>`;
  }
  const project = ctx.project;
  const repo =
    'repo' in ctx
      ? ctx.repo
      : (project.repositories.find((r) => r.name.toLowerCase() === project.name.toLowerCase()) ?? project.repositories[0]);
  const repoBase = 'repoPath' in ctx ? ctx.repoPath : repo ? canonicalRepoPath(ctx, project, repo) : null;
  const isRepoView = 'repo' in ctx;
  return html`<nav class="fake-ado-nav" aria-label="Project">
  ${navLink(projectHref(ctx, project), 'Overview', view.kind === 'project-home')}
  ${navLink(boardsHref(ctx, project), 'Boards', view.kind === 'boards')}
  ${
    repoBase
      ? html`${navLink(repoBase, 'Repos', false)}
  ${navLink(repoBase, 'Files', isRepoView && (view.kind === 'files' || view.kind === 'empty-repository'), true)}
  ${navLink(`${repoBase}/commits`, 'Commits', isRepoView && view.kind === 'commits', true)}
  ${navLink(`${repoBase}/pushes`, 'Pushes', isRepoView && view.kind === 'pushes', true)}
  ${navLink(`${repoBase}/branches`, 'Branches', isRepoView && view.kind === 'branches', true)}
  ${navLink(`${repoBase}/tags`, 'Tags', isRepoView && view.kind === 'tags', true)}
  ${navLink(`${repoBase}/pullrequests`, 'Pull requests', isRepoView && view.kind === 'pullrequests', true)}`
      : ''
  }
</nav>`;
}

function navLink(href: string, text: string, current: boolean, sub = false): SafeHtml {
  return html`<a${sub ? html` class="fake-ado-nav-sub"` : ''} data-spa href="${href}"${current ? html` aria-current="page"` : ''}>${text}</a>`;
}

