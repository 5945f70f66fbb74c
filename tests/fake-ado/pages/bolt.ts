// Bolt (azure-devops-ui) building blocks. Class lists follow the markup peers copy to look native:
// AZ azdo-pr-dashboard.user.js and MU content.js buttons (`bolt-button bolt-icon-button enabled
// bolt-focus-treatment`), GK src/hosts/azureDevops.ts (`bolt-header-command-item-button`), and
// GP button-contributions.ts (command items are `div`s wrapping a `button`).
import { html, type SafeHtml } from './html';

export function icon(name: string): SafeHtml {
  return html`<span class="fluent-icons-enabled"><span aria-hidden="true" class="left-icon flex-noshrink fabric-icon ms-Icon--${name} medium"></span></span>`;
}

export interface CommandItem {
  label: string;
  icon?: string;
  /** Renders an `<a data-spa>` instead of a `<button>`. */
  href?: string;
  primary?: boolean;
  id?: string;
  extraClass?: string;
}

/** `div.bolt-header-command-item-button` wrapping one button or link (GP inserts before such a div). */
export function commandItem(item: CommandItem): SafeHtml {
  const classes = `bolt-button ${item.icon ? 'bolt-icon-button ' : ''}enabled ${item.primary ? 'primary ' : ''}bolt-focus-treatment${item.extraClass ? ` ${item.extraClass}` : ''}`;
  const inner = html`${item.icon ? icon(item.icon) : ''}<span class="bolt-button-text body-m">${item.label}</span>`;
  const control = item.href
    ? html`<a class="${classes}" role="menuitem" data-spa href="${item.href}"${item.id ? html` id="${item.id}"` : ''}>${inner}</a>`
    : html`<button class="${classes}" role="menuitem" type="button"${item.id ? html` id="${item.id}"` : ''}>${inner}</button>`;
  return html`<div class="bolt-header-command-item-button">${control}</div>`;
}

/** The "…" overflow item; `id` keeps bolt's generated prefix (`__bolt-header-command-bar-menu-button-N`, `__bolt-menu-button-N`). */
export function overflowItem(id: string): SafeHtml {
  return html`<div class="bolt-header-command-item-button bolt-expandable-button"><button id="${id}" class="bolt-button bolt-icon-button enabled subtle icon-only bolt-focus-treatment" role="menuitem" type="button" aria-haspopup="true" aria-expanded="false" aria-label="More actions">${icon('More')}</button></div>`;
}

/**
 * An azure-devops-ui split button (`SplitButton`: `button.bolt-split-button-main`, a divider, and the
 * option toggle in `div.inline-flex-row`), as the pull request header's vote and complete buttons are
 * (`div.repos-pr-header-vote-button.bolt-split-button.flex-stretch.inline-flex-row > button` in a capture).
 */
export function splitButton(className: string, label: string, optionsLabel: string, primary: boolean): SafeHtml {
  return html`<div class="${className} bolt-split-button flex-stretch inline-flex-row"><button class="bolt-button bolt-split-button-main enabled${primary ? ' primary' : ''} bolt-focus-treatment" type="button"><span class="bolt-button-text body-m">${label}</span></button><div class="bolt-split-button-divider"></div><div class="inline-flex-row"><button class="bolt-button bolt-split-button-option bolt-icon-button enabled${primary ? ' primary' : ''} icon-only bolt-focus-treatment" type="button" aria-haspopup="true" aria-label="${optionsLabel}">${icon('ChevronDown')}</button></div></div>`;
}

/**
 * The filter toggle azure-devops-ui's `HeaderCommandBarWithFilter` adds to a header's items
 * (`Components/HeaderCommandBar/Items.js` `getFilterItem`: id "filter", icon only, subtle, labelled "Filter").
 */
export function filterItem(): SafeHtml {
  return html`<div class="bolt-header-command-item-button"><button id="__bolt-filter" class="bolt-button bolt-icon-button enabled subtle icon-only bolt-focus-treatment" role="menuitem" type="button" aria-label="Filter">${icon('Filter')}</button></div>`;
}

/**
 * A bolt `Header`: title area + `.bolt-header-commandbar` > `.bolt-header-commandbar-button-group`
 * (GK anchors commit and compare pages on these two; azure-devops-ui 2.277.0 `HeaderCommandBar.js`
 * renders the group inside the command bar).
 */
export function boltHeader(options: {
  className: string;
  title: string | SafeHtml;
  subtitle?: SafeHtml | string;
  /** Before the title, in the title area (a branch picker). */
  leading?: SafeHtml;
  commands: SafeHtml[];
}): SafeHtml {
  return html`<div class="bolt-header flex-row flex-noshrink ${options.className}" data-fake-ado-deferred>
  <div class="bolt-header-content-area flex-row flex-grow flex-self-stretch">
    <div class="bolt-header-title-area flex-column flex-grow scroll-hidden">
      ${options.leading ?? ''}
      <div class="bolt-header-title-row flex-row flex-baseline"><div aria-level="1" class="text-ellipsis bolt-header-title title-m l" role="heading">${options.title}</div></div>
      ${options.subtitle ? html`<div class="bolt-header-description secondary-text">${options.subtitle}</div>` : ''}
    </div>
    <div class="flex-self-start bolt-header-commandbar bolt-button-group flex-row" role="menubar">
      <div class="flex-self-start bolt-header-commandbar-button-group flex-row flex-center flex-grow scroll-hidden rhythm-horizontal-8">${options.commands}</div>
    </div>
  </div>
</div>`;
}

/**
 * The header of the repository's list pages (commits, pushes, pull requests): a bolt `Header` whose
 * command bar is azure-devops-ui's `HeaderCommandBarWithFilter`, so it always ends with the filter
 * toggle before the overflow item.
 */
export function listHeader(className: string, title: string, commands: SafeHtml[], overflowId: string, leading?: SafeHtml): SafeHtml {
  return boltHeader({ className, title, leading, commands: [...commands, filterItem(), overflowItem(overflowId)] });
}

/** A plain page title header without a command bar (non-repository hubs). */
export function titleHeader(title: string, subtitle?: string): SafeHtml {
  return html`<div class="bolt-header flex-row flex-noshrink fake-ado-hub-header">
  <div class="bolt-header-title-area flex-column flex-grow">
    <div class="bolt-header-title-row flex-row flex-baseline"><div aria-level="1" class="text-ellipsis bolt-header-title title-m l" role="heading">${title}</div></div>
    ${subtitle ? html`<div class="bolt-header-description secondary-text">${subtitle}</div>` : ''}
  </div>
</div>`;
}

export function link(href: string, text: string | SafeHtml, className = 'bolt-link'): SafeHtml {
  return html`<a class="${className}" data-spa href="${href}">${text}</a>`;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 8);
}
