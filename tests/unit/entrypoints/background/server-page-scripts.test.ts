import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createServerPageScripts, isGrantedServerPage, pageActionOrigins, planServerPageScripts, serverPagePattern } from '@/entrypoints/background/server-page-scripts';
import type { CompanionDb } from '@/lib/db/schema';

const TFS = 'https://tfs.contoso.test';
const registration = (origin: string) => ({
  id: `server-page:${origin}`,
  matches: [serverPagePattern(origin)],
  js: ['azure-devops-server.js'],
  runAt: 'document_idle',
  persistAcrossSessions: true,
});

describe('background/server-page-scripts', () => {
  it('registers the page script for a granted Server host with an account', () => {
    expect(planServerPageScripts([TFS], [])).toEqual({ register: [registration(TFS)], unregister: [] });
  });

  it('changes nothing when the registrations are already what is wanted', () => {
    expect(planServerPageScripts([TFS], [registration(TFS)])).toEqual({ register: [], unregister: [] });
  });

  it('unregisters a host whose permission or last account went, and leaves registrations not ours alone', () => {
    const other = { id: 'someone-else', matches: ['https://example.test/*'], js: ['x.js'] };
    expect(planServerPageScripts([], [registration(TFS), other])).toEqual({ register: [], unregister: [`server-page:${TFS}`] });
  });

  it('registers again a host whose registration names another file (an update renamed it)', () => {
    const stale = { ...registration(TFS), js: ['old-name.js'] };
    expect(planServerPageScripts([TFS], [stale])).toEqual({ register: [registration(TFS)], unregister: [`server-page:${TFS}`] });
  });

  it('matches every port of the host: match patterns name none, the permission and the script check the origin', () => {
    expect(serverPagePattern('https://tfs.contoso.test:8443')).toBe('https://tfs.contoso.test/*');
    expect(serverPagePattern('http://tfs:8080')).toBe('http://tfs/*');
  });
});

describe('background/server-page-scripts sync', () => {
  beforeEach(() => fakeBrowser.reset());

  /** WXT's fake browser has no scripting API and grants nothing: record what the sync asks of them. */
  function fakeScripting(granted: string[], registered: { id: string; matches?: string[]; js?: string[] }[] = []) {
    const calls: unknown[][] = [];
    (fakeBrowser as unknown as Record<string, unknown>).scripting = {
      getRegisteredContentScripts: vi.fn(async () => registered),
      registerContentScripts: vi.fn(async (scripts: unknown) => void calls.push(['register', scripts])),
      unregisterContentScripts: vi.fn(async (filter: unknown) => void calls.push(['unregister', filter])),
    };
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins: ['https://dev.azure.com/*', ...granted], permissions: [] });
    return calls;
  }

  function dbWith(baseUrls: string[]) {
    const rows = baseUrls.map((baseUrl) => ({ kind: baseUrl.includes('dev.azure.com') ? 'cloud' : 'server', baseUrl, key: baseUrl.toLowerCase() }));
    const db = { organizations: { toArray: vi.fn(async () => rows) } } as unknown as CompanionDb;
    return db;
  }

  it('registers the script for a granted host that has an account, and not for a granted host without one', async () => {
    const calls = fakeScripting(['https://tfs.contoso.test/*', 'https://other.example/*']);
    await createServerPageScripts({ db: () => dbWith(['https://tfs.contoso.test/tfs/DefaultCollection']) }).sync();
    expect(calls).toEqual([['register', [registration(TFS)]]]);
  });

  it('unregisters it once the permission is gone', async () => {
    const calls = fakeScripting([], [registration(TFS)]);
    await createServerPageScripts({ db: () => dbWith(['https://tfs.contoso.test/tfs/DefaultCollection']) }).sync();
    expect(calls).toEqual([['unregister', { ids: [`server-page:${TFS}`] }]]);
  });

  it('reads no database when nothing off the cloud is granted or registered', async () => {
    fakeScripting([]);
    const db = vi.fn();
    await createServerPageScripts({ db }).sync();
    expect(db).not.toHaveBeenCalled();
  });

  it('registers the script for a granted host the organization’s policy pre-approves, without an account', async () => {
    const calls = fakeScripting(['https://tfs.contoso.test/*', 'https://other.contoso.test/*']);
    await createServerPageScripts({ db: () => dbWith([]), preApproved: async (origin) => origin === TFS }).sync();
    expect(calls).toEqual([['register', [registration(TFS)]]]);
  });

  it('registers nothing for a pre-approved host the browser has not granted: the script could not run there', async () => {
    const calls = fakeScripting([]);
    await createServerPageScripts({ db: () => dbWith(['https://tfs.contoso.test/tfs/DefaultCollection']), preApproved: async () => true }).sync();
    expect(calls).toEqual([]);
  });

  it('registers the script for a granted host the user turned page actions on for, without an account', async () => {
    const calls = fakeScripting(['https://tfs.contoso.test/*']);
    await pageActionOrigins.setValue([TFS]);
    await createServerPageScripts({ db: () => dbWith([]) }).sync();
    expect(calls).toEqual([['register', [registration(TFS)]]]);
  });

  it('unregisters it and forgets the host once its permission is removed', async () => {
    const calls = fakeScripting([], [registration(TFS)]);
    await pageActionOrigins.setValue([TFS]);
    await createServerPageScripts({ db: () => dbWith([]) }).sync();
    expect(calls).toEqual([['unregister', { ids: [`server-page:${TFS}`] }]]);
    expect(await pageActionOrigins.getValue()).toEqual([]);
  });

  it('keeps page actions on such a host when an account for it signs out', async () => {
    const calls = fakeScripting(['https://tfs.contoso.test/*'], [registration(TFS)]);
    await pageActionOrigins.setValue([TFS]);
    await createServerPageScripts({ db: () => dbWith([]) }).sync();
    expect(calls).toEqual([]);
  });
});

describe('background/server-page-scripts isGrantedServerPage', () => {
  beforeEach(() => fakeBrowser.reset());
  const page = new URL('https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app');
  const noAccounts = { organizations: { toArray: vi.fn(async () => []) } } as unknown as CompanionDb;

  it('takes a page of a host the user turned page actions on for and granted', async () => {
    await pageActionOrigins.setValue([TFS]);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    expect(await isGrantedServerPage(noAccounts, page)).toBe(true);
  });

  it('refuses a granted host with neither an account nor page actions turned on', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    expect(await isGrantedServerPage(noAccounts, page)).toBe(false);
  });

  it('refuses a host with page actions turned on whose permission is gone', async () => {
    await pageActionOrigins.setValue([TFS]);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    expect(await isGrantedServerPage(noAccounts, page)).toBe(false);
  });
});
