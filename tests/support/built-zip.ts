import fs from 'node:fs';
import path from 'node:path';

/** The folder of each target's build beside its zip in .output. */
const BUILD_DIR = { chrome: 'chrome-mv3', firefox: 'firefox-mv2' } as const;

/**
 * The installable zip `npm run zip` made in .output for a target (`npm test` zips as its build
 * stage, so the packaging tests check the very package it built instead of building again). A zip
 * older than the build beside it is refused: it would not be the code under test.
 */
export function builtZip(target: keyof typeof BUILD_DIR): string {
  const output = path.resolve('.output');
  const names = fs.existsSync(output) ? fs.readdirSync(output) : [];
  const name = names.find((file) => file.endsWith(`-${target}.zip`));
  if (!name) throw new Error(`No ${target} zip in .output: run \`npm run zip\` first.`);
  const zip = path.join(output, name);
  const manifest = path.join(output, BUILD_DIR[target], 'manifest.json');
  if (fs.statSync(zip).mtimeMs < fs.statSync(manifest).mtimeMs) {
    throw new Error(`${name} is older than the build in .output/${BUILD_DIR[target]}: run \`npm run zip\` again.`);
  }
  return zip;
}
