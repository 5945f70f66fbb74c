import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { BUNDLE_ENTRIES, MANIFEST_CONTENT_SCRIPTS, type BundleName } from './budgets';

export interface BundleSize {
  bundle: BundleName;
  files: number;
  raw: number;
  gzip: number;
}

/** Raw and gzip -9 sizes of each bundle of a build (default `.output/chrome-mv3`). */
export function measureBundles(root = path.resolve('.output/chrome-mv3')): BundleSize[] {
  // What every Azure DevOps page loads: whatever the manifest injects, read from the manifest itself.
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const entriesOf = (entries: string[]) =>
    entries.flatMap((entry) => (entry === MANIFEST_CONTENT_SCRIPTS ? (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []) : [entry]));
  const filesUnder = (entry: string): string[] => {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) return [];
    if (fs.statSync(full).isFile()) return [full];
    return fs.readdirSync(full).flatMap((name) => filesUnder(path.join(entry, name)));
  };
  return (Object.entries(BUNDLE_ENTRIES) as [BundleName, string[]][]).map(([bundle, entries]) => {
    const files = entriesOf(entries).flatMap(filesUnder).filter((file) => /\.(js|css|html)$/.test(file));
    const contents = files.map((file) => fs.readFileSync(file));
    return {
      bundle,
      files: files.length,
      raw: contents.reduce((sum, buffer) => sum + buffer.length, 0),
      gzip: contents.reduce((sum, buffer) => sum + zlib.gzipSync(buffer, { level: 9 }).length, 0),
    };
  });
}
