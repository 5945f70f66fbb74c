import type { EntraConfig } from '@/lib/auth/entra';
import { getSettings, type Settings } from '@/lib/db/settings';
import type { CompanionDb } from '@/lib/db/schema';
import { readManagedPolicy } from './managed-policy';

/**
 * Build-time defaults (WXT_ENTRA_CLIENT_ID / WXT_ENTRA_TENANT, see README "Real OAuth");
 * the user's settings override them.
 */
export const DEFAULT_SETTINGS: Settings = {
  entraClientId: import.meta.env.WXT_ENTRA_CLIENT_ID || 'ado-companion-public-client',
  entraTenant: import.meta.env.WXT_ENTRA_TENANT || 'organizations',
};

/** The Entra app to sign in with: the managed policy's, else the settings' (docs/managed-configuration.md). */
export async function readEntraConfig(db: CompanionDb): Promise<EntraConfig> {
  const [settings, policy] = await Promise.all([getSettings(db, DEFAULT_SETTINGS), readManagedPolicy()]);
  return { clientId: policy.entraClientId ?? settings.entraClientId, tenant: policy.entraTenant ?? settings.entraTenant };
}
