import { AppError } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import type { CompanionDb } from './schema';

/**
 * User preferences kept in the `settings` table, one row per setting. Defaults are the caller's
 * (the background knows build-time values such as the Entra client id).
 */
export interface Settings {
  /** Desktop client id (see lib/clients), default 'gitkraken'. */
  defaultClient: string;
  cloneProtocol: 'https' | 'ssh';
  /** Entra app registration used for OAuth; '' when not configured. */
  entraClientId: string;
  /** Entra authority tenant: 'organizations', 'common' or a tenant id. */
  entraTenant: string;
}

type SettingName = keyof Settings;

const isValid: { [K in SettingName]: (value: unknown) => value is Settings[K] } = {
  defaultClient: (v): v is string => typeof v === 'string' && v.trim() !== '',
  cloneProtocol: (v): v is Settings['cloneProtocol'] => v === 'https' || v === 'ssh',
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
    if (isValid[name](value)) assign(settings, name, value);
  });
  return settings;
}

/**
 * Store the settings in `patch`. Unknown keys are ignored (the patch may come from an older or
 * newer popup); a known key with a wrong value rejects with `invalid-input` and stores nothing.
 */
export async function updateSettings(db: CompanionDb, patch: Partial<Settings>): Promise<void> {
  const rows = SETTING_NAMES.filter((name) => Object.hasOwn(patch, name) && patch[name] !== undefined).map(
    (name) => {
      const value: unknown = patch[name];
      if (!isValid[name](value)) {
        throw new AppError(appErrors.invalidSetting(name));
      }
      return { key: name, value };
    },
  );
  if (rows.length > 0) await db.settings.bulkPut(rows);
}

function assign<K extends SettingName>(settings: Settings, name: K, value: Settings[K]): void {
  settings[name] = value;
}
