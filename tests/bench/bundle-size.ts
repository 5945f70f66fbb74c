/**
 * `npm run bench`: the size of each bundle a user downloads, raw and gzipped, against its budget
 * (run after a build). The content script runs on every Azure DevOps page, so its size is the figure
 * to watch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BUDGETS_GZIP_BYTES } from './budgets';
import { measureBundles } from './bundle-sizes';

if (!fs.existsSync(path.resolve('.output/chrome-mv3'))) {
  console.error('No build found in .output/chrome-mv3: run `npm run build` first.');
  process.exit(1);
}

console.table(
  measureBundles().map(({ bundle, files, raw, gzip }) => ({
    bundle,
    files,
    'raw (B)': raw,
    'gzip (B)': gzip,
    'budget (B)': BUDGETS_GZIP_BYTES[bundle],
    'of budget': `${Math.round((gzip / BUDGETS_GZIP_BYTES[bundle]) * 100)} %`,
  })),
);
