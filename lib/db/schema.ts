import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import { isAzureDevOpsCloudHost } from '../azure/azure-hosts';

import type { FeatureAccess } from '../azure/probe-features';
export type { FeatureAccess };

/** A signed-in identity. Its tokens live sealed in `secrets`, never here. */
export interface AccountRecord {
  /** `crypto.randomUUID()` */
  id: string;
  kind: 'oauth' | 'pat';
  displayName: string;
  email: string;
  /** VSS identity id (`connectionData.authenticatedUser.id`). */
  userId: string;
  /** 'dev.azure.com' for cloud; for Server the collection base URL, e.g. 'https://tfs.contoso.test/tfs/DefaultCollection'. */
  host: string;
  /** Entra tenant; OAuth only. */
  tenantId: string | null;
  /** OAuth: the granted scope string split on spaces; PAT: []. */
  scopes: string[];
  /** What the token may do; null until known. */
  features: FeatureAccess | null;
  /** ms epoch: OAuth access token expiry; PAT expiry when known. */
  tokenExpiresAt: number | null;
  /** OAuth: when the refresh-token chain ends (24 h limit for SPA clients). */
  refreshExpiresAt: number | null;
  needsReauth: boolean;
  createdAt: number;
}

/** An Azure DevOps organization (cloud) or collection (Server) and the account that serves it. */
export interface OrganizationRecord {
  /** baseUrl lower-cased, e.g. 'https://dev.azure.com/contoso'. */
  key: string;
  /** Organization name, or collection name for Server. */
  name: string;
  kind: 'cloud' | 'server';
  /** 'https://dev.azure.com/contoso' | 'https://tfs.contoso.test/tfs/DefaultCollection' */
  baseUrl: string;
  accountId: string;
  /** The user picked it for use. */
  selected: boolean;
  /** `connectionData.instanceId` */
  instanceId: string | null;
  /** Newest api-version it accepts, once learned (Server). */
  apiVersion: string | null;
  /** When its repository list was last fetched whole (ms epoch); absent until then. Not indexed. */
  repositoriesRefreshedAt?: number;
}

/** Organization records as version 1 stored them (before `kind` and `apiVersion`). */
export type OrganizationRecordV1 = Omit<OrganizationRecord, 'kind' | 'apiVersion'>;

/** A cached Git repository; `cachedAt` (ms epoch) says how stale the popup's first paint is. */
export interface RepositoryRecord {
  id: string;
  orgKey: string;
  projectId: string;
  projectName: string;
  name: string;
  defaultBranch: string | null;
  webUrl: string;
  remoteUrl: string;
  sshUrl: string | null;
  /**
   * The canonical clone URLs (dev.azure.com for legacy organizations, no user name), worked out once
   * when cached rather than on every listing. Absent on rows an older version cached.
   */
  canonical?: { httpsUrl: string; sshUrl: string | null };
  /**
   * When the default branch last changed (ISO time; null: empty). Asked only for the repositories a
   * user has in view, so absent until then; a refresh of the list drops it.
   */
  updatedAt?: string | null;
  isFork: boolean;
  size: number;
  cachedAt: number;
}

/** A reviewer recently picked in an organization, for the quick PR dialog's suggestions. */
export interface ReviewerRecord {
  /** `${orgKey}|${identityId}` */
  key: string;
  orgKey: string;
  identityId: string;
  displayName: string;
  /** Mail for a person, the scope for a group (not indexed: no schema version needed). */
  mail: string | null;
  kind?: 'user' | 'group';
  lastUsedAt: number;
}

/** One setting per row, so concurrent updates of different settings do not overwrite each other. */
export interface SettingRecord {
  key: string;
  value: unknown;
}

export type SecretKind = 'pat' | 'access-token' | 'refresh-token';

/** A token sealed by the token vault (AES-GCM). */
export interface SecretRecord {
  /** `${accountId}|${kind}` */
  key: string;
  accountId: string;
  kind: SecretKind;
  iv: Uint8Array;
  ciphertext: ArrayBuffer;
}

/** The vault's CryptoKey, stored as the (non-extractable) object itself. */
export interface CryptoKeyRecord {
  /** 'tokens' */
  id: string;
  key: CryptoKey;
}

/** The ADO Companion database: Dexie with typed tables. */
export type CompanionDb = Dexie & {
  accounts: EntityTable<AccountRecord, 'id'>;
  organizations: EntityTable<OrganizationRecord, 'key'>;
  repositories: EntityTable<RepositoryRecord, 'id'>;
  reviewers: EntityTable<ReviewerRecord, 'key'>;
  settings: EntityTable<SettingRecord, 'key'>;
  secrets: EntityTable<SecretRecord, 'key'>;
  cryptoKeys: EntityTable<CryptoKeyRecord, 'id'>;
};

export const COMPANION_DB_NAME = 'ado-companion';

/**
 * Version 1 as shipped. Versions are append-only: never edit a published one, add a new version.
 * Exported so the upgrade test can create a real v1 database.
 */
export const COMPANION_SCHEMA_V1 = {
  accounts: '&id',
  organizations: '&key, accountId',
  secrets: '&key, accountId',
  cryptoKeys: '&id',
  settings: '&key',
} as const;

/** Version 2: tables new in this version only (Dexie keeps the earlier ones). */
export const COMPANION_SCHEMA_V2 = {
  projects: '&id, orgKey',
  repositories: '&id, orgKey, projectId',
  reviewers: '&key, orgKey, lastUsedAt',
} as const;

/**
 * Version 3: the `projects` table goes (projects are read from Azure DevOps when a screen needs
 * them; nothing ever read the cached copy).
 */
export const COMPANION_SCHEMA_V3 = { projects: null } as const;

/** Open (lazily, on first use) the database; `options` lets tests pass a fake IndexedDB. */
export function openCompanionDb(name = COMPANION_DB_NAME, options?: DexieOptions): CompanionDb {
  const db = new Dexie(name, options) as CompanionDb;
  db.version(1).stores(COMPANION_SCHEMA_V1);
  db.version(2).stores(COMPANION_SCHEMA_V2).upgrade(fillOrganizationKinds);
  db.version(3).stores(COMPANION_SCHEMA_V3);
  return db;
}

async function fillOrganizationKinds(tx: Transaction): Promise<void> {
  await tx
    .table<Partial<OrganizationRecord> & OrganizationRecordV1, string>('organizations')
    .toCollection()
    .modify((org) => {
      org.kind ??= organizationKind(org.baseUrl);
      org.apiVersion ??= null;
    });
}

// An upgrade that throws aborts the open and locks the user out of every table, so a
// baseUrl that does not parse is classified rather than thrown on.
function organizationKind(baseUrl: string): OrganizationRecord['kind'] {
  try {
    return isAzureDevOpsCloudHost(new URL(baseUrl).hostname) ? 'cloud' : 'server';
  } catch {
    return 'server';
  }
}
