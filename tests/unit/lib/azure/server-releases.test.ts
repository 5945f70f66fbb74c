import { describe, expect, it } from 'vitest';
import { oldestServerReleaseFor, serverReleaseOf } from '@/lib/azure/server-releases';

describe('lib/azure/server-releases', () => {
  it.each([
    ['5.0', 'Azure DevOps Server 2019'],
    ['6.0', 'Azure DevOps Server 2020'],
    ['7.0', 'Azure DevOps Server 2022'],
    ['7.1', null],
    ['4.0', null],
  ])('names the release whose newest api-version is %s', (version, release) => {
    expect(serverReleaseOf(version)).toBe(release);
  });

  it.each([
    ['4.1', 'Azure DevOps Server 2019'],
    ['5.0-preview.1', 'Azure DevOps Server 2019'],
    ['6.0', 'Azure DevOps Server 2020'],
    ['7.1', null],
  ])('names the oldest release that reaches %s', (version, release) => {
    expect(oldestServerReleaseFor(version)).toBe(release);
  });
});
