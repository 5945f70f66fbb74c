import type { CompanionDb } from './schema';

/**
 * Settings kept in the `settings` table, one row per setting, over the caller's defaults (the
 * background knows build-time values such as the Entra client id). The clone choice lives in
 * extension storage instead (lib/clients/clone-preference-keys.ts), where page scripts can read it.
 */
export interface Settings {
  /** Entra app registration used for OAuth; '' when not configured. */
  entraClientId: string;
  /** Entra authority tenant: 'organizations', 'common' or a tenant id. */
  entraTenant: string;
}

type SettingName = keyof Settings;

const isValid: { [K in SettingName]: (value: unknown) => value is Settings[K] } = {
  entraClientId: (v): v is string => typeof v === 'string',
  entraTenant: (v): v is string => typeof v === 'string' && v.trim() !== '',
};

const SETTING_NAMES = Object.keys(isValid) as SettingName[];

/** The stored settings over `defaults`; a stored value of the wrong type falls back to its default. */
export async function getSettings(db: CompanionDb, defaults: Settings): Promise<Settings> {
  const rows = await db.settings.bulkGet(SETTING_NAMES);
  const settings: Settings = { ...defaults };
  SETTING_NAMES.forEach((name, i) => {
    const value = rows[i]?.value;
    if (isValid[name](value)) settings[name] = value;
  });
  return settings;
}
