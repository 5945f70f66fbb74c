import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { axeViolations } from './support/axe';
import { test, expect } from './fixtures';
import { basic } from '../fake-ado/fixtures/basic';

/** Runs a copied bash script with `git` replaced by a stub that records each call's arguments. */
function runWithStubGit(script: string): { status: number | null; calls: string[][] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'clone-many-'));
  mkdirSync(path.join(dir, 'bin'));
  mkdirSync(path.join(dir, 'work'));
  const log = path.join(dir, 'calls');
  writeFileSync(log, '');
  writeFileSync(path.join(dir, 'bin', 'git'), `#!/usr/bin/env bash\nprintf '%s\\0' "$@" >> '${log}'\nprintf '\\n' >> '${log}'\nmkdir -p -- "$4"\n`);
  chmodSync(path.join(dir, 'bin', 'git'), 0o755);
  try {
    const result = spawnSync('bash', ['-c', script], { cwd: path.join(dir, 'work'), env: { ...process.env, PATH: `${path.join(dir, 'bin')}:${process.env.PATH}` } });
    const calls = readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\0').slice(0, -1));
    return { status: result.status, calls };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test.describe('popup: clone many repositories', () => {
  test('ticks two repositories and copies a script that clones both into organization/project/repository', async ({ context, popup }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    const list = popup.page.getByRole('list', { name: 'Repositories' });
    await popup.page.getByRole('searchbox', { name: 'Filter repositories' }).fill('app');
    await list.getByRole('checkbox', { name: 'Select ios-app for a clone script' }).check();
    await list.getByRole('checkbox', { name: 'Select android-app for a clone script' }).check();
    const bar = popup.page.getByRole('group', { name: 'Selected repositories' });
    await expect(bar).toContainText('2 selected');
    await bar.getByLabel('Script for').selectOption('bash');
    await bar.getByRole('button', { name: 'Copy clone script' }).click();
    await expect(popup.page.getByRole('status').filter({ hasText: 'Copied a bash script that clones the 2 selected repositories.' })).toHaveCount(1);
    const script = await popup.page.evaluate(() => navigator.clipboard.readText());
    const run = runWithStubGit(script);
    expect(run.status).toBe(0);
    expect(run.calls.map((call) => call.slice(2)).sort()).toEqual(
      [
        ['https://dev.azure.com/contoso/Mobile%20App/_git/android-app', 'contoso/Mobile App/android-app'],
        ['https://dev.azure.com/contoso/Mobile%20App/_git/ios-app', 'contoso/Mobile App/ios-app'],
      ].sort(),
    );
  });

  test('selects a range with Shift and everything the filter shows', async ({ popup }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    const list = popup.page.getByRole('list', { name: 'Repositories' });
    const boxes = list.getByRole('checkbox');
    await popup.page.getByRole('searchbox', { name: 'Filter repositories' }).fill('app');
    await expect(popup.page.locator('#repositories-count')).toContainText(/^3 of /);
    const shown = 3;
    await boxes.first().click();
    await boxes.nth(1).click({ modifiers: ['Shift'] });
    const bar = popup.page.getByRole('group', { name: 'Selected repositories' });
    await expect(bar).toContainText('2 selected');
    await expect(boxes.nth(2)).not.toBeChecked();
    await popup.page.getByRole('button', { name: /^Select all \d+ shown$/ }).click();
    await expect(bar).toContainText(`${shown} selected`);
    expect(await axeViolations(popup.page, '.clone-many')).toEqual([]);
    await bar.getByRole('button', { name: 'Clear selection' }).click();
    await expect(bar).toHaveCount(0);
  });
});
