import { browser } from 'wxt/browser';
import { openCompanionDb, type CompanionDb } from '@/lib/db/schema';
import { createRepositoryCache } from '@/lib/repositories/repository-cache';
import { repositoryHandlers } from './handlers/repositories';
import { pullRequestHandlers } from './handlers/pull-requests';
import { newPullRequestHandlers } from './handlers/new-pull-request';
import { forkHandlers } from './handlers/forks';
import { createForks } from '@/lib/forks/forks';
import { sshKeyHandlers } from './handlers/ssh-keys';
import { pageUiHandlers } from './handlers/page-ui';
import { createSshKeyUpload } from '@/lib/ssh-keys/ssh-key-upload';
import { newRepositoryHandlers } from './handlers/new-repository';
import { createNewRepository } from '@/lib/new-repository/create-repository';
import { createSession, type Session } from '@/lib/auth/session';
import { startMessageRouter } from './router';
import { ping } from './handlers/system';
import { accountHandlers } from './handlers/accounts';
import { readEntraConfig } from './entra-config';
import { startRepositoryLinkMenu } from './context-menu';
import { startKeyboardCommands } from './keyboard-commands';

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

  let newRepository: ReturnType<typeof createNewRepository> | null = null;
  const getNewRepository = () =>
    (newRepository ??= createNewRepository({
      db: getDb(),
      session: getSession(),
      now: () => Date.now(),
      // The templates are packaged files (public/templates/), not part of this bundle.
      readTemplate: async (file) => {
        const response = await fetch(new URL(file, browser.runtime.getURL('/')));
        if (!response.ok) throw new Error(`template ${file}: HTTP ${response.status}`);
        return response.text();
      },
    }));

  let forks: ReturnType<typeof createForks> | null = null;
  const getForks = () => (forks ??= createForks({ db: getDb(), session: getSession(), now: () => Date.now() }));

  startMessageRouter({
    ping,
    ...accountHandlers(getSession),
    ...repositoryHandlers(getRepositories),
    ...pullRequestHandlers(() => ({ db: getDb(), session: getSession() })),
    ...sshKeyHandlers(getSshKeys),
    ...forkHandlers(getForks),
    ...newPullRequestHandlers(() => ({ db: getDb(), session: getSession() })),
    ...newRepositoryHandlers(getNewRepository),
    ...pageUiHandlers(),
  });
  startRepositoryLinkMenu();
  startKeyboardCommands();
});
