import { describe, expect, it } from 'vitest';
import { onWindows } from '@/lib/clients/desktop-platform';

describe('lib/clients/desktop-platform', () => {
  it.each([
    [{ platform: 'Win32', userAgentData: { platform: 'Windows' } }, true],
    [{ platform: 'Win32' }, true],
    [{ platform: 'MacIntel', userAgentData: { platform: 'macOS' } }, false],
    [{ platform: 'MacIntel' }, false],
    [{ platform: 'Linux x86_64', userAgentData: { platform: 'Linux' } }, false],
    // Client hints win over a platform string a user agent switcher left behind.
    [{ platform: 'MacIntel', userAgentData: { platform: 'Windows' } }, true],
    [{ platform: '', userAgentData: { platform: '' } }, false],
    [undefined, false],
  ])('reads %o as Windows: %s', (nav, expected) => {
    expect(onWindows(nav)).toBe(expected);
  });
});
