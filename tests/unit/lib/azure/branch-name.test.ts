import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isBranchName } from '@/lib/azure/branch-name';

// Names as a page URL may carry them, with what `git check-ref-format --branch` says of each.
const NAMES: readonly (readonly [name: string, valid: boolean])[] = [
  ['main', true],
  ['feature/1234-login', true],
  ['release/v1.0+hotfix', true],
  ['c++', true],
  ['users/jane/été', true],
  ['a@b', true],
  ['a.b', true],
  ['x/HEAD', true],
  ['%2e%2e', true],
  ['v1.0-rc', true],
  ['', false],
  ['..', false],
  ['../../../workspace/0b1d', false],
  ['a..b', false],
  ['.', false],
  ['a/./b', false],
  ['.hidden', false],
  ['a/.hidden', false],
  ['a.lock', false],
  ['a.lock/b', false],
  ['a/', false],
  ['/a', false],
  ['a//b', false],
  ['a.', false],
  ['a b', false],
  ['a\tb', false],
  ['a\nb', false],
  ['a\x7fb', false],
  ['a~1', false],
  ['a^2', false],
  ['a:b', false],
  ['a?b', false],
  ['a*b', false],
  ['a[b', false],
  ['a\\b', false],
  ['a@{1}', false],
  ['-x', false],
  ['HEAD', false],
];

describe('lib/azure/branch-name', () => {
  it.each(NAMES)('reads %j as a branch name: %s', (name, valid) => {
    expect(isBranchName(name)).toBe(valid);
  });

  it('agrees with git itself on every name of the table', () => {
    const gitSays = (name: string) => {
      try {
        execFileSync('git', ['check-ref-format', '--branch', name], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    };
    for (const [name, valid] of NAMES) expect(gitSays(name), JSON.stringify(name)).toBe(valid);
  });

  it('refuses a lone @, which git reads as HEAD rather than as a branch', () => {
    expect(isBranchName('@')).toBe(false);
  });
});
