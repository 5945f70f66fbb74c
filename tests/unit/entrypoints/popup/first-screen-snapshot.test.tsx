// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawFirstScreenSnapshot, keepFirstScreenSnapshot } from '@/entrypoints/popup/first-screen-snapshot';
import { writeFirstScreenCache } from '@/entrypoints/popup/first-screen-cache';

const KEY = 'ado-companion:first-screen-snapshot';

afterEach(() => {
  localStorage.clear();
  document.body.innerHTML = '';
});

/** A screen shaped like the accounts screen, with the parts that belong to one opening. */
function Screen({ name, onRepositories, busy = false }: { name: string; onRepositories?: () => void; busy?: boolean }) {
  return h('main', { class: 'popup-body' }, [
    h('section', { class: 'stack', 'aria-labelledby': 'accounts-title' }, [
      h('h2', { id: 'accounts-title', tabIndex: -1, elementtiming: 'screen-heading' }, 'Accounts'),
      h('button', { class: 'secondary small', type: 'button', onClick: onRepositories, disabled: busy }, 'Repositories'),
      h('p', { class: 'muted small', 'data-page-session': 'page' }, 'Page actions here use your Azure DevOps sign-in (Jane).'),
      h('article', { class: 'card', 'aria-label': `${name} (Personal Access Token)`, 'data-account-id': 'a1' }, [
        h('strong', { class: 'account-name' }, name),
        h('div', { class: 'notice notice-error', role: 'alert' }, 'This token no longer works.'),
        h('div', { class: 'ok small', role: 'status' }, 'Connected as Jane'),
        h('p', { class: 'notice notice-error', role: 'alert', 'data-kind': 'network' }, 'Azure DevOps could not be reached.'),
      ]),
    ]),
  ]);
}

function container(): HTMLElement {
  return document.body.appendChild(document.createElement('div'));
}

/** Draws the screen as the app would, and keeps it: what an opening leaves for the next. */
function keptScreen(name = 'Jane Doe'): HTMLElement {
  const drawn = container();
  render(h(Screen, { name }), drawn);
  keepFirstScreenSnapshot(drawn);
  return drawn;
}

describe('entrypoints/popup/first-screen-snapshot', () => {
  it('draws the kept screen again, without the lines about one tab or one opening', () => {
    keptScreen();

    const next = container();
    expect(drawFirstScreenSnapshot(next)).toBe(true);
    expect(next.querySelector('h2')?.textContent).toBe('Accounts');
    expect(next.querySelector('h2')?.getAttribute('elementtiming')).toBe('screen-heading');
    expect(next.querySelector('article')?.getAttribute('aria-label')).toBe('Jane Doe (Personal Access Token)');
    // What the account's data says is kept; what one action or this tab said is not.
    expect(next.textContent).toContain('This token no longer works.');
    expect(next.textContent).not.toContain('Page actions here');
    expect(next.textContent).not.toContain('Connected as');
    expect(next.textContent).not.toContain('could not be reached');
  });

  it('draws a name that looks like markup as text', () => {
    keptScreen('<img src=x onerror="alert(1)">');

    const next = container();
    drawFirstScreenSnapshot(next);
    expect(next.querySelector('img')).toBeNull();
    expect(next.querySelector('.account-name')?.textContent).toBe('<img src=x onerror="alert(1)">');
  });

  it('draws nothing from a copy with an element or attribute it does not allow', () => {
    keptScreen();
    const { version } = JSON.parse(localStorage.getItem(KEY)!) as { version: string };
    for (const nodes of [
      [['main', {}, ['a', { href: 'https://example.com' }, 'link']]],
      [['main', {}, ['button', { onclick: 'alert(1)' }, 'Repositories']]],
      [['main', { style: 'display:none' }]],
      'not a screen',
    ]) {
      localStorage.setItem(KEY, JSON.stringify({ version, nodes }));
      const next = container();
      expect(drawFirstScreenSnapshot(next)).toBe(false);
      expect(next.childNodes).toHaveLength(0);
    }
  });

  it('draws nothing from a copy another version of the extension kept', () => {
    keptScreen();
    const kept = JSON.parse(localStorage.getItem(KEY)!) as { version: string };
    localStorage.setItem(KEY, JSON.stringify({ ...kept, version: `${kept.version}.1` }));
    expect(drawFirstScreenSnapshot(container())).toBe(false);
  });

  it('keeps no screen with a busy button, and drops the copy kept before', () => {
    const drawn = keptScreen();
    render(h(Screen, { name: 'Jane Doe', busy: true }), drawn);
    keepFirstScreenSnapshot(drawn);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('is dropped with the accounts it shows when the last account signs out', () => {
    keptScreen();
    writeFirstScreenCache({ accounts: [], organizations: [] });
    expect(drawFirstScreenSnapshot(container())).toBe(false);
  });

  it('is taken over by the app: Preact renders over the drawn nodes, and their buttons answer', () => {
    keptScreen();

    const next = container();
    drawFirstScreenSnapshot(next);
    const button = next.querySelector('button')!;
    const onRepositories = vi.fn();
    render(h(Screen, { name: 'Jane Doe', onRepositories }), next);
    expect(next.querySelector('button')).toBe(button);
    button.click();
    expect(onRepositories).toHaveBeenCalledOnce();
    // What the copy left out is the app's again.
    expect(next.textContent).toContain('Page actions here');
  });
});
