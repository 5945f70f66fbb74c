/**
 * `npm run bench`: the size of each bundle a user downloads, raw and gzipped (run after a build).
 * The content script runs on every Azure DevOps page, so its size is the figure to watch.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve('.output/chrome-mv3');
if (!fs.existsSync(root)) {
  console.error('No build found in .output/chrome-mv3: run `npm run build` first.');
  process.exit(1);
}

const bundles: Record<string, string[]> = {
  'content script': ['content-scripts'],
  background: ['background.js'],
  popup: ['popup.html', 'chunks', 'assets'],
};

function filesUnder(entry: string): string[] {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full).flatMap((name) => filesUnder(path.join(entry, name)));
}

const rows = Object.entries(bundles).map(([name, entries]) => {
  const files = entries.flatMap(filesUnder).filter((file) => /\.(js|css|html)$/.test(file));
  const contents = files.map((file) => fs.readFileSync(file));
  const raw = contents.reduce((sum, buffer) => sum + buffer.length, 0);
  const gzip = contents.reduce((sum, buffer) => sum + zlib.gzipSync(buffer, { level: 9 }).length, 0);
  return { bundle: name, files: files.length, 'raw (KiB)': +(raw / 1024).toFixed(1), 'gzip (KiB)': +(gzip / 1024).toFixed(1) };
});
console.table(rows);
