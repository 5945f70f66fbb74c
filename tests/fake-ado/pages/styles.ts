// Theme variables as docs/azure-devops-pages.md lists them: semantic ones are full colours
// (`--text-primary-color`, `--communication-background`, `--palette-black-alpha-*`), `--palette-*`
// palette entries are bare `r, g, b` triplets used as `rgb(var(--x))` / `rgba(var(--x), 1)`.
// Values approximate ADO's light and dark themes; only their shape has to be right.
export const STYLES = `
body.ms-vss-web-vsts-theme {
  --palette-primary: 0, 120, 212;
  --palette-primary-darkened-6: 0, 103, 184;
  --palette-primary-darkened-10: 0, 91, 161;
  --palette-neutral-0: 255, 255, 255;
  --palette-neutral-2: 248, 248, 248;
  --palette-neutral-4: 244, 244, 244;
  --palette-neutral-8: 234, 234, 234;
  --palette-neutral-20: 200, 200, 200;
  --palette-neutral-100: 0, 0, 0;
  --palette-accent3: 218, 10, 0;
  --palette-black-alpha-4: rgba(0, 0, 0, 0.04);
  --palette-black-alpha-8: rgba(0, 0, 0, 0.08);
  --palette-black-alpha-20: rgba(0, 0, 0, 0.2);
  --background-color: rgba(255, 255, 255, 1);
  --text-primary-color: rgba(0, 0, 0, 0.9);
  --text-secondary-color: rgba(0, 0, 0, 0.55);
  --communication-background: rgba(0, 120, 212, 1);
  --communication-foreground: rgba(0, 90, 158, 1);
  --text-on-communication-background: rgba(255, 255, 255, 1);
  --callout-background-color: rgba(255, 255, 255, 1);
  --callout-shadow-color: rgba(0, 0, 0, 0.132);
  --callout-shadow-secondary-color: rgba(0, 0, 0, 0.108);
  --status-error-text: rgba(205, 74, 69, 1);
  --status-error-background: rgba(250, 235, 235, 1);
  --status-error-foreground: rgba(205, 74, 69, 1);
}
body.ms-vss-web-vsts-theme-dark {
  --palette-primary: 40, 146, 222;
  --palette-primary-darkened-6: 53, 157, 230;
  --palette-primary-darkened-10: 76, 170, 238;
  --palette-neutral-0: 30, 30, 30;
  --palette-neutral-2: 36, 36, 36;
  --palette-neutral-4: 41, 41, 41;
  --palette-neutral-8: 52, 52, 52;
  --palette-neutral-20: 85, 85, 85;
  --palette-neutral-100: 255, 255, 255;
  --palette-accent3: 241, 112, 123;
  --palette-black-alpha-4: rgba(255, 255, 255, 0.04);
  --palette-black-alpha-8: rgba(255, 255, 255, 0.08);
  --palette-black-alpha-20: rgba(255, 255, 255, 0.2);
  --background-color: rgba(32, 31, 30, 1);
  --text-primary-color: rgba(255, 255, 255, 0.9);
  --text-secondary-color: rgba(255, 255, 255, 0.55);
  --communication-background: rgba(40, 146, 222, 1);
  --communication-foreground: rgba(82, 173, 240, 1);
  --text-on-communication-background: rgba(0, 0, 0, 1);
  --callout-background-color: rgba(37, 36, 35, 1);
  --callout-shadow-color: rgba(0, 0, 0, 0.4);
  --callout-shadow-secondary-color: rgba(0, 0, 0, 0.3);
  --status-error-text: rgba(241, 112, 123, 1);
  --status-error-background: rgba(68, 39, 38, 1);
  --status-error-foreground: rgba(241, 112, 123, 1);
}
html, body { height: 100%; margin: 0; }
body {
  background: var(--background-color, #fff);
  color: var(--text-primary-color, rgba(0, 0, 0, 0.9));
  font: 14px/20px "Segoe UI", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif;
}
.full-size { height: 100%; }
.flex-row { display: flex; flex-direction: row; }
.flex-column { display: flex; flex-direction: column; }
.flex-grow { flex-grow: 1; }
.flex-noshrink { flex-shrink: 0; }
.flex-center { align-items: center; }
.flex-baseline { align-items: baseline; }
.flex-self-start { align-self: flex-start; }
.flex-self-stretch { align-self: stretch; }
.scroll-hidden { overflow: hidden; }
.text-ellipsis { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rhythm-horizontal-4 > * + * { margin-left: 4px; }
.rhythm-horizontal-8 > * + * { margin-left: 8px; }
.rhythm-horizontal-16 > * + * { margin-left: 16px; }
.rhythm-vertical-8 > * + * { margin-top: 8px; }
.secondary-text { color: var(--text-secondary-color, rgba(0, 0, 0, 0.55)); }
.monospaced-text, code, pre { font-family: Consolas, "Courier New", monospace; }
.title-m { font-size: 20px; font-weight: 600; line-height: 28px; }
.title-s { font-size: 16px; font-weight: 600; line-height: 24px; }
.bolt-link { color: var(--communication-foreground, rgba(0, 90, 158, 1)); text-decoration: none; }
.bolt-link:hover { text-decoration: underline; }
.bolt-header { padding: 12px 20px; gap: 12px; }
.bolt-header-title-area { min-width: 0; gap: 8px; }
.bolt-button {
  display: inline-flex; align-items: center; gap: 4px; height: 32px; padding: 0 12px; border: 0; border-radius: 2px;
  font: inherit; font-weight: 600; cursor: pointer; text-decoration: none;
  background: rgba(var(--palette-neutral-4, 244, 244, 244), 1); color: var(--text-primary-color, rgba(0, 0, 0, 0.9));
}
.bolt-button:hover { background: rgba(var(--palette-neutral-8, 234, 234, 234), 1); }
.bolt-button.primary { background: var(--communication-background, rgba(0, 120, 212, 1)); color: var(--text-on-communication-background, #fff); }
.bolt-button.primary:hover { background: rgba(var(--palette-primary-darkened-6, 0, 103, 184), 1); }
.bolt-button.subtle { background: transparent; }
.fabric-icon::before { content: "\\25CF"; font-size: 8px; opacity: 0.6; }
.ms-Icon--More::before { content: "\\22EF"; font-size: 16px; opacity: 1; }
.ms-Icon--ChevronDownMed::before { content: "\\25BE"; font-size: 12px; }
.bolt-card {
  margin: 8px 20px; padding: 12px 16px; border-radius: 4px;
  background: var(--callout-background-color, #fff);
  box-shadow: 0 1.6px 3.6px var(--callout-shadow-color, rgba(0, 0, 0, 0.132)), 0 0.3px 0.9px var(--callout-shadow-secondary-color, rgba(0, 0, 0, 0.108));
}
.bolt-table-row, .bolt-list-row { padding: 8px 4px; border-bottom: 1px solid var(--palette-black-alpha-8, rgba(0, 0, 0, 0.08)); color: inherit; text-decoration: none; }
a.bolt-list-row:hover { background: var(--palette-black-alpha-4, rgba(0, 0, 0, 0.04)); }
.bolt-pill { display: inline-block; padding: 0 8px; border-radius: 12px; font-size: 12px; background: rgba(var(--palette-neutral-8, 234, 234, 234), 1); }
.pr-status-completed { background: rgba(16, 124, 16, 1); color: #fff; }
.fake-pr-status-abandoned { background: rgba(var(--palette-neutral-20, 200, 200, 200), 1); }
.bolt-textfield-input {
  font: inherit; color: inherit; background: transparent; padding: 4px 8px;
  border: 1px solid var(--palette-black-alpha-20, rgba(0, 0, 0, 0.2)); border-radius: 2px; min-width: 0;
}
.repos-pr-title-row .bolt-textfield-input { border-color: transparent; }
.bolt-tabbar { padding: 0 20px; gap: 16px; border-bottom: 1px solid var(--palette-black-alpha-8, rgba(0, 0, 0, 0.08)); }
.bolt-tab { padding: 8px 0; color: var(--text-secondary-color); text-decoration: none; }
.bolt-tab.selected { color: var(--text-primary-color); border-bottom: 2px solid var(--communication-background, rgba(0, 120, 212, 1)); }
.fake-bolt-breadcrumb-item-content { display: inline-flex; gap: 4px; margin-right: 4px; }
.bolt-callout {
  position: absolute; z-index: 100; min-width: 200px; max-height: 320px; overflow: auto; padding: 4px 0;
  background: var(--callout-background-color, #fff);
  box-shadow: 0 6.4px 14.4px var(--callout-shadow-color, rgba(0, 0, 0, 0.132)), 0 1.2px 3.6px var(--callout-shadow-secondary-color, rgba(0, 0, 0, 0.108));
}
.bolt-callout[hidden] { display: none; }
.fake-ado-menu-item { display: block; padding: 6px 12px; }
.fake-ado-menu-item[aria-checked="true"] { font-weight: 600; }
.fake-ado-topbar { height: 40px; padding: 0 16px; gap: 12px; align-items: center; border-bottom: 1px solid var(--palette-black-alpha-8, rgba(0, 0, 0, 0.08)); }
.fake-ado-app { min-height: 100%; }
.fake-ado-body { flex-grow: 1; }
.repos-pr-header { padding: 12px 20px; gap: 8px; }
.repos-pr-header > div { display: flex; flex-direction: column; flex-grow: 1; gap: 8px; }
.repos-pr-header :has(> .repos-pr-header-vote-button) { justify-content: flex-end; }
.fake-repos-empty-repository { padding: 12px 0; }
.fake-repos-empty-repository > .title-m { padding: 0 20px; }
.fake-ado-nav { width: 200px; flex-shrink: 0; padding: 8px 0; background: rgba(var(--palette-neutral-2, 248, 248, 248), 1); }
.fake-ado-nav a { display: block; padding: 6px 16px; color: inherit; text-decoration: none; }
.fake-ado-nav a[aria-current="page"] { font-weight: 600; background: var(--palette-black-alpha-4, rgba(0, 0, 0, 0.04)); }
.fake-ado-nav .fake-ado-nav-sub { padding-left: 32px; }
.fake-ado-main { min-width: 0; }
.fake-ado-avatar { display: inline-flex; width: 28px; height: 28px; border-radius: 50%; align-items: center; justify-content: center; font-size: 11px; background: rgba(var(--palette-neutral-8, 234, 234, 234), 1); }
.fake-ado-card-grid { display: flex; flex-wrap: wrap; }
.fake-ado-board { padding: 0 20px; align-items: flex-start; }
.fake-ado-board-column { margin: 8px 0; width: 240px; }
.fake-ado-board-card { padding: 8px; margin-top: 8px; border-left: 4px solid rgba(var(--palette-primary, 0, 120, 212), 1); background: var(--palette-black-alpha-4, rgba(0, 0, 0, 0.04)); }
.fake-repos-pr-description, .fake-ado-commands { white-space: pre-wrap; }
.repos-overview-right-pane { width: 320px; }
@media (forced-colors: active) { .bolt-button { border: 1px solid ButtonText; } }
`;
