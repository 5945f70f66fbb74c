import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { BUNDLE_ENTRIES, type BundleName } from './budgets';

export interface BundleSize {
  bundle: BundleName;
  files: number;
  raw: number;
  gzip: number;
}

/**
 * Raw and gzip -9 sizes of each bundle of a build (default `.output/chrome-mv3`). An entry is a file,
 * a folder, or else the start of file names in a folder (`chunks/offscreen-clipboard-`); a file named
 * that way counts only for its own bundle, not for another one that takes the whole folder.
 */
export function measureBundles(root = path.resolve('.output/chrome-mv3')): BundleSize[] {
  const filesUnder = (entry: string): string[] => {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) return [];
    if (fs.statSync(full).isFile()) return [full];
    return fs.readdirSync(full).flatMap((name) => filesUnder(path.join(entry, name)));
  };
  const isPrefix = (entry: string) => !fs.existsSync(path.join(root, entry));
  const filesStartingWith = (prefix: string): string[] => {
    const folder = path.join(root, path.dirname(prefix));
    if (!fs.existsSync(folder)) return [];
    return fs.readdirSync(folder).filter((name) => name.startsWith(path.basename(prefix))).map((name) => path.join(folder, name));
  };
  const entries = Object.entries(BUNDLE_ENTRIES) as [BundleName, string[]][];
  const claimed = new Set(entries.flatMap(([, list]) => list.filter(isPrefix).flatMap(filesStartingWith)));
  return entries.map(([bundle, list]) => {
    const files = list
      .flatMap((entry) => (isPrefix(entry) ? filesStartingWith(entry) : filesUnder(entry).filter((file) => !claimed.has(file))))
      .filter((file) => /\.(js|css|html)$/.test(file));
    const contents = files.map((file) => fs.readFileSync(file));
    return {
      bundle,
      files: files.length,
      raw: contents.reduce((sum, buffer) => sum + buffer.length, 0),
      gzip: contents.reduce((sum, buffer) => sum + zlib.gzipSync(buffer, { level: 9 }).length, 0),
    };
  });
}
