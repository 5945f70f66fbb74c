import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { measureBundles } from '../bench/bundle-sizes';

const builds: string[] = [];
afterEach(() => {
  for (const build of builds.splice(0)) rmSync(build, { recursive: true, force: true });
});

/**
 * The least build measureBundles reads: a popup whose first script loads the app, which names one
 * screen; each names the other by its content hash.
 */
function buildWithPopupHash(hash: string, { screenCode = 'export const Screen = 1;', appCode = 'export const h = 1;' } = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bundle-sizes-'));
  builds.push(root);
  mkdirSync(path.join(root, 'chunks'));
  writeFileSync(path.join(root, 'manifest.json'), '{}');
  writeFileSync(path.join(root, 'popup.html'), `<script type="module" src="/chunks/popup-${hash}.js"></script>`);
  writeFileSync(path.join(root, 'chunks', `popup-${hash}.js`), 'export const paint = 1;\nimport(`./main-Mn4_pQ7r.js`);');
  writeFileSync(path.join(root, 'chunks', 'main-Mn4_pQ7r.js'), `import { paint } from './popup-${hash}.js';\n${appCode}\nconst open = () => import(\`./Screen-Ab3_xY9z.js\`);`);
  writeFileSync(path.join(root, 'chunks', 'Screen-Ab3_xY9z.js'), `import { h } from './main-Mn4_pQ7r.js';\n${screenCode}\n`);
  return root;
}

const gzipOf = (root: string) => Object.fromEntries(measureBundles(root).map(({ bundle, gzip }) => [bundle, gzip]));

describe('bundle sizes', () => {
  it('does not move a bundle when only the content hash of a chunk it names changed', () => {
    // A hash that repeats what the code around it says gzips shorter than one that does not.
    const before = gzipOf(buildWithPopupHash('ScreenAb'));
    const after = gzipOf(buildWithPopupHash('q-7_Zt0W'));
    expect(after['popup first screen']).toBe(before['popup first screen']);
    expect(after.popup).toBe(before.popup);
    expect(after['popup on demand']).toBe(before['popup on demand']);
  });

  it('still moves with the code itself', () => {
    const before = gzipOf(buildWithPopupHash('DOzaLog3'));
    const after = gzipOf(buildWithPopupHash('DOzaLog3', { screenCode: 'export const Screen = "a screen that grew";' }));
    expect(after['popup on demand']).toBeGreaterThan(before['popup on demand']!);
    expect(after.popup).toBe(before.popup);
  });

  it('counts the app that the first script loads at every opening in the popup, not in its first screen', () => {
    const before = gzipOf(buildWithPopupHash('DOzaLog3'));
    const after = gzipOf(buildWithPopupHash('DOzaLog3', { appCode: 'export const h = "an app that grew";' }));
    expect(after.popup).toBeGreaterThan(before.popup!);
    expect(after['popup first screen']).toBe(before['popup first screen']);
    expect(after['popup on demand']).toBe(before['popup on demand']);
  });
});
