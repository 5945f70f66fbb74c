import { browser } from 'wxt/browser';
import { openCompanionDb } from '@/lib/db/schema';
import { createSession, type Session } from '@/lib/auth/session';
import { startMessageRouter } from './router';
import { ping } from './handlers/system';
import { accountHandlers } from './handlers/accounts';
import { readEntraConfig } from './entra-config';

export default defineBackground(() => {
  let session: Session | null = null;
  // Created on first use: a worker woken for a ping does not open the database.
  const getSession = () =>
    (session ??= (() => {
      const db = openCompanionDb();
      return createSession({
        db,
        fetch: (input, init) => fetch(input, init),
        now: () => Date.now(),
        entra: () => readEntraConfig(db),
        launchWebAuthFlow: (details) => browser.identity.launchWebAuthFlow(details),
        redirectUri: browser.identity.getRedirectURL(),
        hasHostPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
      });
    })());

  startMessageRouter({ ping, ...accountHandlers(getSession) });
});
