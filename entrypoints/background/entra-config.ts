import type { EntraConfig } from '@/lib/auth/entra';
import { getSettings, type Settings } from '@/lib/db/settings';
import type { CompanionDb } from '@/lib/db/schema';

/**
 * Build-time defaults (WXT_ENTRA_CLIENT_ID / WXT_ENTRA_TENANT, see README "Real OAuth");
 * the user's settings override them.
 */
export const DEFAULT_SETTINGS: Settings = {
  defaultClient: 'gitkraken',
  cloneProtocol: 'https',
  entraClientId: import.meta.env.WXT_ENTRA_CLIENT_ID || 'ado-companion-public-client',
  entraTenant: import.meta.env.WXT_ENTRA_TENANT || 'organizations',
};

export async function readEntraConfig(db: CompanionDb): Promise<EntraConfig> {
  const settings = await getSettings(db, DEFAULT_SETTINGS);
  return { clientId: settings.entraClientId, tenant: settings.entraTenant };
}
