// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountInAnchor, whileRendered } from '@/entrypoints/content/azure-devops/mount-in-anchor';

// A page shaped like Azure DevOps' shell: the React root and the main content inside it.
const SHELL = '<div class="full-size"><main id="skip-to-main-content"><div class="view"></div></main></div>';
const FILES_ANCHORS = ['div.repos-files-header-commandbar', '.bolt-header-commandbar'];

const hosts = () => [...document.querySelectorAll('[data-ado-companion-feature="copy-clone-url"]')];
const bar = () => document.querySelector('[data-ado-companion-bar]');
const view = () => document.querySelector('.view')!;
const mount = (signal: AbortSignal) => mountInAnchor(signal, FILES_ANCHORS, 'copy-clone-url', (shadow) => (shadow.innerHTML = '<button>Copy clone URL</button>'));

describe('entrypoints/content/azure-devops/mount-in-anchor', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = SHELL;
  });
  afterEach(() => vi.useRealTimers());

  it('mounts once in the anchor and moves the same host when Azure DevOps re-renders it', async () => {
    view().innerHTML = '<div class="bolt-header-commandbar"><div class="repos-files-header-commandbar"><button>Clone</button></div></div>';
    const controller = new AbortController();
    mount(controller.signal);
    const [host] = hosts();
    expect(host!.parentElement!.className).toBe('repos-files-header-commandbar');
    view().innerHTML = '<div class="bolt-header-commandbar"><div class="repos-files-header-commandbar"><button>Clone</button></div></div>';
    await vi.advanceTimersByTimeAsync(0);
    expect(hosts()).toEqual([host]);
    expect(host!.parentElement).toBe(document.querySelector('.repos-files-header-commandbar'));
    expect(host!.nextElementSibling!.textContent).toBe('Clone');
  });

  it('moves the buttons from the generic command bar to the specific one when that renders later, never showing two sets', async () => {
    view().innerHTML = '<div class="bolt-header-commandbar"></div>';
    mount(new AbortController().signal);
    expect(hosts()).toHaveLength(1);
    document.querySelector('.bolt-header-commandbar')!.insertAdjacentHTML('beforeend', '<div class="repos-files-header-commandbar"></div>');
    await vi.advanceTimersByTimeAsync(0);
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]!.parentElement!.className).toBe('repos-files-header-commandbar');
  });

  it('shows the buttons in a bar of our own at the top of the main content once the page has settled without any anchor', async () => {
    view().innerHTML = '<div class="fake-redesigned-header"></div>';
    mount(new AbortController().signal);
    await vi.advanceTimersByTimeAsync(1000);
    view().append(document.createElement('p')); // still rendering: the page is not settled yet
    await vi.advanceTimersByTimeAsync(1400);
    expect(hosts()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(hosts()).toHaveLength(1);
    expect(bar()!.parentElement!.id).toBe('skip-to-main-content');
    expect(bar()!.previousElementSibling).toBeNull();
    expect(hosts()[0]!.parentElement).toBe(bar());
    expect(bar()!.textContent).toBe('ADO Companion');
  });

  it('does not wait for a page that never stops changing longer than six seconds', async () => {
    mount(new AbortController().signal);
    for (let i = 0; i < 11; i++) {
      await vi.advanceTimersByTimeAsync(500);
      view().append(document.createElement('p'));
    }
    expect(hosts()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(600);
    expect(hosts()[0]!.parentElement).toBe(bar());
  });

  it('moves the buttons from our bar to the anchor when it appears late, and takes the empty bar away', async () => {
    mount(new AbortController().signal);
    await vi.advanceTimersByTimeAsync(1500);
    const [host] = hosts();
    expect(host!.parentElement).toBe(bar());
    view().innerHTML = '<div class="bolt-header-commandbar"><div class="repos-files-header-commandbar"></div></div>';
    await vi.advanceTimersByTimeAsync(0);
    expect(hosts()).toEqual([host]);
    expect(host!.parentElement!.className).toBe('repos-files-header-commandbar');
    expect(bar()).toBeNull();
  });

  it('leaves nothing behind when its signal aborts: no host, no bar, no late bar', async () => {
    const controller = new AbortController();
    mount(controller.signal);
    await vi.advanceTimersByTimeAsync(1500);
    expect(bar()).not.toBeNull();
    controller.abort();
    expect(hosts()).toHaveLength(0);
    expect(bar()).toBeNull();

    const next = new AbortController();
    mount(next.signal);
    next.abort();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(bar()).toBeNull();
    expect(hosts()).toHaveLength(0);
  });

  it('whileRendered stops calling when its signal aborts', async () => {
    const controller = new AbortController();
    const place = vi.fn();
    whileRendered(controller.signal, place);
    controller.abort();
    view().append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(0);
    expect(place).toHaveBeenCalledTimes(1);
  });
});
