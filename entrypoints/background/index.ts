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
import { showRepositoryLinkMenuOn, startRepositoryLinkMenu } from './context-menu';
import { startKeyboardCommands } from './keyboard-commands';
import { startOmnibox } from './omnibox';
import { inboxHandlers } from './handlers/inbox';
import { createInbox, type Inbox } from '@/lib/inbox/refresh-inbox';
import { inboxStorage, scheduleInboxRefresh, showOnBadge, startInboxSchedule } from './inbox-schedule';
import { readManagedPolicy, watchManagedPolicy } from './managed-policy';
import { keepPolicyCloneChoice } from './clone-choice';
import { policyHandlers } from './handlers/policy';
import { hasNotificationsPermission, showPullRequestNotification, startNotificationClicks } from './inbox-notifications';
import { createServerPageScripts, isGrantedServerPage, startServerPageScripts } from './server-page-scripts';
import { serverPageHandlers } from './handlers/server-pages';

export default defineBackground(() => {
  // Before any other listener: a policy change must be read afresh by everything after it.
  watchManagedPolicy();
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
        managedPolicy: readManagedPolicy,
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

  let inbox: Inbox | null = null;
  const getInbox = () =>
    (inbox ??= createInbox({
      db: getDb(),
      session: getSession(),
      storage: inboxStorage,
      now: () => Date.now(),
      isOnline: () => navigator.onLine,
      onView: showOnBadge,
      onEvents: showPullRequestNotification,
    }));
  const serverPageScripts = createServerPageScripts({ db: getDb, onSynced: showRepositoryLinkMenuOn });
  // Right after a sign-in or sign-out the badge follows (docs/pull-request-inbox.md#refresh), and the
  // Server page script comes or goes with the host's accounts. What the inbox kept of an organization
  // signed out is gone before the popup hears of it, not once Azure DevOps has answered.
  const accounts = accountHandlers(getSession);
  const thenRefreshInbox =
    <A extends unknown[], R>(handler: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await handler(...args);
      await getInbox().forgetUnserved().catch(() => undefined);
      void getInbox().refreshAfterAccountsChanged().catch(() => undefined);
      void serverPageScripts.sync();
      return result;
    };

  startMessageRouter({
    ping,
    ...accounts,
    'accounts.connectPat': thenRefreshInbox(accounts['accounts.connectPat']),
    'accounts.selectOrganizations': thenRefreshInbox(accounts['accounts.selectOrganizations']),
    'accounts.signOut': thenRefreshInbox(accounts['accounts.signOut']),
    ...inboxHandlers(getInbox, scheduleInboxRefresh, hasNotificationsPermission),
    ...repositoryHandlers(getRepositories),
    ...pullRequestHandlers(() => ({ db: getDb(), session: getSession() })),
    ...sshKeyHandlers(getSshKeys),
    ...forkHandlers(getForks),
    ...newPullRequestHandlers(() => ({ db: getDb(), session: getSession() })),
    ...newRepositoryHandlers(getNewRepository),
    ...pageUiHandlers(),
    ...policyHandlers(),
    ...serverPageHandlers(serverPageScripts),
  }, { isServerPage: (url) => isGrantedServerPage(getDb(), url) });
  keepPolicyCloneChoice();
  startRepositoryLinkMenu();
  startKeyboardCommands();
  startOmnibox(() => getRepositories().list());
  startInboxSchedule(getInbox);
  startNotificationClicks((granted) => void getInbox().setOptions({ notify: granted }).catch(() => undefined));
  startServerPageScripts(serverPageScripts);
});
