import type { ElementHandle, Page } from 'puppeteer-core';

/**
 * Small waiting queries over the DOM, by what a person reads (button names, field labels, text).
 * puppeteer's ARIA selectors go through Firefox's accessibility tree over BiDi, where an input
 * inside its <label> gets the label and its value as a name; these read the DOM instead.
 *
 * Functions passed to the page must not declare named inner functions: tsx (esbuild keepNames)
 * wraps those in a `__name()` helper that does not exist in the page.
 */
const TIMEOUT = Number(process.env.E2E_FIREFOX_TIMEOUT ?? 10_000);

type Root = string | null;

/**
 * The button whose visible text or aria-label is `name` (inside `root`, a CSS selector); with
 * `enabled`, one that answers a click: not disabled, and not in a part that says it is not ready
 * yet (aria-disabled, as the popup's first screen before its app has loaded), as Playwright waits.
 */
export async function button(page: Page, name: string | RegExp, root: Root = null, enabled = false): Promise<ElementHandle<HTMLButtonElement>> {
  const source = typeof name === 'string' ? { text: name } : { pattern: name.source, flags: name.flags };
  const handle = await page.waitForFunction(
    (root: Root, source: { text?: string; pattern?: string; flags?: string }, enabled: boolean) => {
      const scope = root ? document.querySelector(root) : document;
      const pattern = source.text === undefined ? new RegExp(source.pattern!, source.flags) : null;
      return Array.from(scope?.querySelectorAll('button') ?? []).find(
        (b) =>
          [b.getAttribute('aria-label') ?? '', (b.textContent ?? '').trim()].some((text) => (pattern ? pattern.test(text) : text === source.text)) &&
          (!enabled || (!b.disabled && !b.closest('[aria-disabled="true"]'))),
      );
    },
    { timeout: TIMEOUT },
    root,
    source,
    enabled,
  );
  return handle as ElementHandle<HTMLButtonElement>;
}

export async function click(page: Page, name: string | RegExp, root: Root = null): Promise<void> {
  await (await button(page, name, root, true)).click();
}

/** The input of the <label> whose own text is `label`. */
export async function field(page: Page, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    (label: string) =>
      Array.from(document.querySelectorAll('label'))
        .find((l) => (l.querySelector('span')?.textContent ?? '').trim() === label)
        ?.querySelector('input, select, textarea'),
    { timeout: TIMEOUT },
    label,
  );
  return handle as ElementHandle<HTMLInputElement>;
}

export async function fill(page: Page, label: string, value: string): Promise<void> {
  const input = await field(page, label);
  await input.asLocator().fill(value);
}

/** Waits until `text` appears in the element matched by `selector` (default: the body). */
export async function waitForText(page: Page, text: string | RegExp, selector = 'body'): Promise<string> {
  const source = typeof text === 'string' ? { text } : { pattern: text.source, flags: text.flags };
  const handle = await page.waitForFunction(
    (selector: string, source: { text?: string; pattern?: string; flags?: string }) => {
      const content = (document.querySelector(selector) as HTMLElement | null)?.innerText ?? '';
      const found = source.text !== undefined ? content.includes(source.text) : new RegExp(source.pattern!, source.flags).test(content);
      return found ? content : false;
    },
    { timeout: TIMEOUT },
    selector,
    source,
  );
  return (await handle.jsonValue()) as string;
}

/** Waits until nothing matches `selector`. */
export async function waitForGone(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((selector: string) => !document.querySelector(selector), { timeout: TIMEOUT }, selector);
}

/** Polls `read` until it returns `expected` (compared as JSON); returns the last value otherwise. */
export async function poll<T>(read: () => Promise<T>, expected: T, timeout = TIMEOUT): Promise<T> {
  const until = Date.now() + timeout;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}
