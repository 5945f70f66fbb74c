import { describe, expect, it } from 'vitest';
import { timeAgo } from '@/lib/ui/time-ago';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const ago = (ms: number) => timeAgo(new Date(NOW - ms).toISOString(), NOW);

describe('lib/ui/time-ago', () => {
  it('says how long ago in the largest unit that fits', () => {
    expect(ago(20_000)).toBe('just now');
    expect(ago(5 * 60_000)).toBe('5 minutes ago');
    expect(ago(3 * 3_600_000)).toBe('3 hours ago');
    expect(ago(30 * 3_600_000)).toBe('yesterday');
    expect(ago(3 * 86_400_000)).toBe('3 days ago');
    expect(ago(15 * 86_400_000)).toBe('2 weeks ago');
    expect(timeAgo('2026-01-05T09:00:00Z', NOW)).toBe('10 months ago');
    expect(timeAgo('2023-06-01T00:00:00Z', NOW)).toBe('3 years ago');
  });

  it('a time a little ahead of this machine’s clock is "just now" or in the future, never a negative "ago"', () => {
    expect(timeAgo(new Date(NOW + 10_000).toISOString(), NOW)).toBe('just now');
    expect(timeAgo(new Date(NOW + 2 * 3_600_000).toISOString(), NOW)).toBe('in 2 hours');
  });
});
