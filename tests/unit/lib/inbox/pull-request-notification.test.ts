import { describe, expect, it } from 'vitest';
import { pullRequestNotification } from '@/lib/inbox/pull-request-notification';
import type { PullRequestEvent } from '@/lib/inbox/pull-request-events';

function event(id: number, sentence: string, organization = 'contoso'): PullRequestEvent {
  const organizationUrl = `https://dev.azure.com/${organization}`;
  return { key: `${id}:${sentence}`, kind: 'voted', orgKey: organizationUrl, organization, organizationUrl, id, title: `PR ${id}`, repository: 'web-portal', webUrl: `${organizationUrl}/P/_git/web-portal/pullrequest/${id}`, sentence };
}

describe('lib/inbox/pull-request-notification', () => {
  it('says what happened to which pull request, and opens it', () => {
    expect(pullRequestNotification([event(1, 'Sam Lee approved your pull request')], true)).toEqual({
      title: 'Sam Lee approved your pull request',
      message: 'web-portal #1: PR 1',
      url: 'https://dev.azure.com/contoso/P/_git/web-portal/pullrequest/1',
    });
  });

  it('groups several pull requests under one title, a line each, opening the organization’s pull requests', () => {
    const events = [event(1, 'Sam Lee approved your pull request'), event(2, 'Your pull request was completed'), event(3, 'Sam Lee asks for your review')];
    const grouped = pullRequestNotification(events, true);
    expect(grouped).toMatchObject({ title: '3 pull requests need you', message: 'contoso', url: 'https://dev.azure.com/contoso/_pulls' });
    expect(grouped.items).toEqual([
      { title: 'web-portal #1', message: 'Sam Lee approved your pull request' },
      { title: 'web-portal #2', message: 'Your pull request was completed' },
      { title: 'web-portal #3', message: 'Sam Lee asks for your review' },
    ]);
  });

  it('puts the lines in the message where the browser shows no lists (Firefox)', () => {
    const grouped = pullRequestNotification([event(1, 'Sam Lee approved your pull request'), event(1, 'Your pull request has merge conflicts')], false);
    expect(grouped).toEqual({
      title: 'web-portal #1 needs you',
      message: 'web-portal #1: Sam Lee approved your pull request\nweb-portal #1: Your pull request has merge conflicts',
      url: 'https://dev.azure.com/contoso/P/_git/web-portal/pullrequest/1',
    });
  });
});
