/**
 * The background's account service as the service worker builds it, against the fake Azure DevOps
 * + Entra (tests/fake-ado), with a real Dexie database over an in-memory fake-indexeddb and real
 * WebCrypto. The browser is played by fake-entra-browser.ts.
 *
 * `hold` lets a test stop chosen requests at the network until it lets them go (or forever, to
 * model a stalled server): the way to put a sign-out in the middle of a refresh or a selection.
 */
import { vi } from 'vitest';
import type { DexieOptions } from 'dexie';
import { createSession } from '@/lib/auth/session';
import type { ManagedPolicy } from '@/lib/policy/managed-policy';
import type { CompanionDb } from '@/lib/db/schema';
import type { FakeAdo } from '../../../fake-ado/server';
import { basic } from '../../../fake-ado/fixtures/basic';
import { fakeIndexedDb, openTestDb } from '../db/test-db';
import { CLIENT_ID, EXTENSION_ORIGIN, REDIRECT_URI, authWindow, hostRoutedFetch, type WindowChoice } from './fake-entra-browser';

export const CONTOSO = `https://dev.azure.com/${basic.orgs.contoso.name}`;
export const FABRIKAM = `https://dev.azure.com/${basic.orgs.fabrikam.name}`;
export const SERVER = basic.orgs.server.url;
export const JANE = basic.users.jane;
export const key = (baseUrl: string) => baseUrl.toLowerCase();

/** Requests held at the network until released (or forever, like a stalled server). */
export interface NetworkHold {
  /** Which requests to hold (checked per request). */
  matches: (url: URL) => boolean;
  /** 'request': held before it reaches the server; 'response': its answer is held before the caller sees it. */
  phase: 'request' | 'response';
  /** Resolves once a matching request has arrived. */
  arrived: Promise<void>;
  released: Promise<void>;
  release(): void;
}

/** `count`: `arrived` resolves once that many matching requests are held. */
export function holdRequests(matches: (url: URL) => boolean, count = 1, phase: NetworkHold['phase'] = 'request'): NetworkHold {
  let seen = 0;
  let arrive!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    matches: (url) => {
      const hit = matches(url);
      if (hit && ++seen >= count) arrive();
      return hit;
    },
    phase,
    arrived,
    released,
    release,
  };
}

export interface SessionHarnessOptions {
  hostPermission?: boolean;
  dbOptions?: DexieOptions;
  holds?: NetworkHold[];
  requestTimeoutMs?: number;
  window?: WindowChoice;
  /** Window-less (prompt=none) flows never come back, like a hidden window stuck on a page. */
  silentFlowStalls?: boolean;
  /** Entra's id token carries no `name` claim (it is optional; some tenants leave it out). */
  idTokenWithoutName?: boolean;
  /** The organization's managed policy (none by default). */
  managedPolicy?: ManagedPolicy;
}

export function startSession(fake: FakeAdo, options: SessionHarnessOptions = {}) {
  const dbOptions = options.dbOptions ?? fakeIndexedDb();
  const db: CompanionDb = openTestDb(dbOptions);
  const clock = { now: Date.now() };
  const hasHostPermission = vi.fn(async (_origin: string) => options.hostPermission ?? true);
  const routed = hostRoutedFetch(fake);
  const holds = options.holds ?? [];
  const window = authWindow(options.window ?? { signInAs: JANE.displayName });
  const launchWebAuthFlow = Object.assign(
    (details: { url: string; interactive: boolean }) =>
      options.silentFlowStalls && !details.interactive ? new Promise<string | undefined>(() => {}) : window(details),
    { calls: window.calls },
  );
  const session = createSession({
    db,
    // A service worker's cross-origin fetch carries the extension's Origin; Entra requires it of SPAs.
    fetch: async (input, init = {}) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const wait = (phase: NetworkHold['phase']) =>
        Promise.all(
          holds
            .filter((hold) => hold.phase === phase && hold.matches(url))
            .map((hold) =>
              Promise.race([
                hold.released,
                new Promise<never>((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
              ]),
            ),
        );
      await wait('request');
      const headers = new Headers(init.headers);
      headers.set('Origin', EXTENSION_ORIGIN);
      let response = await routed(input, { ...init, headers });
      await wait('response');
      if (options.idTokenWithoutName && url.pathname.endsWith('/oauth2/v2.0/token')) response = await withoutNameClaim(response);
      return response;
    },
    now: () => clock.now,
    entra: async () => ({ clientId: CLIENT_ID, tenant: 'organizations', authority: fake.origin }),
    launchWebAuthFlow,
    redirectUri: REDIRECT_URI,
    hasHostPermission,
    managedPolicy: async () => options.managedPolicy ?? {},
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    // Retries and backoff run as in the product, without waiting the real 1, 2, 4 s between them.
    sleep: () => Promise.resolve(),
  });
  return { session, db, dbOptions, clock, hasHostPermission, launchWebAuthFlow };
}

export type StartedSession = ReturnType<typeof startSession>;

/** Jane signs in with Microsoft and picks organizations (contoso by default). */
export async function signInJane({ session }: StartedSession, baseUrls = [CONTOSO]) {
  const { account } = await session.signInOAuth({});
  const { results } = await session.selectOrganizations({ accountId: account.id, baseUrls });
  return { account, results };
}

async function withoutNameClaim(response: Response): Promise<Response> {
  const body = (await response.json()) as Record<string, unknown>;
  if (typeof body.id_token === 'string') {
    const [head, payload, signature] = body.id_token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    delete claims.name;
    body.id_token = `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
  }
  return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
}
