import type { CompanionDb } from '@/lib/db/schema';
import type { Session } from '@/lib/auth/session';
import { listMyPullRequests } from '@/lib/pull-requests/my-pull-requests';
import type { Handler } from '../router';

/** The popup's pull request lists; extension pages only (the protocol says so). */
export function pullRequestHandlers(deps: () => { db: CompanionDb; session: Session }) {
  return {
    'pullRequests.mine': () => listMyPullRequests(deps()),
  } satisfies { [K in 'pullRequests.mine']: Handler<K> };
}
