import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSignInProgress, SIGN_IN_PROGRESS_CHANGED_KEY, writeSignInProgress } from '@/lib/db/sign-in-progress';
import { openTestDb } from './test-db';

describe('lib/db/sign-in-progress', () => {
  beforeEach(() => fakeBrowser.reset());

  it('tells open popups through storage.session whenever the progress is written or cleared', async () => {
    const db = openTestDb();
    const heard: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((changes, area) => {
      if (area === 'session' && SIGN_IN_PROGRESS_CHANGED_KEY in changes) heard.push(changes[SIGN_IN_PROGRESS_CHANGED_KEY]!.newValue);
    });

    await writeSignInProgress(db, { status: 'running', startedAt: 1 });
    await writeSignInProgress(db, { status: 'running', startedAt: 1 });
    await writeSignInProgress(db, null);

    expect(heard).toHaveLength(3);
    expect(new Set(heard).size).toBe(3);
    expect(await readSignInProgress(db)).toBeNull();
  });

  it('keeps the progress out of storage: the marker carries nothing but a change', async () => {
    const db = openTestDb();
    await writeSignInProgress(db, { status: 'failed', error: { kind: 'oauth-failed', message: 'Sign-in was cancelled.' }, at: 5 });

    expect(await readSignInProgress(db)).toEqual({ status: 'failed', error: { kind: 'oauth-failed', message: 'Sign-in was cancelled.' }, at: 5 });
    expect(Object.values(await fakeBrowser.storage.session.get())).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
  });
});
