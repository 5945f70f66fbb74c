import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quoteShellArgument } from '@/lib/shell/quote-shell-argument';

// Clone URLs keep what encodeURIComponent leaves as it is: ( ) ' ! * ~.
const ARGUMENTS = [
  'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app',
  'https://dev.azure.com/contoso/a(b)/_git/r',
  "https://dev.azure.com/contoso/O'Brien/_git/it's",
  'git@ssh.dev.azure.com:v3/contoso/Mobile%20App/ios-app',
  'with space',
  '$HOME `id` $(id) ${x}',
  'a;b&c|d>e<f',
  'wild*card?[x]',
  '~user',
  '!history',
  'Automação/été',
  'tab\there',
  'new\nline',
  "''",
  '\\back\\slash',
  '-n',
  '',
];

describe('lib/shell/quote-shell-argument', () => {
  it('leaves a plain clone URL as it is, readable', () => {
    expect(quoteShellArgument('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app')).toBe('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app');
    expect(quoteShellArgument('origin')).toBe('origin');
  });

  it.each([
    ['https://dev.azure.com/contoso/a(b)/_git/r', "'https://dev.azure.com/contoso/a(b)/_git/r'"],
    ["it's", "'it'\\''s'"],
    ['a b', "'a b'"],
    ['$HOME', "'$HOME'"],
    ['été', "'été'"],
    ['', "''"],
  ])('single-quotes %j as %s', (text, quoted) => {
    expect(quoteShellArgument(text)).toBe(quoted);
  });

  describe('through bash, with a git on PATH that records its arguments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quote-shell-'));
    const record = join(dir, 'arguments.json');
    writeFileSync(join(dir, 'git'), `#!/usr/bin/env node\nrequire('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)));\n`);
    chmodSync(join(dir, 'git'), 0o755);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each(ARGUMENTS)('hands git exactly %j', (argument) => {
      const command = `git clone ${quoteShellArgument(argument)}`;
      execFileSync('bash', ['-c', command], { env: { ...process.env, PATH: `${dir}:${process.env.PATH}` }, stdio: 'ignore' });
      expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual(['clone', argument]);
    });
  });
});
