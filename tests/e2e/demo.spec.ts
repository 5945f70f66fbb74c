import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// `npm start` without a display: the demo walks the main screens and writes screenshots.
test('the headless demo signs in and writes a screenshot of each main screen', async () => {
  test.setTimeout(90_000);
  const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ado-demo-'));
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/demo.ts', '--headless'], {
    env: { ...process.env, DEMO_OUTPUT_DIR: outputDir },
  });
  for (const screen of ['popup-connect', 'popup-choose-organizations', 'popup-accounts', 'repository-files', 'pull-requests']) {
    const file = path.join(outputDir, `${screen}.png`);
    expect(stdout).toContain(`screenshot: ${file}`);
    // A PNG of a rendered page, not an empty file.
    expect(fs.readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    expect(fs.statSync(file).size).toBeGreaterThan(5_000);
  }
  fs.rmSync(outputDir, { recursive: true, force: true });
});
