import { describe, it, expect } from 'vitest';
import { getSettings, updateSettings, type Settings } from '@/lib/db/settings';
import { openTestDb } from './test-db';

const DEFAULTS: Settings = {
  defaultClient: 'gitkraken',
  cloneProtocol: 'https',
  entraClientId: 'build-time-client',
  entraTenant: 'organizations',
};

describe('lib/db/settings', () => {
  it('returns the defaults when nothing is stored', async () => {
    expect(await getSettings(openTestDb(), DEFAULTS)).toEqual(DEFAULTS);
  });

  it('merges stored values over the defaults when some settings were updated', async () => {
    const db = openTestDb();
    await updateSettings(db, { cloneProtocol: 'ssh' });
    await updateSettings(db, { defaultClient: 'vscode', entraTenant: 'contoso.onmicrosoft.com' });

    expect(await getSettings(db, DEFAULTS)).toEqual({
      ...DEFAULTS,
      cloneProtocol: 'ssh',
      defaultClient: 'vscode',
      entraTenant: 'contoso.onmicrosoft.com',
    });
  });

  it('ignores unknown keys when the patch carries them', async () => {
    const db = openTestDb();
    await updateSettings(db, { cloneProtocol: 'ssh', theme: 'dark' } as Partial<Settings>);

    expect(await db.settings.toCollection().primaryKeys()).toEqual(['cloneProtocol']);
  });

  it('rejects and stores nothing when a known setting has the wrong type', async () => {
    const db = openTestDb();
    const bad: Array<Record<string, unknown>> = [
      { defaultClient: 'vscode', cloneProtocol: 'ftp' },
      { defaultClient: '' },
      { entraClientId: 42 },
      { entraTenant: null },
    ];
    for (const patch of bad) {
      await expect(updateSettings(db, patch as Partial<Settings>)).rejects.toMatchObject({ kind: 'invalid-input' });
    }
    expect(await db.settings.count()).toBe(0);
  });

  it('falls back to the default when a stored value has the wrong type', async () => {
    const db = openTestDb();
    await db.settings.bulkPut([
      { key: 'cloneProtocol', value: 'git' },
      { key: 'defaultClient', value: 'fork' },
    ]);
    expect(await getSettings(db, DEFAULTS)).toEqual({ ...DEFAULTS, defaultClient: 'fork' });
  });
});
