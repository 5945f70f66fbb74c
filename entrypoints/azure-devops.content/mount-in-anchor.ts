import { APP_ROOT } from '@/lib/azure/selectors';

/**
 * Mounts a feature's UI, in a shadow root of its own, at the start of the first anchor found, as
 * soon as the anchor exists and again whenever Azure DevOps re-renders it (React may replace the
 * node and drop what was inside). Never twice in one anchor; everything goes when `signal` aborts.
 * No polling: a MutationObserver on the app root, which survives in-app navigation.
 */
export function mountInAnchor(signal: AbortSignal, anchors: readonly string[], id: string, build: (shadow: ShadowRoot) => void): void {
  const place = () => {
    const anchor = anchors.map((selector) => document.querySelector(selector)).find(Boolean);
    if (!anchor || anchor.querySelector(`:scope > [data-ado-companion-feature="${id}"]`)) return;
    const host = document.createElement('span');
    host.dataset.adoCompanionFeature = id;
    build(host.attachShadow({ mode: 'open' }));
    anchor.prepend(host);
    signal.addEventListener('abort', () => host.remove(), { once: true });
  };
  place();
  const observer = new MutationObserver(place);
  observer.observe(document.querySelector(APP_ROOT[0]) ?? document.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/** Styles shared by the injected buttons: Azure DevOps' own colours (its CSS variables reach into shadow roots), with fallbacks. */
export const BUTTON_STYLE = `:host{display:inline-flex;position:relative;margin-right:8px;font-family:"Segoe UI",-apple-system,BlinkMacSystemFont,Roboto,sans-serif}
a,button{display:inline-flex;align-items:center;height:32px;padding:0 12px;border:0;border-radius:2px;font:inherit;font-size:14px;font-weight:600;cursor:pointer;text-decoration:none;background:var(--communication-background,#0078d4);color:var(--text-on-communication-background,#fff)}
a:hover,button:hover{background:rgba(var(--palette-primary-darkened-6,0,103,181),1)}
:focus-visible{outline:2px solid var(--focus-border-color,#0078d4);outline-offset:1px}
.more{padding:0 8px;margin-left:1px}
[role=menu]{position:absolute;top:34px;right:0;z-index:1000;min-width:220px;margin:0;padding:4px 0;list-style:none;background:var(--callout-background-color,#fff);box-shadow:0 3px 8px var(--callout-shadow-color,rgba(0,0,0,.2));border-radius:4px}
[role=menu] a,[role=menu] button{display:flex;width:100%;height:auto;padding:6px 12px;background:none;color:var(--text-primary-color,rgba(0,0,0,.9));font-weight:400;text-align:left}
[role=menu] a:hover,[role=menu] button:hover,[role=menu] :focus{background:var(--palette-black-alpha-4,rgba(0,0,0,.04))}
p{position:absolute;top:34px;left:0;z-index:1000;margin:0;padding:6px 10px;width:max-content;max-width:320px;background:var(--callout-background-color,#fff);color:var(--text-primary-color,rgba(0,0,0,.9));box-shadow:0 3px 8px var(--callout-shadow-color,rgba(0,0,0,.2));font-size:13px;border-radius:4px}
p:empty{display:none}
p a{display:inline;height:auto;padding:0;background:none;color:var(--communication-foreground,#0078d4)}`;

/**
 * A menu button: `toggle` opens and closes `menu`, Escape and clicks elsewhere close it and give the
 * focus back, arrow keys move between items.
 */
export function wireMenu(signal: AbortSignal, shadow: ShadowRoot, toggle: HTMLButtonElement, menu: HTMLElement): void {
  const items = () => [...menu.querySelectorAll<HTMLElement>('a,button')];
  const open = (on: boolean) => {
    menu.hidden = !on;
    toggle.setAttribute('aria-expanded', String(on));
    if (on) items()[0]?.focus();
  };
  open(false);
  toggle.addEventListener('click', () => open(menu.hidden));
  menu.addEventListener('keydown', (event) => {
    const list = items();
    const at = list.indexOf(shadow.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      open(false);
      toggle.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      list[(at + (event.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length]?.focus();
    }
  });
  menu.addEventListener('click', () => open(false));
  document.addEventListener('click', (event) => !event.composedPath().includes(shadow.host) && open(false), { signal });
}
