import { describe, expect, it } from 'vitest';
import { badgeFor, BADGE_COUNT_COLOR, BADGE_TROUBLE_COLOR } from '@/lib/inbox/inbox-badge';
import { inboxView } from '@/lib/inbox/inbox-view';
import { DEFAULT_INBOX_OPTIONS, type InboxState, type OrganizationInbox } from '@/lib/inbox/inbox-state';
import type { ReviewRequest } from '@/lib/inbox/review-requests';
import type { AppErrorValue } from '@/lib/errors/app-error';

const request = (orgKey: string, id: number): ReviewRequest => ({
  orgKey,
  organization: orgKey,
  id,
  title: `PR ${id}`,
  repository: 'web',
  author: 'Sam Lee',
  createdAt: new Date(Date.UTC(2026, 0, id)).toISOString(),
  webUrl: `https://dev.azure.com/${orgKey}/p/_git/web/pullrequest/${id}`,
  isDraft: false,
  via: null,
});

function org(key: string, part: Partial<OrganizationInbox> = {}): OrganizationInbox {
  return { orgKey: key, name: key, accountId: 'jane', requests: [], refreshedAt: 1, error: null, failures: 0, retryAt: 0, identities: null, ...part };
}

const state = (...orgs: OrganizationInbox[]): InboxState => ({ organizations: Object.fromEntries(orgs.map((o) => [o.orgKey, o])), options: DEFAULT_INBOX_OPTIONS });
const selected = (...keys: string[]) => keys.map((key) => ({ key, name: key, accountId: 'jane' }));
const jane = (part: { kind?: 'pat' | 'oauth'; needsReauth?: boolean } = {}) => [{ id: 'jane', kind: part.kind ?? 'pat', displayName: 'Jane Doe', email: 'jane@contoso.com', needsReauth: part.needsReauth ?? false }];
const offline: AppErrorValue = { kind: 'offline', message: 'Could not reach Azure DevOps. Check your connection and try again.' };

describe('lib/inbox/inbox-badge', () => {
  it('shows how many wait across organizations, and each organization in the tooltip', () => {
    const look = badgeFor(inboxView(state(org('contoso', { requests: [request('contoso', 1), request('contoso', 2)] }), org('fabrikam', { requests: [request('fabrikam', 1)] })), selected('contoso', 'fabrikam'), jane()));
    expect(look).toEqual({ text: '3', color: BADGE_COUNT_COLOR, title: 'ADO Companion\ncontoso: 2 waiting for your vote\nfabrikam: 1 waiting for your vote' });
  });

  it('shows nothing when nothing waits, and leaves out organizations no longer selected', () => {
    const look = badgeFor(inboxView(state(org('contoso'), org('gone', { requests: [request('gone', 1)] })), selected('contoso'), jane()));
    expect(look.text).toBe('');
    expect(look.title).toBe('ADO Companion\ncontoso: 0 waiting for your vote');
  });

  it('shows "!" in its own colour and names the account and its fix when a token no longer works', () => {
    const view = inboxView(state(org('contoso', { requests: [request('contoso', 1)] })), selected('contoso'), jane({ needsReauth: true }));
    expect(view.trouble).toEqual([{ accountId: 'jane', account: 'Jane Doe', organizations: ['contoso'], host: 'dev.azure.com/contoso', error: expect.objectContaining({ message: 'The token of Jane Doe no longer works. Create a new one and connect again.' }), fix: 'new-token' }]);
    const look = badgeFor(view);
    expect([look.text, look.color]).toEqual(['!', BADGE_TROUBLE_COLOR]);
    expect(look.title).toContain('Jane Doe: The token of Jane Doe no longer works.');
  });

  it('asks a Microsoft account to sign in again', () => {
    const view = inboxView(state(org('contoso')), selected('contoso'), jane({ kind: 'oauth', needsReauth: true }));
    expect(view.trouble.map((t) => [t.fix, t.error.message])).toEqual([['sign-in', 'Your Azure DevOps sign-in as Jane Doe has ended. Sign in again.']]);
  });

  it('calls an organization that failed twice in a row one that stopped answering, not one that failed once or is throttling', () => {
    expect(inboxView(state(org('contoso', { error: offline, failures: 1 })), selected('contoso'), jane()).trouble).toEqual([]);
    const throttled: AppErrorValue = { kind: 'throttled', message: 'Azure DevOps is limiting requests (TF400733). Try again in 120 seconds.' };
    expect(inboxView(state(org('contoso', { error: throttled, failures: 5 })), selected('contoso'), jane()).trouble).toEqual([]);
    const view = inboxView(state(org('contoso', { error: offline, failures: 2 })), selected('contoso'), jane());
    expect(view.trouble.map((t) => [t.fix, t.error.message])).toEqual([['wait', 'contoso has not answered for a while. Check that it is still reachable; ADO Companion keeps trying.']]);
  });
});
