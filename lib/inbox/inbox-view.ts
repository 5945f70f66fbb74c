import type { AccountRecord } from '../db/schema';
import type { AppErrorValue } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import type { InboxOptions, InboxState } from './inbox-state';
import type { ReviewRequest } from './review-requests';
import { CLOUD_HOST } from '../azure/azure-hosts';

/** The one action that fixes an account's trouble: a new token, a new sign-in, or patience. */
export type TroubleFix = 'new-token' | 'sign-in' | 'wait';

/** An account the inbox could not read for, with the sentence that says why (lib/errors). */
export interface AccountTrouble {
  accountId: string;
  /** The account's name as the Accounts screen shows it. */
  account: string;
  organizations: string[];
  /** What the token form takes for its first organization (`dev.azure.com/{org}`, or a Server's address). */
  host: string;
  error: AppErrorValue;
  fix: TroubleFix;
}

/** The pull request inbox as the badge and the popup show it. */
export interface InboxView {
  /** Pull requests waiting for the user's vote, every organization, newest first. */
  waiting: ReviewRequest[];
  /** Per selected organization: how many wait, and when that was learnt (null: never). */
  organizations: { key: string; name: string; waiting: number; refreshedAt: number | null }[];
  trouble: AccountTrouble[];
  options: InboxOptions;
}

/** Errors that a new token or sign-in fixes; anything else passes with time (or a network). */
const CREDENTIAL_KINDS = new Set<AppErrorValue['kind']>(['auth-expired', 'auth-invalid', 'auth-missing-scope', 'reauth-required', 'oauth-blocked-by-policy']);
/** One failed refresh is a glitch; this many in a row is an organization that stopped answering. */
export const FAILURES_BEFORE_TROUBLE = 2;

type AccountFacts = Pick<AccountRecord, 'id' | 'kind' | 'displayName' | 'email' | 'needsReauth'>;

/**
 * The view of `state` for the organizations selected now. An account's trouble comes first from the
 * account itself (flagged when Azure DevOps refused its token), then from its organizations' last
 * refresh (docs/pull-request-inbox.md#account-trouble).
 */
export function inboxView(
  state: InboxState,
  organizations: { key: string; name: string; accountId: string; kind?: 'cloud' | 'server'; baseUrl?: string }[],
  accounts: AccountFacts[],
): InboxView {
  const byAccount = new Map(accounts.map((a) => [a.id, a]));
  const trouble = new Map<string, AccountTrouble>();
  const waiting: ReviewRequest[] = [];
  const rows: InboxView['organizations'] = [];
  for (const organization of organizations) {
    const inbox = state.organizations[organization.key];
    const requests = inbox?.requests ?? [];
    waiting.push(...requests);
    rows.push({ key: organization.key, name: organization.name, waiting: requests.length, refreshedAt: inbox?.refreshedAt ?? null });
    const account = byAccount.get(organization.accountId);
    if (!account) continue;
    const problem = troubleOf(account, organization.name, inbox?.error ?? null, inbox?.failures ?? 0);
    if (!problem) continue;
    const known = trouble.get(account.id);
    if (known) known.organizations.push(organization.name);
    else {
      const host = organization.kind === 'server' && organization.baseUrl ? organization.baseUrl : `${CLOUD_HOST}/${organization.name}`;
      trouble.set(account.id, { accountId: account.id, account: account.displayName || account.email, organizations: [organization.name], host, ...problem });
    }
  }
  waiting.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.orgKey.localeCompare(b.orgKey) || b.id - a.id);
  return { waiting, organizations: rows, trouble: [...trouble.values()], options: state.options };
}

function troubleOf(account: AccountFacts, organization: string, error: AppErrorValue | null, failures: number): Pick<AccountTrouble, 'error' | 'fix'> | null {
  const fix: TroubleFix = account.kind === 'oauth' ? 'sign-in' : 'new-token';
  const name = account.displayName || account.email;
  if (account.needsReauth) {
    return { error: account.kind === 'oauth' ? appErrors.signInEnded(name) : appErrors.tokenNoLongerWorks(name), fix };
  }
  if (!error) return null;
  // An organization that refuses Microsoft sign-ins, or a token without a scope, takes a (new) token.
  if (error.kind === 'oauth-blocked-by-policy' || error.kind === 'auth-missing-scope') return { error, fix: 'new-token' };
  if (CREDENTIAL_KINDS.has(error.kind)) return { error, fix };
  if (error.kind !== 'throttled' && failures >= FAILURES_BEFORE_TROUBLE) return { error: appErrors.organizationNotAnswering(organization), fix: 'wait' };
  return null;
}
