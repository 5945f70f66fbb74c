import type { Session } from '@/lib/auth/session';
import type { Handler } from '../router';

/** Sign-in and account messages; the protocol allows them from extension pages only. */
export function accountHandlers(session: () => Session) {
  return {
    'accounts.list': () => session().listAccounts(),
    'accounts.connectPat': (request) => session().connectPat(request),
    'accounts.signInOAuth': (request) => session().signInOAuth(request),
    'accounts.availableOrganizations': (request) => session().availableOrganizations(request),
    'accounts.selectOrganizations': (request) => session().selectOrganizations(request),
    'accounts.signOut': (request) => session().signOut(request),
    'accounts.dismissSignIn': () => session().dismissSignIn(),
    'accounts.recheckFeatures': (request) => session().recheckFeatures(request),
    'organizations.check': (request) => session().checkOrganization(request),
  } satisfies {
    [K in
      | 'accounts.list'
      | 'accounts.connectPat'
      | 'accounts.signInOAuth'
      | 'accounts.availableOrganizations'
      | 'accounts.selectOrganizations'
      | 'accounts.signOut'
      | 'accounts.dismissSignIn'
      | 'accounts.recheckFeatures'
      | 'organizations.check']: Handler<K>;
  };
}
