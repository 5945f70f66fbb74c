// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { failureSummary } from '../support/failure-summary.mjs';

describe('tests/support/failure-summary', () => {
  it('names each failed test with the first lines of its error, without colour codes and cut short', () => {
    const summary = failureSummary([
      { title: 'tests/e2e/a.spec.ts:3 › signs out', message: '\u001b[31mError: expected\u001b[39m\n\nReceived: "' + 'x'.repeat(500) + '"\nthird\nfourth\nfifth' },
      { title: 'tests/e2e-firefox/b.spec.ts:9 › copies', message: 'timed out' },
    ]);
    expect(summary.split('\n')).toEqual([
      '',
      '2 failed, in short:',
      '  ✘ tests/e2e/a.spec.ts:3 › signs out',
      '      Error: expected',
      `      Received: "${'x'.repeat(229)}…`,
      '      third',
      '      fourth',
      '  ✘ tests/e2e-firefox/b.spec.ts:9 › copies',
      '      timed out',
      '',
    ]);
  });

  it('says nothing when nothing failed', () => {
    expect(failureSummary([])).toBe('');
  });
});
