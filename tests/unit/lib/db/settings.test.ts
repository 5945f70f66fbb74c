import { describe, it, expect } from 'vitest';
import { getSettings, type Settings } from '@/lib/db/settings';
import { openTestDb } from './test-db';

const DEFAULTS: Settings = { entraClientId: 'build-time-client', entraTenant: 'organizations' };

describe('lib/db/settings', () => {
  it('returns the defaults when nothing is stored', async () => {
    expect(await getSettings(openTestDb(), DEFAULTS)).toEqual(DEFAULTS);
  });

  it('takes a stored value over its default', async () => {
    const db = openTestDb();
    await db.settings.put({ key: 'entraTenant', value: 'contoso.onmicrosoft.com' });
    expect(await getSettings(db, DEFAULTS)).toEqual({ ...DEFAULTS, entraTenant: 'contoso.onmicrosoft.com' });
  });

  it('falls back to the default when a stored value has the wrong type, and ignores rows it does not know', async () => {
    const db = openTestDb();
    await db.settings.bulkPut([
      { key: 'entraTenant', value: ' ' },
      { key: 'entraClientId', value: 42 },
      { key: 'cloneProtocol', value: 'ssh' },
    ]);
    expect(await getSettings(db, DEFAULTS)).toEqual(DEFAULTS);
  });
});
