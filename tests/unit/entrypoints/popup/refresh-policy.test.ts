import { describe, expect, it } from 'vitest';
import { needsRefresh, REFRESH_AFTER_MS } from '@/entrypoints/popup/repositories/refresh-policy';
import type { RepositoryListView } from '@/lib/repositories/repository-cache';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const view = (...refreshedAt: (number | null)[]): RepositoryListView => ({
  repositories: [],
  organizations: refreshedAt.map((at, i) => ({ key: `org${i}`, name: `org${i}`, refreshedAt: at })),
  failures: [],
});

describe('popup/refresh-policy', () => {
  it('shows the cache alone when every organization was fetched within five minutes', () => {
    expect(needsRefresh(view(NOW - 1000, NOW - REFRESH_AFTER_MS + 1), NOW)).toBe(false);
  });

  it('fetches again when one organization’s list is five minutes old or more', () => {
    expect(needsRefresh(view(NOW - 1000, NOW - REFRESH_AFTER_MS), NOW)).toBe(true);
  });

  it('fetches when an organization was never fetched (just connected)', () => {
    expect(needsRefresh(view(NOW, null), NOW)).toBe(true);
  });

  it('has nothing to fetch when no organization is selected', () => {
    expect(needsRefresh(view(), NOW)).toBe(false);
  });
});
