// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NewPullRequestContext } from '@/lib/pull-requests/new-pull-request';
import type { PullRequestBackend } from '@/entrypoints/content/pull-request-dialog/backend';
import { PullRequestDialog } from '@/entrypoints/content/pull-request-dialog/PullRequestDialog';

const backend = vi.hoisted(() => ({ current: null as PullRequestBackend | null }));
vi.mock('@/entrypoints/content/pull-request-dialog/page-session-backend', () => ({ pageSessionBackend: () => backend.current }));
vi.mock('@/lib/messaging/send-message', () => ({ sendMessage: vi.fn(() => new Promise(() => {})) }));

const pending = () => new Promise<never>(() => {});

async function openWith(context: Partial<NewPullRequestContext>) {
  backend.current = {
    context: async () => ({
      ok: true,
      data: {
        status: 'ready',
        context: { repositoryId: 'r', projectId: 'p', defaultBranch: 'main', branches: ['develop', 'main'], branchesCapped: false, me: { id: 'me', displayName: 'Me' }, recentReviewers: [], draftsUnavailable: null, ...context },
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

describe('pull-request-dialog: branches of a very large repository', () => {
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

describe('pull-request-dialog: drafts on an older Azure DevOps Server', () => {
  afterEach(() => render(null, document.body));
  const draftBox = () => [...document.querySelectorAll('label')].find((l) => l.textContent?.includes('Create as draft'))!.querySelector('input')!;

  it('turns "Create as draft" off and says which version drafts need', async () => {
    const sentence = 'Draft pull requests need REST API version 5.0 (Azure DevOps Server 2019 or later), and tfs.contoso.test supports 4.1. Ask your administrator to update Azure DevOps Server.';
    await openWith({ draftsUnavailable: { kind: 'server-version', message: sentence } });
    expect(draftBox().disabled).toBe(true);
    expect(draftBox().checked).toBe(false);
    expect(document.getElementById(draftBox().getAttribute('aria-describedby') ?? '')?.textContent).toBe(sentence);
  });

  it('offers drafts where the server has them', async () => {
    await openWith({ draftsUnavailable: null });
    expect(draftBox().disabled).toBe(false);
    expect(draftBox().hasAttribute('aria-describedby')).toBe(false);
  });
});
