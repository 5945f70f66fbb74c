// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NewPullRequestContext } from '@/lib/pull-requests/new-pull-request';
import type { PullRequestBackend } from '@/entrypoints/pull-request-dialog/backend';
import { PullRequestDialog } from '@/entrypoints/pull-request-dialog/PullRequestDialog';

const backend = vi.hoisted(() => ({ current: null as PullRequestBackend | null }));
vi.mock('@/entrypoints/pull-request-dialog/page-session-backend', () => ({ pageSessionBackend: () => backend.current }));
vi.mock('@/lib/messaging/send-message', () => ({ sendMessage: vi.fn(() => new Promise(() => {})) }));

const pending = () => new Promise<never>(() => {});

async function openWith(context: Partial<NewPullRequestContext>) {
  backend.current = {
    context: async () => ({
      ok: true,
      data: {
        status: 'ready',
        context: { repositoryId: 'r', projectId: 'p', defaultBranch: 'main', branches: ['develop', 'main'], branchesCapped: false, me: { id: 'me', displayName: 'Me' }, recentReviewers: [], ...context },
      },
    }),
    compare: pending,
    searchReviewers: pending,
    checkWorkItems: pending,
    create: pending,
  };
  await act(async () => {
    render(h(PullRequestDialog, { request: { project: 'Mobile App', repository: 'ios-app', organization: 'contoso', sourceBranch: 'develop' }, onClose: () => {} }), document.body);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const note = () => [...document.querySelectorAll('p')].find((p) => p.textContent?.includes('branches:'))?.textContent ?? null;

describe('pull-request-dialog: branches', () => {
  afterEach(() => render(null, document.body));

  it('says when a very large repository’s branches were listed only in part, and describes both pickers with it', async () => {
    await openWith({ branchesCapped: true });
    expect(note()).toBe('More than 10,000 branches: the first ones by name are listed, with the viewed and the default branch.');
    const described = [...document.querySelectorAll('select')].slice(0, 2).map((s) => document.getElementById(s.getAttribute('aria-describedby') ?? '')?.textContent);
    expect(described).toEqual([note(), note()]);
  });

  it('says nothing of it when every branch is listed', async () => {
    await openWith({ branchesCapped: false });
    expect(note()).toBeNull();
    expect(document.querySelector('select')!.hasAttribute('aria-describedby')).toBe(false);
  });
});
