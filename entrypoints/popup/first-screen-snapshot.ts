/**
 * The accounts screen as the last opening drew it, kept in the popup's localStorage and drawn again
 * by the popup's first script (4 KB) before the app has loaded: Chromium shows a toolbar popup only
 * once its page has loaded, and the app's 43 KB were most of what it waited for
 * (docs/page-footprint.md#first-screen-snapshot). The app then renders over it, reusing its nodes.
 *
 * Kept as elements, allowed attributes and text, never as markup: drawing it creates elements and
 * text nodes, so an account's name is text here as everywhere. No token is in it (the screen shows
 * none). Parts that belong to one tab or one opening are left out (PER_OPENING).
 */
const KEY = 'ado-companion:first-screen-snapshot';

/** A text, or an element: its tag, its attributes, its children. */
type SnapshotNode = string | [tag: string, attributes: Record<string, string>, ...children: SnapshotNode[]];

// The elements and attributes the accounts screen is made of; anything else is not drawn from a copy.
const TAGS = new Set(['article', 'button', 'div', 'h2', 'header', 'li', 'main', 'p', 'section', 'span', 'strong', 'ul']);
const ATTRIBUTE = /^(?:class|id|role|type|tabindex|elementtiming|aria-[a-z]+|data-[a-z-]+)$/;
/**
 * Left out of the copy, as about this tab or this opening only: the page-session lines
 * (PageSessionLine), the Server page offer, the inbox's account trouble, an action's error
 * (ErrorNotice) and status lines.
 */
const PER_OPENING = '[data-page-session], [data-page-own-bar], [data-server-page-offer], [data-inbox-trouble], [role="alert"][data-kind], [role="status"]';

class NotDrawable extends Error {}

/**
 * The extension's version: a copy kept by another version's app is not drawn, as this one's would
 * draw over it differently. Read from `chrome`, which Firefox has too: WXT's `browser` module would
 * move into this first script and be imported from it by every screen (~0.1 KB).
 */
function extensionVersion(): string {
  try {
    return (globalThis as { chrome?: { runtime?: { getManifest?: () => { version: string } } } }).chrome?.runtime?.getManifest?.().version ?? '';
  } catch {
    return '';
  }
}

/** Draws the kept screen into `container` and says whether it did; a copy it cannot read draws nothing. */
export function drawFirstScreenSnapshot(container: HTMLElement): boolean {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { version?: unknown; nodes?: unknown } | null;
    if (kept?.version !== extensionVersion() || !Array.isArray(kept.nodes) || !kept.nodes.length) return false;
    container.append(...kept.nodes.map(build));
    return true;
  } catch {
    return false;
  }
}

function build(node: unknown): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  if (!Array.isArray(node)) throw new NotDrawable();
  const [tag, attributes, ...children] = node as [unknown, unknown, ...unknown[]];
  if (typeof tag !== 'string' || !TAGS.has(tag) || typeof attributes !== 'object' || !attributes) throw new NotDrawable();
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE.test(name) || typeof value !== 'string') throw new NotDrawable();
    element.setAttribute(name, value);
  }
  element.append(...children.map(build));
  return element;
}

/**
 * Keeps what `container` shows for the next opening. A screen with an element or attribute the
 * copy does not allow (a busy button's `disabled` among them) is not kept, and the copy kept before
 * is dropped.
 */
export function keepFirstScreenSnapshot(container: HTMLElement): void {
  try {
    const copy = JSON.stringify({ version: extensionVersion(), nodes: [...container.childNodes].flatMap(capture) });
    // Most openings show what the last one kept: reading the page's copy of the storage costs less than writing it through.
    if (localStorage.getItem(KEY) !== copy) localStorage.setItem(KEY, copy);
  } catch {
    dropFirstScreenSnapshot();
  }
}

function capture(node: Node): SnapshotNode[] {
  if (node.nodeType === Node.TEXT_NODE) return [node.textContent ?? ''];
  if (node.nodeType === Node.COMMENT_NODE) return [];
  const element = node as Element;
  if (element.nodeType !== Node.ELEMENT_NODE || !TAGS.has(element.localName)) throw new NotDrawable();
  if (element.matches(PER_OPENING)) return [];
  const attributes: Record<string, string> = {};
  for (const { name, value } of element.attributes) {
    if (!ATTRIBUTE.test(name)) throw new NotDrawable();
    attributes[name] = value;
  }
  return [[element.localName, attributes, ...[...element.childNodes].flatMap(capture)]];
}

export function dropFirstScreenSnapshot(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Storage disabled: there is no copy to drop.
  }
}
