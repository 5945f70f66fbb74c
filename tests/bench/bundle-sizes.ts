import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BundleName } from './budgets';

export interface BundleSize {
  bundle: BundleName;
  files: number;
  raw: number;
  gzip: number;
}

/**
 * Raw and gzip -9 sizes of each bundle of a build (default `.output/chrome-mv3`), with the content
 * hashes in the names of its chunks counted as one fixed string. The popup is split in what its
 * first screen needs (popup.html, the files it names and what they import statically), what every
 * opening loads (that, and the app those files import on demand, with its static imports) and the
 * screens it loads on demand (every other script or style of the build's chunks and assets).
 * The offscreen document (Chromium only) is measured on its own; the content script is whatever the
 * manifest injects.
 */
export function measureBundles(root = path.resolve('.output/chrome-mv3')): BundleSize[] {
  const filesUnder = (entry: string): string[] => {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) return [];
    if (fs.statSync(full).isFile()) return [entry];
    return fs.readdirSync(full).flatMap((name) => filesUnder(path.join(entry, name)));
  };
  // What every Azure DevOps page loads: whatever the manifest injects, read from the manifest itself.
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const injected = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
  const code = (files: string[]) => files.filter((file) => /\.(js|css|html)$/.test(file));
  const offscreen = code([...filesUnder('offscreen-clipboard.html'), ...filesUnder('chunks').filter((file) => path.basename(file).startsWith('offscreen-clipboard-'))]);
  const popupShared = code([...filesUnder('chunks'), ...filesUnder('assets')]).filter((file) => !offscreen.includes(file));
  const popupFirstScreen = loadedAtOpen(root, 'popup.html');
  // The app, which the first script loads at every opening once the first screen is on show.
  const popupApp = popupFirstScreen.flatMap((file) => importedOnDemand(root, file)).flatMap((file) => loadedAtOpen(root, file));
  const popupInitial = [...new Set([...popupFirstScreen, ...popupApp])];
  const bundles: Record<BundleName, string[]> = {
    'content script': code(injected.flatMap(filesUnder)),
    'pull request dialog': code(filesUnder('pull-request-dialog.js')),
    'Server page script': code(filesUnder('azure-devops-server.js')),
    'page menus': code(filesUnder('page-menus.js')),
    'page session status': code(filesUnder('page-session-status.js')),
    'branch pull requests': code(filesUnder('branch-pull-requests.js')),
    'Server SSH URL': code(filesUnder('server-ssh-url.js')),
    background: code(filesUnder('background.js')),
    'popup first screen': popupFirstScreen,
    popup: popupInitial,
    'popup on demand': popupShared.filter((file) => !popupInitial.includes(file)),
    'offscreen document': offscreen,
  };
  // A file that names another names it by its content hash, eight characters gzip cannot shorten and
  // that change with any change to the file named: each is measured as the same eight characters, so
  // a bundle's figure moves only with its own code, not with a chunk it merely imports.
  const hashes = [...filesUnder('chunks'), ...filesUnder('assets')].flatMap((file) => path.basename(file).match(/-([\w-]{8})\.(?:js|css)$/)?.[1] ?? []);
  const withoutHashes = (text: string) => hashes.reduce((result, hash) => result.replaceAll(hash, 'HASHHASH'), text);
  return (Object.entries(bundles) as [BundleName, string[]][]).map(([bundle, files]) => {
    const contents = files.map((file) => Buffer.from(withoutHashes(fs.readFileSync(path.join(root, file), 'utf8'))));
    return {
      bundle,
      files: files.length,
      raw: contents.reduce((sum, buffer) => sum + buffer.length, 0),
      gzip: contents.reduce((sum, buffer) => sum + zlib.gzipSync(buffer, { level: 9 }).length, 0),
    };
  });
}

/** The scripts `file` imports on demand (`import("./x.js")`). */
function importedOnDemand(root: string, file: string): string[] {
  if (!file.endsWith('.js')) return [];
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/\bimport\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) => path.posix.join(path.posix.dirname(file), m[1]!));
}

/** `page` and every file it names (src, href), and what those scripts import statically, transitively. */
function loadedAtOpen(root: string, page: string): string[] {
  const found = new Set<string>([page]);
  const queue = [page];
  while (queue.length) {
    const file = queue.shift()!;
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const references = file.endsWith('.html')
      ? [...text.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
      : // Static imports only (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` loads on demand.
        [...text.matchAll(/\bimport\s*(?:[\w${},*\s]+from\s*)?["'`](\.\/[^"'`]+\.js)["'`]/g)].map((m) => path.posix.join(path.posix.dirname(file), m[1]!));
    for (const reference of references) {
      if (found.has(reference) || !fs.existsSync(path.join(root, reference))) continue;
      found.add(reference);
      queue.push(reference);
    }
  }
  return [...found];
}
