import { browser } from 'wxt/browser';
import { openCompanionDb, type CompanionDb } from '@/lib/db/schema';
import { createRepositoryCache } from '@/lib/repositories/repository-cache';
import { repositoryHandlers } from './handlers/repositories';
import { pullRequestHandlers } from './handlers/pull-requests';
import { newPullRequestHandlers } from './handlers/new-pull-request';
import { sshKeyHandlers } from './handlers/ssh-keys';
import { pageUiHandlers } from './handlers/page-ui';
import { createSshKeyUpload } from '@/lib/ssh-keys/ssh-key-upload';
import { createSession, type Session } from '@/lib/auth/session';
import { startMessageRouter } from './router';
import { ping } from './handlers/system';
import { accountHandlers } from './handlers/accounts';
import { readEntraConfig } from './entra-config';

export default defineBackground(() => {
  let session: Session | null = null;
  let db: CompanionDb | null = null;
  // Created on first use: a worker woken for a ping does not open the database.
  const getDb = () => (db ??= openCompanionDb());
  const getSession = () =>
    (session ??= (() => {
      const db = getDb();
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

  let repositories: ReturnType<typeof createRepositoryCache> | null = null;
  const getRepositories = () =>
    (repositories ??= createRepositoryCache({ db: getDb(), session: getSession(), now: () => Date.now() }));

  let sshKeys: ReturnType<typeof createSshKeyUpload> | null = null;
  const getSshKeys = () => (sshKeys ??= createSshKeyUpload({ db: getDb(), session: getSession(), now: () => Date.now() }));

  startMessageRouter({
    ping,
    ...accountHandlers(getSession),
    ...repositoryHandlers(getRepositories),
    ...pullRequestHandlers(() => ({ db: getDb(), session: getSession() })),
    ...sshKeyHandlers(getSshKeys),
    ...newPullRequestHandlers(() => ({ db: getDb(), session: getSession() })),
    ...pageUiHandlers(),
  });
});
