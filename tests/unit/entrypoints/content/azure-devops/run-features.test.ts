// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Feature } from '@/entrypoints/content/azure-devops/define-feature';
import { mountInAnchor } from '@/entrypoints/content/azure-devops/mount-in-anchor';
import { runFeatures } from '@/entrypoints/content/azure-devops/run-features';
import type { CloudPage } from '@/lib/azure/cloud-page';

const IOS = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';

/** A feature that mounts a button in the files header and records how it was started. */
function headerFeature(id: string, include: Feature['include'], started: { id: string; page: CloudPage; signal: AbortSignal }[]): Feature {
  return {
    id,
    include,
    init(signal, page, featureId) {
      started.push({ id: featureId, page, signal });
      mountInAnchor(signal, ['.bolt-header-commandbar'], featureId, (shadow) => (shadow.innerHTML = '<button>x</button>'));
    },
  };
}

describe('entrypoints/content/azure-devops/run-features', () => {
  beforeEach(() => {
    document.body.innerHTML = '<div class="full-size"><main id="skip-to-main-content"><div class="bolt-header-commandbar"></div></main></div>';
  });

  it('starts the features a page includes, handing each its id, and none other', () => {
    const started: { id: string; page: CloudPage; signal: AbortSignal }[] = [];
    const evaluate = runFeatures([
      headerFeature('on-files', [(page) => page.type === 'files'], started),
      headerFeature('on-commits', [(page) => page.type === 'commits'], started),
    ]);
    evaluate(`${IOS}?version=GBmain`);
    expect(started.map(({ id, page }) => [id, page.type, page.branch])).toEqual([['on-files', 'files', 'main']]);
    expect(document.querySelectorAll('[data-ado-companion-feature="on-files"]')).toHaveLength(1);
  });

  it('aborts the previous page’s features on navigation and starts the next page’s, leaving nothing behind', () => {
    const started: { id: string; page: CloudPage; signal: AbortSignal }[] = [];
    const evaluate = runFeatures([
      headerFeature('on-files', [(page) => page.type === 'files'], started),
      headerFeature('on-commits', [(page) => page.type === 'commits'], started),
    ]);
    evaluate(IOS);
    evaluate(`${IOS}/commits`);
    expect(started.map(({ id, signal }) => [id, signal.aborted])).toEqual([
      ['on-files', true],
      ['on-commits', false],
    ]);
    expect([...document.querySelectorAll('[data-ado-companion-feature]')].map((host) => (host as HTMLElement).dataset.adoCompanionFeature)).toEqual(['on-commits']);

    // A page that is no repository page: every feature stops, nothing is left in the page.
    evaluate('https://dev.azure.com/contoso/Mobile%20App/_boards/board');
    expect(started.every(({ signal }) => signal.aborted)).toBe(true);
    expect(started).toHaveLength(2);
    expect(document.querySelectorAll('[data-ado-companion-feature]')).toHaveLength(0);
  });

  it('keeps the other features running when one fails to start, and names the one that failed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const started: { id: string; page: CloudPage; signal: AbortSignal }[] = [];
    const broken: Feature = { id: 'broken', include: [() => true], init: () => Promise.reject(new Error('boom')) };
    const throwing: Feature = { id: 'throwing', include: [() => true], init: () => { throw new Error('bang'); } };
    runFeatures([broken, throwing, headerFeature('on-files', [(page) => page.type === 'files'], started)])(IOS);
    expect(started).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warn.mock.calls.map(([message]) => message).sort()).toEqual(['[ADO Companion] feature broken failed to start', '[ADO Companion] feature throwing failed to start']);
    warn.mockRestore();
  });
});
