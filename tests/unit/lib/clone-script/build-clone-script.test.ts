import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCloneScript, cloneFolder, type CloneScriptRepository } from '@/lib/clone-script/build-clone-script';
import { quotePowerShellArgument as quoteForPowerShell } from '@/lib/shell/quote-powershell-argument';

const awkward: CloneScriptRepository = {
  organization: 'contoso',
  project: "Mobile App (iOS) 'beta'",
  repository: 'naïve $HOME `id` "x" a(b)',
  cloneUrl: "https://dev.azure.com/contoso/Mobile%20App%20(iOS)%20'beta'/_git/na%C3%AFve%20$HOME",
};
const plain: CloneScriptRepository = { organization: 'contoso', project: 'Web', repository: 'site', cloneUrl: 'git@ssh.dev.azure.com:v3/contoso/Web/site' };
const failing: CloneScriptRepository = { organization: 'fabrikam', project: 'Ops', repository: 'broken', cloneUrl: 'https://dev.azure.com/fabrikam/Ops/_git/broken?fail' };

/**
 * Runs a bash clone script in a fresh folder with `git` replaced by a stub on PATH that records its
 * arguments (NUL-separated, one line per call), makes the folder, and fails for URLs ending in `?fail`.
 */
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function runWithStubGit(script: string, existing: readonly string[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'clone-script-'));
  folders.push(dir);
  const bin = path.join(dir, 'bin');
  const work = path.join(dir, 'work');
  mkdirSync(bin);
  mkdirSync(work);
  for (const folder of existing) mkdirSync(path.join(work, folder), { recursive: true });
  const log = path.join(dir, 'git-calls');
  writeFileSync(log, '');
  writeFileSync(
    path.join(bin, 'git'),
    `#!/usr/bin/env bash\nprintf '%s\\0' "$@" >> '${log}'\nprintf '\\n' >> '${log}'\ncase "$3" in *'?fail') exit 128;; esac\nmkdir -p -- "$4"\n`,
  );
  chmodSync(path.join(bin, 'git'), 0o755);
  writeFileSync(path.join(dir, 'clone.sh'), script);
  const result = spawnSync('bash', [path.join(dir, 'clone.sh')], { cwd: work, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' });
  const calls = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\0').slice(0, -1));
  return { ...result, calls, work };
}

describe('lib/clone-script/build-clone-script', () => {
  it('hands git each URL and folder as one argument when names hold spaces, quotes, $, backticks, parentheses and non-ASCII', () => {
    const run = runWithStubGit(buildCloneScript([awkward, plain], 'bash'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.calls).toEqual([
      ['clone', '--', awkward.cloneUrl, `contoso/Mobile App (iOS) 'beta'/naïve $HOME \`id\` _x_ a(b)`],
      ['clone', '--', plain.cloneUrl, 'contoso/Web/site'],
    ]);
    expect(existsSync(path.join(run.work, 'contoso/Web/site'))).toBe(true);
  });

  it('skips a folder that exists and keeps going after a failure, listing the failures at the end', () => {
    const run = runWithStubGit(buildCloneScript([plain, failing, awkward], 'bash'), ['contoso/Web/site']);
    expect(run.calls.map((call) => call[2])).toEqual([failing.cloneUrl, awkward.cloneUrl]);
    expect(run.stdout).toContain('Skipped contoso/Web/site: the folder exists.');
    expect(run.stdout).toContain('Could not clone 1 of 3:\n  fabrikam/Ops/broken\n');
    expect(run.status).toBe(1);
  });

  it('is a syntactically valid bash script for any names', () => {
    const script = buildCloneScript([awkward, { ...plain, repository: "it's\nnew\tline" }], 'bash');
    expect(() => execFileSync('bash', ['-n'], { input: script })).not.toThrow();
  });

  it('never lets a name climb out of or split its folder', () => {
    expect(cloneFolder({ organization: 'contoso', project: '..', repository: 'a/b\\c' })).toBe('contoso/_/a_b_c');
    expect(cloneFolder({ organization: 'contoso', project: '.', repository: 'x\ny' })).toBe('contoso/_/x_y');
  });

  it('quotes for PowerShell by doubling every kind of single quote it reads as one', () => {
    expect(quoteForPowerShell("it's")).toBe("'it''s'");
    expect(quoteForPowerShell('a\u2019b\u2018c')).toBe("'a\u2019\u2019b\u2018\u2018c'");
    // Nothing else is special inside single quotes: $, backticks and double quotes stay as they are.
    expect(quoteForPowerShell('$HOME `n "x" (y)')).toBe(`'$HOME \`n "x" (y)'`);
  });

  it('writes one PowerShell call per repository with both values quoted', () => {
    const script = buildCloneScript([awkward, plain], 'powershell');
    const calls = script.split('\n').filter((line) => line.startsWith('Copy-AzureRepository '));
    expect(calls).toEqual([
      `Copy-AzureRepository 'https://dev.azure.com/contoso/Mobile%20App%20(iOS)%20''beta''/_git/na%C3%AFve%20$HOME' 'contoso/Mobile App (iOS) ''beta''/naïve $HOME \`id\` _x_ a(b)'`,
      `Copy-AzureRepository 'git@ssh.dev.azure.com:v3/contoso/Web/site' 'contoso/Web/site'`,
    ]);
    expect(script).toContain("git clone '--' $Url $Folder");
  });
});
