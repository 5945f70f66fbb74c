// Class names the fake pages may use without the `fake-` prefix: each was seen on real Azure DevOps
// pages by a public source (docs/azure-devops-pages.md names them), or belongs to azure-devops-ui, the
// public component library the web UI is built from. Classes of lib/azure/selectors.ts are allowed as
// well (tests/unit/fake-ado-pages.test.ts derives them from the selectors). Every other class the fake
// renders is invented and starts with `fake-`, so no feature can anchor on it by accident.

/** Seen on real pages by peers, beyond lib/azure/selectors.ts (docs/azure-devops-pages.md sources). */
export const OBSERVED_BY_PEERS: Record<string, string> = {
  'repos-pr-section-header-title': 'AZ watchPullRequestDashboard (section title `> span`)',
  'repos-pr-details-page-tabbar': 'AZ (PR tabs, `aria-posinset`)',
  'repos-overview-right-pane': 'AZ (PR overview side pane)',
  'repos-compare-header-commandbar': 'AZ addEditButtons (PR files tab toolbar)',
  'repos-changes-explorer-tree': 'AZ 18be314 (PR file tree on bolt-tree)',
  'pr-status-completed': 'AZ (completed PR status)',
  'bolt-header-title': 'AZ PR #94 (page title `.bolt-header-title.title-m.l`)',
  'title-m': 'AZ PR #94',
  l: 'AZ PR #94',
  'repos-pr-header-complete-button': 'nthomsencph/unfuck-ado (INTERNALS.md in its docs folder) (PR header actions row, verified live 2026-08)',
  'margin-bottom-8': 'a DevTools selector chain of a live PR page (the PR header root)',
  'flex-start': 'a DevTools selector chain of a live PR page (the PR header root)',
  'bolt-header-no-spacing-defined': 'a DevTools selector chain of a live PR page (the PR header root)',
};

/**
 * Classes of azure-devops-ui (npm `azure-devops-ui` 2.x, https://github.com/microsoft/azure-devops-ui),
 * checked against the CSS and components of its 2.277.0 package: headers, buttons, cards, tables,
 * tabs, breadcrumbs, text fields and the layout utilities. Peers copy the same ones to look native (AZ,
 * MU, GK button markup).
 */
export const AZURE_DEVOPS_UI_CLASSES: readonly string[] = [
  // layout and type utilities
  'flex-row', 'flex-column', 'flex-center', 'flex-grow', 'flex-noshrink', 'flex-self-start', 'flex-self-stretch',
  'flex-baseline', 'rhythm-horizontal-4', 'rhythm-horizontal-8', 'rhythm-horizontal-16', 'rhythm-vertical-8',
  'scroll-hidden', 'text-ellipsis', 'secondary-text', 'monospaced-text', 'title-s', 'body-m', 'font-weight-normal',
  // icons
  'fluent-icons-enabled', 'fabric-icon', 'left-icon', 'icon-right', 'small', 'medium',
  // buttons and command bars
  'bolt-split-button', 'bolt-split-button-main', 'bolt-split-button-divider', 'bolt-split-button-option', 'inline-flex-row', 'flex-stretch',
  'bolt-button', 'bolt-icon-button', 'bolt-button-text', 'bolt-button-group', 'bolt-focus-treatment', 'enabled',
  'primary', 'subtle', 'icon-only', 'bolt-expandable-button', 'fake-bolt-dropdown-expandable-button',
  'bolt-header', 'bolt-header-content-area', 'bolt-header-title-area', 'bolt-header-title-row', 'bolt-header-description',
  // surfaces and lists
  'bolt-card', 'bolt-pill', 'bolt-link', 'bolt-table', 'bolt-table-row', 'bolt-list-row', 'bolt-tree-row',
  'bolt-tabbar', 'bolt-tab', 'selected', 'bolt-callout', 'bolt-portal-host', 'bolt-textfield', 'bolt-textfield-input',
  'bolt-breadcrumb', 'bolt-breadcrumb-item', 'bolt-breadcrumb-divider',
];

/** Fabric icon font classes (`ms-Icon--Copy` in MU's buttons; azure-devops-ui renders `ms-Icon--{name}`). */
export const ICON_CLASS = /^ms-Icon--[A-Za-z0-9]+$/;
