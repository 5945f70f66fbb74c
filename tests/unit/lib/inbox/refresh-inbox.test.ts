// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createInbox } from '@/lib/inbox/refresh-inbox';
import { INBOX_STORAGE_KEY, NOTIFIED_STORAGE_KEY, type InboxStorage } from '@/lib/inbox/inbox-state';
import type { FakeAdo } from '../../../fake-ado/server';
import { useFakeAdo } from '../../support/use-fake-ado';
import { basic } from '../../../fake-ado/fixtures/basic';
import { CONTOSO, FABRIKAM, key, startSession } from '../auth/session-harness';

let fake: FakeAdo;
useFakeAdo((started) => (fake = started));

function memoryStorage(): InboxStorage {
  const items = new Map<string, unknown>();
  return {
    get: async (name) => (items.has(name) ? { [name]: structuredClone(items.get(name)) } : {}),
    set: async (values) => void Object.entries(values).forEach(([name, value]) => items.set(name, structuredClone(value))),
  };
}

async function signedInInbox(options: { online?: () => boolean } = {}) {
  const { session, db } = startSession(fake);
  await session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
  await session.connectPat({ host: FABRIKAM, token: basic.pats.janeFabrikam });
  const clock = { now: Date.now() };
  const inbox = createInbox({ db, session, storage: memoryStorage(), now: () => clock.now, isOnline: options.online ?? (() => true) });
  return { inbox, clock, db, session };
}

const titles = (view: { waiting: { organization: string; repository: string; id: number; via: string | null }[] }) =>
  view.waiting.map((r) => `${r.organization}/${r.repository}#${r.id}${r.via ? ` via ${r.via}` : ''}`);
const listings = (since = 0) => fake.control.requests({ pathIncludes: '/_apis/git/pullrequests', since }).length;
const lastSeq = () => fake.control.requests().at(-1)?.seq ?? 0;

describe('lib/inbox/refresh-inbox', () => {
  it('counts what waits for my vote in every organization, by name and through my team', async () => {
    const { inbox } = await signedInInbox();
    const opened = fake.control.openPullRequest({ org: 'contoso', repository: 'android-app', createdBy: basic.users.sam.id, reviewers: [{ id: basic.groups.mobileTeam.id }] });

    const view = await inbox.refresh();

    // #3 is a draft; #1 is Jane's own.
    expect(titles(view)).toEqual([`contoso/android-app#${opened} via [Mobile App]\\Mobile Team`, 'contoso/ios-app#5']);
    expect(view.organizations).toEqual([
      { key: key(CONTOSO), name: 'contoso', waiting: 2, refreshedAt: expect.any(Number) },
      { key: key(FABRIKAM), name: 'fabrikam', waiting: 0, refreshedAt: expect.any(Number) },
    ]);
    expect(view.trouble).toEqual([]);
  });

  it('a sign-out while a refresh is on its way: that refresh does not bring the organization back, and the next reads the change', async () => {
    const { inbox, db, session } = await signedInInbox();
    fake.control.setFailures({ latencyMs: 150 });
    const running = inbox.refresh();
    // Signed out while the refresh waits on Azure DevOps; the background then asks for a refresh of its own.
    const fabrikam = (await db.organizations.toArray()).find((o) => o.name === 'fabrikam')!;
    await session.signOut({ accountId: fabrikam.accountId });
    const afterSignOut = inbox.refreshAfterAccountsChanged();
    fake.control.setFailures({ latencyMs: 0 });

    expect((await running).organizations.map((o) => o.name)).toEqual(['contoso']);
    expect((await afterSignOut).organizations.map((o) => o.name)).toEqual(['contoso']);
    expect(JSON.stringify(await inbox.view())).not.toContain(fabrikam.accountId);
  });

  it('a sign-out forgets that organization’s pull requests, notified events and badge count before any request is answered', async () => {
    const { session, db } = startSession(fake);
    await session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    await session.connectPat({ host: FABRIKAM, token: basic.pats.janeFabrikam });
    const storage = memoryStorage();
    const badge: string[][] = [];
    const inbox = createInbox({ db, session, storage, now: () => Date.now(), isOnline: () => true, onView: (view) => void badge.push(titles(view)) });
    await inbox.setOptions({ notify: true });
    const waiting = fake.control.openPullRequest({ org: 'fabrikam', repository: 'fiber-web', createdBy: basic.users.sam.id, reviewers: [{ id: basic.users.jane.id }] });
    expect(titles(await inbox.refresh())).toContain(`fabrikam/fiber-web#${waiting}`);
    const stored = async () => JSON.stringify([await storage.get(INBOX_STORAGE_KEY), await storage.get(NOTIFIED_STORAGE_KEY)]);
    expect(await stored()).toContain(key(FABRIKAM));

    const fabrikam = (await db.organizations.toArray()).find((o) => o.name === 'fabrikam')!;
    await session.signOut({ accountId: fabrikam.accountId });
    // Azure DevOps slow to answer: the refresh that follows a sign-out takes its time.
    fake.control.setFailures({ latencyMs: 60_000 });
    const sent = lastSeq();
    await inbox.forgetUnserved();

    expect(await stored()).not.toContain(key(FABRIKAM));
    expect(await stored()).not.toContain(fabrikam.accountId);
    expect(await stored()).toContain(key(CONTOSO));
    expect(badge.at(-1)).toEqual(['contoso/ios-app#5']);
    expect(fake.control.requests({ since: sent })).toEqual([]);
  });

  it('a sign-in while a refresh is on its way: the refresh asked for after it counts the new organization', async () => {
    const { session, db } = startSession(fake);
    await session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    const inbox = createInbox({ db, session, storage: memoryStorage(), now: () => Date.now(), isOnline: () => true });
    fake.control.setFailures({ latencyMs: 150 });
    const running = inbox.refresh();
    await new Promise((resolve) => setTimeout(resolve, 20));
    fake.control.setFailures({ latencyMs: 0 });
    await session.connectPat({ host: FABRIKAM, token: basic.pats.janeFabrikam });
    const afterSignIn = inbox.refreshAfterAccountsChanged();

    await running;
    expect((await afterSignIn).organizations.map((o) => o.name)).toEqual(['contoso', 'fabrikam']);
  });

  it('asks who I am and my teams once, then one listing per organization and reviewer identity', async () => {
    const { inbox } = await signedInInbox();
    await inbox.refresh();
    const since = lastSeq();
    await inbox.refresh();
    const asked = fake.control.requests({ since }).map((r) => `${r.path.split('/')[1]} ${r.path.split('/').slice(-2).join('/')}`);
    // contoso: Jane and the Mobile Team; fabrikam: Jane (no team there).
    expect(asked.sort()).toEqual(['contoso git/pullrequests', 'contoso git/pullrequests', 'fabrikam git/pullrequests']);
  });

  it('counts drafts once I ask for them', async () => {
    const { inbox } = await signedInInbox();
    await inbox.refresh();
    const view = await inbox.setOptions({ includeDrafts: true });
    expect(titles(view)).toEqual(['contoso/ios-app#5', 'contoso/web-portal#3']);
  });

  it('waits as long as Retry-After asks after a 429, keeping the last count', async () => {
    const { inbox, clock } = await signedInInbox();
    await inbox.refresh();
    fake.control.setFailures({ throttle: { count: 5, retryAfterSeconds: 120 } });
    const throttled = await inbox.refresh();
    expect(titles(throttled)).toEqual(['contoso/ios-app#5']);

    fake.control.setFailures({ throttle: null });
    const since = lastSeq();
    clock.now += 60_000;
    await inbox.refresh();
    expect(listings(since)).toBe(0);

    clock.now += 61_000;
    await inbox.refresh();
    expect(listings(since)).toBe(3);
  });

  it('sends nothing while the browser is offline, and shows the last inbox', async () => {
    let online = true;
    const { inbox } = await signedInInbox({ online: () => online });
    await inbox.refresh();
    online = false;
    const since = lastSeq();
    const view = await inbox.refresh();
    expect(fake.control.requests({ since })).toEqual([]);
    expect(titles(view)).toEqual(['contoso/ios-app#5']);
  });

  it('names the account and the fix when its token stops working, and asks nothing more of it until fixed', async () => {
    const { inbox } = await signedInInbox();
    await inbox.refresh();
    fake.control.expirePat(basic.pats.janeContoso);
    const view = await inbox.refresh();
    expect(view.trouble).toEqual([
      { accountId: expect.any(String), account: 'Jane Doe', organizations: ['contoso'], host: 'dev.azure.com/contoso', error: expect.objectContaining({ kind: 'auth-expired' }), fix: 'new-token' },
    ]);
    const since = lastSeq();
    await inbox.refresh();
    expect(fake.control.requests({ since, host: 'dev.azure.com', pathIncludes: '/contoso/' })).toEqual([]);
  });
});

describe('lib/inbox/refresh-inbox: notifications', () => {
  /** Jane in contoso with notifications on; `restart()` is a new worker over the same storage. */
  async function notifyingInbox() {
    const { session, db } = startSession(fake);
    await session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    const storage = memoryStorage();
    const shown: string[][] = [];
    const restart = () =>
      createInbox({ db, session, storage, now: () => Date.now(), isOnline: () => true, onEvents: (events) => void shown.push(events.map((e) => `#${e.id} ${e.sentence}`)) });
    const inbox = restart();
    await inbox.setOptions({ notify: true });
    return { inbox, restart, shown };
  }

  it('records a baseline when turned on, then tells each change once, even after a restart', async () => {
    const { inbox, restart, shown } = await notifyingInbox();
    expect(shown).toEqual([]);

    const opened = fake.control.openPullRequest({ org: 'contoso', repository: 'android-app', createdBy: basic.users.sam.id, reviewers: [{ id: basic.users.jane.id }] });
    fake.control.changePullRequest({ org: 'contoso', pullRequestId: basic.pullRequests.login, vote: { reviewer: basic.users.sam.id, vote: -5 } });
    await inbox.refresh();
    expect(shown).toEqual([[`#${opened} Sam Lee asks for your review`, '#1 Sam Lee is waiting for you to change your pull request']]);

    await restart().refresh();
    expect(shown).toHaveLength(1);
  });

  it('learns that my pull request was completed by reading it once it left the active listing', async () => {
    const { inbox, shown } = await notifyingInbox();
    fake.control.changePullRequest({ org: 'contoso', pullRequestId: basic.pullRequests.login, status: 'completed' });
    const since = lastSeq();
    await inbox.refresh();
    expect(shown).toEqual([['#1 Your pull request was completed']]);
    // The listing of mine, and the one pull request that left it.
    expect(fake.control.requests({ since, pathIncludes: `/_apis/git/pullrequests/${basic.pullRequests.login}` })).toHaveLength(1);

    const after = lastSeq();
    await inbox.refresh();
    expect(fake.control.requests({ since: after, pathIncludes: `/_apis/git/pullrequests/${basic.pullRequests.login}` })).toEqual([]);
  });

  it('reads nothing more and tells nothing while notifications are off', async () => {
    const { inbox, shown } = await notifyingInbox();
    await inbox.setOptions({ notify: false });
    fake.control.changePullRequest({ org: 'contoso', pullRequestId: basic.pullRequests.login, mergeStatus: 'conflicts' });
    const since = lastSeq();
    await inbox.refresh();
    expect(shown).toEqual([]);
    expect(fake.control.requests({ since }).filter((r) => r.query.includes('creatorId'))).toEqual([]);
  });
});
