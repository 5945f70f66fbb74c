import { browser } from 'wxt/browser';
import type { CompanionDb } from '@/lib/db/schema';
import { AZURE_DEVOPS_SERVER_PAGE_SCRIPT } from '@/lib/page-ui/page-ui-scripts';
import { isServerPreapprovedForPageActions } from './managed-policy';

/**
 * The page script on Azure DevOps Server hosts (docs/azure-devops-hosts.md#server-pages): the manifest
 * declares it for the cloud hosts only, so for each Server host the user granted it is registered at
 * run time, and unregistered when the permission or the host's last account goes. Chromium keeps
 * registrations across restarts and updates (`persistAcrossSessions`), Firefox from 105 too; both are
 * synced again whenever the background starts, so a registration lost anywhere comes back.
 * A Server the user only visits, signed in, may have page actions without an account: the popup asks
 * for its host and the origin is kept in `pageActionOrigins` (docs/azure-devops-hosts.md#server-page-offer).
 */

const PAGE_ACTION_ORIGINS_KEY = 'serverPageActionOrigins';

/**
 * Server origins where the user turned page actions on from the popup, without connecting: not
 * secret. Plain `storage.local` (WXT's storage helper would cost the background ~3 KB gzip).
 */
export const pageActionOrigins = {
  async getValue(): Promise<string[]> {
    const stored: unknown = (await browser.storage.local.get(PAGE_ACTION_ORIGINS_KEY))[PAGE_ACTION_ORIGINS_KEY];
    return Array.isArray(stored) ? stored.filter((origin): origin is string => typeof origin === 'string') : [];
  },
  async setValue(origins: string[]): Promise<void> {
    await browser.storage.local.set({ [PAGE_ACTION_ORIGINS_KEY]: origins });
  },
};

/** Ids of our registrations: this prefix and the origin (`server-page:https://tfs.contoso.test`). */
export const SERVER_PAGE_SCRIPT_PREFIX = 'server-page:';

/** The id of the page script's registration for `origin`. */
export const serverPageScriptId = (origin: string) => `${SERVER_PAGE_SCRIPT_PREFIX}${origin}`;

export interface RegisteredServerPageScript {
  id: string;
  matches?: string[];
  js?: string[];
}

export interface ServerPageScriptPlan {
  register: { id: string; matches: string[]; js: string[]; runAt: 'document_idle'; persistAcrossSessions: true }[];
  unregister: string[];
}

/** `https://tfs.contoso.test:8443` → `https://tfs.contoso.test/*`: match patterns name no port (every port matches), the permission does. */
export function serverPagePattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * What to change so that exactly the `wanted` origins have our Server page script: registrations of
 * ours that are no longer wanted, or that name another file or pattern (an update renamed it), go;
 * wanted ones missing are added. Registrations that are not ours are left alone.
 */
export function planServerPageScripts(wanted: readonly string[], registered: readonly RegisteredServerPageScript[]): ServerPageScriptPlan {
  const want = new Map(wanted.map((origin) => [serverPageScriptId(origin), origin]));
  const current = (script: RegisteredServerPageScript) => {
    const origin = want.get(script.id);
    return (
      origin !== undefined &&
      script.matches?.length === 1 &&
      script.matches[0] === serverPagePattern(origin) &&
      script.js?.length === 1 &&
      script.js[0]!.replace(/^\//, '') === AZURE_DEVOPS_SERVER_PAGE_SCRIPT.replace(/^\//, '')
    );
  };
  const ours = registered.filter((script) => script.id.startsWith(SERVER_PAGE_SCRIPT_PREFIX));
  const kept = new Set(ours.filter(current).map((script) => script.id));
  return {
    unregister: ours.filter((script) => !kept.has(script.id)).map((script) => script.id),
    register: [...want]
      .filter(([id]) => !kept.has(id))
      .map(([id, origin]) => ({
        id,
        matches: [serverPagePattern(origin)],
        js: [AZURE_DEVOPS_SERVER_PAGE_SCRIPT],
        runAt: 'document_idle' as const,
        persistAcrossSessions: true as const,
      })),
  };
}

/** The origins of the Server collections some account serves, lower-cased. */
export async function serverOriginsWithAccounts(db: CompanionDb): Promise<string[]> {
  // `kind` is not indexed; the table holds a handful of rows.
  const collections = (await db.organizations.toArray()).filter((organization) => organization.kind === 'server');
  return [...new Set(collections.map((collection) => new URL(collection.baseUrl).origin.toLowerCase()))];
}

/**
 * Whether `url` is on a Server host whose page script is ours to register: the user granted it, and
 * some account serves a collection there, the user turned page actions on there from the popup, or
 * the organization's policy pre-approves it.
 * Its content script's messages the router takes as a content script's.
 */
export async function isGrantedServerPage(db: CompanionDb, url: URL): Promise<boolean> {
  const origin = url.origin.toLowerCase();
  const ours =
    (await pageActionOrigins.getValue()).includes(origin) || (await isServerPreapprovedForPageActions(origin)) || (await serverOriginsWithAccounts(db)).includes(origin);
  if (!ours) return false;
  return browser.permissions.contains({ origins: [`${origin}/*`] });
}

export interface ServerPageScriptsDeps {
  /** Opened only when some Server origin is granted or registered: a cloud user's wake-up reads no database. */
  db: () => CompanionDb;
  /**
   * Whether the organization's policy pre-approves this origin for page actions
   * (`pageActionServerHosts`): once granted, it gets the page script without an account.
   */
  preApproved?: (origin: string) => Promise<boolean>;
  /** Told the origins that have the page script after every sync (the context menu follows them). */
  onSynced?: (origins: string[]) => Promise<void> | void;
}

/**
 * Registers the Server page script for every granted origin that an account serves, that the user
 * turned page actions on for, or that the organization's policy pre-approves, and unregisters the
 * rest (without the grant the browser would not run it there). Calls are chained, so two syncs never race on an id.
 */
export function createServerPageScripts(deps: ServerPageScriptsDeps): { sync(): Promise<void> } {
  let last: Promise<void> = Promise.resolve();
  async function syncOnce(): Promise<void> {
    const scripting = browser.scripting;
    if (!scripting?.registerContentScripts) return;
    const registered = (await scripting.getRegisteredContentScripts()) as RegisteredServerPageScript[];
    const granted = ((await browser.permissions.getAll()).origins ?? []).filter((pattern) => !isManifestHost(pattern));
    const anyOurs = registered.some((script) => script.id.startsWith(SERVER_PAGE_SCRIPT_PREFIX));
    let wanted: string[] = [];
    if (granted.length > 0 || anyOurs) {
      const grantedOrigins = new Set(granted.map(originOfPattern).filter((origin): origin is string => origin !== null));
      const visited = await pageActionOrigins.getValue();
      // A permission the user removed takes the popup's "page actions on" with it.
      const stillGranted = visited.filter((origin) => grantedOrigins.has(origin));
      if (stillGranted.length !== visited.length) await pageActionOrigins.setValue(stillGranted);
      const withAccounts = (await serverOriginsWithAccounts(deps.db())).filter((origin) => grantedOrigins.has(origin));
      const isPreapproved = deps.preApproved ?? isServerPreapprovedForPageActions;
      const preApproved: string[] = [];
      for (const origin of grantedOrigins) if (await isPreapproved(origin)) preApproved.push(origin);
      wanted = [...new Set([...withAccounts, ...stillGranted, ...preApproved])];
    }
    const plan = planServerPageScripts(wanted, registered);
    if (plan.unregister.length > 0) await scripting.unregisterContentScripts({ ids: plan.unregister });
    if (plan.register.length > 0) await scripting.registerContentScripts(plan.register);
    await deps.onSynced?.(wanted);
  }
  return {
    sync() {
      last = last.then(syncOnce).catch((error: unknown) => console.warn('[ADO Companion] Server page scripts could not be synced', error));
      return last;
    },
  };
}

/** Wires the sync to what changes it: start-up, install and update, and the user's grants. Account changes call `sync` themselves. */
export function startServerPageScripts(scripts: { sync(): Promise<void> }): void {
  void scripts.sync();
  browser.runtime.onStartup.addListener(() => void scripts.sync());
  browser.runtime.onInstalled.addListener(() => void scripts.sync());
  browser.permissions.onAdded.addListener(() => void scripts.sync());
  browser.permissions.onRemoved.addListener(() => void scripts.sync());
}

/** `https://tfs.contoso.test:8443/*` → `https://tfs.contoso.test:8443`; null for wildcards and other schemes. */
function originOfPattern(pattern: string): string | null {
  const match = /^(https?):\/\/([^/*]+)\/\*?$/.exec(pattern);
  if (!match) return null;
  try {
    return new URL(`${match[1]}://${match[2]}`).origin.toLowerCase();
  } catch {
    return null;
  }
}

/** The cloud hosts the manifest grants at install: never a Server. */
function isManifestHost(pattern: string): boolean {
  return /^https:\/\/([^/]*\.)?(dev\.azure\.com|visualstudio\.com|login\.microsoftonline\.com)\//i.test(pattern);
}
